namespace ReportSearch.Index.Search;

/// <summary>
/// The knobs of hybrid ranking (configuration section <c>ReportSearch:Ranking</c>). The defaults were chosen by measurement on
/// tests/ReportSearch.Index.Tests/Relevance/relevance.tsv (RelevanceTests prints the figures for each method and the fusion).
/// </summary>
public sealed class RankingOptions
{
    public const string Section = "ReportSearch:Ranking";

    /// <summary>bm25() column weights: headings and statement above measures.</summary>
    public double HeadingWeight { get; set; } = 2.0;
    public double StatementWeight { get; set; } = 3.0;
    public double BodyWeight { get; set; } = 1.0;

    /// <summary>
    /// Reciprocal rank fusion: score = Σ weight / (RrfK + rank) over words, bigrams and vectors. Measured on the 82 judged
    /// queries (RankingMeasurement): bigrams carry most, vectors add the paraphrases, words refine; 0.5 / 2 / 1 at k = 60 is
    /// within one query of the best grid point (which drops words entirely, a choice two seeds cannot justify).
    /// </summary>
    public double RrfK { get; set; } = 60;
    public double WordsWeight { get; set; } = 0.5;
    public double BigramsWeight { get; set; } = 2.0;
    public double VectorWeight { get; set; } = 1.0;

    /// <summary>Share of the query's terms a passage must match (RAGFlow uses about 30%); thesaurus equivalents count for their word.</summary>
    public double MinShouldMatch { get; set; } = 0.3;
    /// <summary>Vector neighbours at least this similar join the matches even without a shared term (paraphrases).</summary>
    public double MinSimilarity { get; set; } = 0.3;
    /// <summary>When nothing passes, the looser retry: any shared term, or this similarity.</summary>
    public double LooseMinSimilarity { get; set; } = 0.15;
    public int VectorCandidates { get; set; } = 100;

    /// <summary>Literal terms in more than this share of passages are left out of a query (see LexicalMatcher.CommonTerms)…</summary>
    public double CommonTermShare { get; set; } = 0.25;
    /// <summary>…once the index has this many passages; in a small index every term is cheap.</summary>
    public int CommonTermMinPassages { get; set; } = 2000;

    public int MaxQueryLength { get; set; } = 200;
}
