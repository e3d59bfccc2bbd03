using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Util;

namespace ReportSearch.Core.Analysis;

/// <summary>
/// The thesaurus as a Lucene SynonymMap for the query chain's SynonymFilter: each term the chain can produce as a
/// word maps to the equivalents of its own groups and of the lexicon terms inside it (违规借调 brings 混编混岗 through
/// 借调), so one lookup per query word does what a walk over the word's parts would. Which term an equivalent came
/// from is kept beside the map for <see cref="WeightedTerm.ExpandedFrom"/>.
/// </summary>
internal sealed class ThesaurusSynonyms
{
    private readonly Dictionary<(string Word, string Term), string> _sources = new();

    public ThesaurusSynonyms(Thesaurus thesaurus, Lexicon lexicon, IEnumerable<string> words)
    {
        var builder = new SynonymMap.Builder(dedup: true);
        foreach (var word in words.Distinct(StringComparer.Ordinal))
            foreach (var source in lexicon.TermsInside(word).Prepend(word))
                foreach (var term in thesaurus.EquivalentsOf(source))
                    if (term != word && _sources.TryAdd((word, term), source))
                        builder.Add(new CharsRef(word), new CharsRef(term), includeOrig: true);
        Map = builder.Build();
    }

    public SynonymMap Map { get; }

    /// <summary>The thesaurus term (the word itself or a term inside it) through which <paramref name="term"/> expands <paramref name="word"/>.</summary>
    public string SourceOf(string word, string term) => _sources.GetValueOrDefault((word, term), word);
}
