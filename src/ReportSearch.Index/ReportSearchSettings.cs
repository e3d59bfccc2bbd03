using ReportSearch.Core.Analysis;
using ReportSearch.Core.Classification;
using ReportSearch.Core.Comparison;
using ReportSearch.Core.Input;
using ReportSearch.Index.Embeddings;
using ReportSearch.Index.Search;

namespace ReportSearch.Index;

/// <summary>
/// The "ReportSearch" section of appsettings.json: one options object per pipeline step, each with defaults,
/// so nothing needs configuring to start.
/// </summary>
public sealed class ReportSearchSettings
{
    public const string Section = "ReportSearch";

    public ReportInputOptions Input { get; set; } = new();
    public AnalysisOptions Analysis { get; set; } = new();
    public FeatureOptions Features { get; set; } = new();
    public ClassifierOptions Classifier { get; set; } = new();
    public EmbeddingOptions Embedding { get; set; } = new();
    public RankingOptions Ranking { get; set; } = new();
    public SearchIndexOptions SearchIndex { get; set; } = new();
    public CompareOptions Compare { get; set; } = new();
}
