namespace ReportSearch.Core.Analysis;

/// <summary>
/// How the Chinese analysis chain is configured. The embedded lexicon, thesaurus and stop words always load;
/// a deployment adds its own terms with the Extra* files (same formats as Data/analysis/*.txt), as IK and RAGFlow
/// users ask for, without rebuilding.
/// </summary>
public sealed record AnalysisOptions
{
    /// <summary>
    /// The word segmenter the chain starts with: icu, smartcn or jieba (measured in README, "Analysis"). A name rather
    /// than the enum, so a wrong value in appsettings reaches the analyzer and is reported with the choices.
    /// </summary>
    public string Segmenter { get; init; } = nameof(Analysis.Segmenter.Icu);

    /// <summary>More lexicon terms, one per line.</summary>
    public string? ExtraLexiconPath { get; init; }

    /// <summary>More thesaurus groups, terms separated by '|'.</summary>
    public string? ExtraThesaurusPath { get; init; }

    /// <summary>More stop words, one per line.</summary>
    public string? ExtraStopWordsPath { get; init; }

    /// <summary>Weight of a thesaurus expansion relative to a literal query word (1); must be in (0, 1).</summary>
    public double ExpansionWeight { get; init; } = 0.5;

    /// <summary>
    /// Whether indexed text also carries the fine sub-words of long lexicon terms (党风廉政建设 → 党风, 廉政, 建设),
    /// so a query for a part still matches at word level. Queries stay coarse (IK's index-fine / search-coarse).
    /// Measured on the seeds (SubwordMeasurementTests): of the segmenter's words taken as one-word queries, those the indexed
    /// words lack fall from 76 to 11 (seed 000) and 66 to 13 (seed 002) for 15% more indexed words.
    /// Sub-words share their term's position, so a phrase query over words would see them; bigrams are unaffected.
    /// </summary>
    public bool IndexSubwords { get; init; } = true;

    public static AnalysisOptions Default { get; } = new();
}
