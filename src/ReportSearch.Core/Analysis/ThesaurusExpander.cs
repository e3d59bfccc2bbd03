namespace ReportSearch.Core.Analysis;

/// <summary>
/// Query-time expansion: each literal query word (and each lexicon term inside a longer one) brings in its
/// thesaurus equivalents at a weight below 1, so reports that say the same in other words are found but rank
/// below literal matches. A term the query already has literally is never added again.
/// </summary>
internal sealed class ThesaurusExpander(Thesaurus thesaurus, Lexicon lexicon, double weight)
{
    public IReadOnlyList<WeightedTerm> Expand(IReadOnlyList<string> words)
    {
        var literal = new HashSet<string>(words, StringComparer.Ordinal);
        var added = new HashSet<string>(StringComparer.Ordinal);
        var expansions = new List<WeightedTerm>();
        foreach (var word in words)
            foreach (var source in lexicon.TermsInside(word).Prepend(word))
                foreach (var equivalent in thesaurus.EquivalentsOf(source))
                    if (!literal.Contains(equivalent) && added.Add(equivalent))
                        expansions.Add(new WeightedTerm(equivalent, weight, source));
        return expansions;
    }
}
