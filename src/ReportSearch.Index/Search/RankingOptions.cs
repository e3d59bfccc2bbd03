namespace ReportSearch.Index.Search;

/// <summary>
/// The knobs of hybrid ranking (configuration section <c>ReportSearch:Ranking</c>), measured on the judged relevance set
/// (tests/ReportSearch.Index.Tests/Relevance; RelevanceTests prints the figures for each signal and the fusion). A grid of
/// 160 settings (floor 0.3/0.5, word/bigram boosts, fusion weights, similarity floor) put these first: Recall@3 0.845 / 0.948,
/// MRR 0.920 (0.924 once a problem's measures became one body value each) — in sample: the set is the two seeds', so the margins between close settings mean little.
/// </summary>
public sealed class RankingOptions
{
    public const string Section = "ReportSearch:Ranking";

    /// <summary>BM25 boosts of the parts of a document: headings and statement above measures.</summary>
    public double HeadingWeight { get; set; } = 2.0;
    public double StatementWeight { get; set; } = 3.0;
    public double BodyWeight { get; set; } = 1.0;

    /// <summary>Boosts of the word clauses and of the bigram clauses inside the one Lucene query.</summary>
    public double WordsWeight { get; set; } = 0.5;
    public double BigramsWeight { get; set; } = 1.0;

    /// <summary>Reciprocal rank fusion of the BM25 order and the vector order: score = Σ weight / (RrfK + rank).</summary>
    public double RrfK { get; set; } = 60;
    public double LexicalWeight { get; set; } = 2.0;
    public double VectorWeight { get; set; } = 1.0;

    /// <summary>
    /// The relevance floor: a match holding fewer than this share of the query's words (a thesaurus equivalent counts for
    /// its word), and no close vector neighbour, is counted as folded (相关度较低) and shown only on request.
    /// </summary>
    public double FloorShare { get; set; } = 0.3;
    /// <summary>…and a match scoring below this share of the best BM25 score (one common word beside matches on all of them) too.</summary>
    public double FloorScoreRatio { get; set; } = 0.05;
    /// <summary>Vector neighbours at least this similar clear the floor even without a shared word (paraphrases).</summary>
    public double MinSimilarity { get; set; } = 0.3;
    /// <summary>Vector neighbours this similar are matches, below the floor.</summary>
    public double LooseMinSimilarity { get; set; } = 0.15;
    public int VectorCandidates { get; set; } = 100;

    public int MaxQueryLength { get; set; } = 200;
}
