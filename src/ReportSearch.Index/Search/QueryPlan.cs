using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Search;
using ReportSearch.Core.Analysis;
using static ReportSearch.Index.Search.SearchDocument;

namespace ReportSearch.Index.Search;

/// <summary>
/// One query term as a user would name it: a literal query word, or a thesaurus equivalent standing for one. It matches a
/// document that holds it as a word or, through the bigram fields, as a run of characters (so a segmentation that cut
/// it differently in the document still finds it).
/// </summary>
internal sealed record QueryTerm(string Text, double Weight, Query Match);

/// <summary>A literal query word with its thesaurus equivalents: a document covers the group when it holds any of them.</summary>
internal sealed record QueryGroup(string Word, IReadOnlyList<QueryTerm> Terms);

/// <summary>
/// What one search asks of the Lucene index: the scoring query (BM25 over the word fields and the bigram fields, per-part
/// boosts, equivalents at their lower weight) and the groups whose coverage decides what matches and what falls below the
/// relevance floor.
/// </summary>
internal sealed class QueryPlan
{
    private static readonly string[] Parts = [Names.Heading, Names.Statement, Names.Body];

    public IReadOnlyList<QueryGroup> Groups { get; }
    public Query? Scoring { get; }

    private QueryPlan(IReadOnlyList<QueryGroup> groups, Query? scoring)
    {
        Groups = groups;
        Scoring = scoring;
    }

    /// <summary>No query text: a listing by filters.</summary>
    public static QueryPlan None { get; } = new([], null);

    public static QueryPlan Build(AnalyzedQuery query, ITextAnalyzer analyzer, SearchService.Signals signals, RankingOptions options)
    {
        var words = signals.HasFlag(SearchService.Signals.Words);
        var bigrams = signals.HasFlag(SearchService.Signals.Bigrams);
        if (!words && !bigrams) return None;

        double PartWeight(string part) => part switch
        {
            Names.Heading => options.HeadingWeight,
            Names.Statement => options.StatementWeight,
            _ => options.BodyWeight,
        };

        // The match of one term: as a word (a term, or a phrase when the analyser splits it) or as its run of bigrams.
        Query? Match(string text, double weight, BooleanQuery scoring)
        {
            var wordTokens = words ? PositionedWords(analyzer, text) : [];
            var bigramTokens = bigrams ? analyzer.Analyze(text).Bigrams.Select((b, i) => (b, i)).ToList() : [];
            var match = new BooleanQuery(disableCoord: true);
            foreach (var part in Parts)
            {
                if (Phrase(Names.Words(part), wordTokens) is { } w)
                {
                    match.Add(w, Occur.SHOULD);
                    var scored = (Query)w.Clone();
                    scored.Boost = (float)(PartWeight(part) * weight * options.WordsWeight);
                    scoring.Add(scored, Occur.SHOULD);
                }
                if (Phrase(Names.Bigrams(part), bigramTokens) is { } b) match.Add(b, Occur.SHOULD);
            }
            return match.Clauses.Count == 0 ? null : match;
        }

        var scoring = new BooleanQuery(disableCoord: true);
        var groups = new List<(string Word, List<QueryTerm> Terms)>();
        foreach (var word in LiteralWords(query))
            if (Match(word, 1.0, scoring) is { } m) groups.Add((word, [new QueryTerm(word, 1.0, m)]));
        foreach (var e in query.Expansions)
        {
            if (Match(e.Term, e.Weight, scoring) is not { } m) continue;
            var group = groups.FirstOrDefault(g => g.Word.Contains(e.ExpandedFrom, StringComparison.Ordinal));
            if (group.Terms is null) groups.Add(group = (e.ExpandedFrom, []));
            group.Terms.Add(new QueryTerm(e.Term, e.Weight, m));
        }

        // Bigrams score one by one, so a document sharing part of a long word or a sentence still ranks by how much it shares.
        if (bigrams)
        {
            var weighted = query.Bigrams.Select(b => (Bigram: b, Weight: 1.0))
                .Concat(query.Expansions.SelectMany(e => analyzer.Analyze(e.Term).Bigrams.Select(b => (Bigram: b, e.Weight))))
                .GroupBy(x => x.Bigram, StringComparer.Ordinal).Select(g => (g.Key, g.Max(x => x.Weight)));
            foreach (var (bigram, weight) in weighted)
                foreach (var part in Parts)
                    scoring.Add(new TermQuery(new Term(Names.Bigrams(part), bigram)) { Boost = (float)(PartWeight(part) * weight * options.BigramsWeight) }, Occur.SHOULD);
        }
        return new QueryPlan(groups.Select(g => new QueryGroup(g.Word, g.Terms)).ToList(), scoring.Clauses.Count == 0 ? null : scoring);
    }

    /// <summary>
    /// A lone Chinese character left over by segmentation (宇航员 → 宇航|员) matches half the corpus as a word; when the query
    /// has longer words it is left to the bigrams, which see it in context.
    /// </summary>
    private static IReadOnlyList<string> LiteralWords(AnalyzedQuery q)
    {
        var words = q.Words.Where(Searchable).ToList();
        return words.Any(w => !IsLoneHan(w)) ? words.Where(w => !IsLoneHan(w)).ToList() : words;
    }

    private static bool IsLoneHan(string w) =>
        Rune.DecodeFromUtf16(w, out var r, out var used) == System.Buffers.OperationStatus.Done && used == w.Length && CjkText.IsCjk(r);

    private static bool Searchable(string token) => token.Any(char.IsLetterOrDigit);

    /// <summary>
    /// A term's words at the positions the index gives them: sub-words (position increment 0) are left out, gaps left by
    /// stop words kept. Analysed once per term; every word field's phrase is built from the same tokens.
    /// </summary>
    private static List<(string Term, int Position)> PositionedWords(ITextAnalyzer analyzer, string text)
    {
        var tokens = new List<(string, int)>();
        using var stream = analyzer.WordsAnalyzer.GetTokenStream(Names.Words(Names.Body), text);
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        var increment = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            if (increment.PositionIncrement == 0) continue;
            position += increment.PositionIncrement;
            var t = term.ToString();
            if (Searchable(t)) tokens.Add((t, position));
        }
        stream.End();
        return tokens;
    }

    /// <summary>One token as a term query; several as a phrase at their positions.</summary>
    private static Query? Phrase(string field, IReadOnlyList<(string Term, int Position)> tokens)
    {
        if (tokens.Count == 0) return null;
        if (tokens.Count == 1) return new TermQuery(new Term(field, tokens[0].Term));
        var phrase = new PhraseQuery();
        foreach (var (t, position) in tokens) phrase.Add(new Term(field, t), position);
        return phrase;
    }
}
