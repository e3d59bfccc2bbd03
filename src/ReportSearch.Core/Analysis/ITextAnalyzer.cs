namespace ReportSearch.Core.Analysis;

/// <summary>
/// Turns Chinese text into the terms the index stores and the query matches: the same chain for both,
/// which matters more than segmentation accuracy (FIELD-NOTES, Peng et al. 2002).
/// </summary>
public interface ITextAnalyzer
{
    /// <summary>Analyse text for indexing or classification.</summary>
    AnalyzedText Analyze(string text);

    /// <summary>Analyse a user's query: same chain, plus stop-question-word removal and thesaurus expansion.</summary>
    AnalyzedQuery AnalyzeQuery(string query);

    /// <summary>The index-time Lucene analyzer of the word fields: the same terms, in order, as Analyze(text).Words.</summary>
    Lucene.Net.Analysis.Analyzer WordsAnalyzer { get; }

    /// <summary>The index-time Lucene analyzer of the bigram fields: the same terms as Analyze(text).Bigrams.</summary>
    Lucene.Net.Analysis.Analyzer BigramsAnalyzer { get; }
}

/// <summary>Terms of one text. Words are lexicon-repaired segmenter words and number+unit tokens; bigrams are overlapping CJK character pairs.</summary>
public sealed record AnalyzedText(IReadOnlyList<string> Words, IReadOnlyList<string> Bigrams);

/// <summary>
/// A query's terms. <see cref="Expansions"/> are thesaurus equivalents of the literal words,
/// each with a weight below 1 so they rank below literal matches.
/// </summary>
public sealed record AnalyzedQuery(
    string Normalized,
    IReadOnlyList<string> Words,
    IReadOnlyList<string> Bigrams,
    IReadOnlyList<WeightedTerm> Expansions);

public sealed record WeightedTerm(string Term, double Weight, string ExpandedFrom);
