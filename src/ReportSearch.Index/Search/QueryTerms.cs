using ReportSearch.Core.Analysis;

namespace ReportSearch.Index.Search;

/// <summary>
/// One FTS query term: a token or a phrase (space-separated tokens), the weight of its bm25 score, and the literal query
/// word it stands for (a thesaurus equivalent stands for the word it was expanded from, so it covers that word).
/// </summary>
public sealed record QueryTerm(string Phrase, double Weight, string Group)
{
    /// <summary>FTS5 string syntax: the phrase in double quotes, inner quotes doubled; no operator can leak in.</summary>
    public string Match => "\"" + Phrase.Replace("\"", "\"\"") + "\"";
}

/// <summary>The terms a query sends to each FTS table: literal words or bigrams at weight 1, thesaurus equivalents below.</summary>
public sealed record QueryTerms(IReadOnlyList<QueryTerm> Terms, int Groups)
{
    /// <summary>
    /// A lone Chinese character left over by segmentation (宇航员 → 宇航|员) matches half the corpus as a word; when the
    /// query has longer words it is left to the bigrams, which see it in context.
    /// </summary>
    public static QueryTerms ForWords(AnalyzedQuery q, ITextAnalyzer analyzer)
    {
        var words = q.Words.Any(w => !IsLoneHan(w)) ? q.Words.Where(w => !IsLoneHan(w)).ToList() : q.Words;
        return Build(words, q.Expansions, e => analyzer.Analyze(e.Term).Words);
    }

    private static bool IsLoneHan(string w) => w.Length == 1 && char.GetUnicodeCategory(w[0]) == System.Globalization.UnicodeCategory.OtherLetter;

    public static QueryTerms ForBigrams(AnalyzedQuery q, ITextAnalyzer analyzer) =>
        Build(q.Bigrams, q.Expansions, e => analyzer.Analyze(e.Term).Bigrams);

    private static QueryTerms Build(IReadOnlyList<string> literal, IReadOnlyList<WeightedTerm> expansions, Func<WeightedTerm, IReadOnlyList<string>> tokens)
    {
        var terms = new List<QueryTerm>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in literal.Where(Searchable).Distinct(StringComparer.Ordinal))
            if (seen.Add(t)) terms.Add(new QueryTerm(t, 1.0, t));
        var groups = terms.Count;
        foreach (var e in expansions)
        {
            var phrase = string.Join(' ', tokens(e).Where(Searchable));
            if (phrase.Length == 0 || !seen.Add(phrase)) continue;
            terms.Add(new QueryTerm(phrase, e.Weight, e.ExpandedFrom));
            if (!literal.Contains(e.ExpandedFrom)) groups++;
        }
        return new QueryTerms(terms, groups);
    }

    private static bool Searchable(string token) => token.Any(char.IsLetterOrDigit);
}
