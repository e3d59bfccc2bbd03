using ReportSearch.Core.Analysis;
using ReportSearch.Core.Comparison;
using ReportSearch.Index.Comparison;
using ReportSearch.Index.Embeddings;
using ReportSearch.Index.Indexing;
using ReportSearch.Index.Search;
using ReportSearch.Index.Storage;

namespace ReportSearch.Index;

/// <summary>
/// One index file with everything that reads and writes it, wired once: what a CLI command or an HTTP route handler holds.
/// Share one per process (the search service caches the catalog and vectors of the current index generation).
/// </summary>
public sealed class ReportIndex
{
    public IndexStore Store { get; }
    public Indexer Indexer { get; }
    public SearchService Search { get; }
    public EmbeddingMaintenance Embeddings { get; }
    public ITextAnalyzer Analyzer { get; }
    public CompareService Compare { get; }
    public ExportService Export { get; }

    public ReportIndex(IndexStore store, ITextAnalyzer analyzer, ParseReport parse,
        EmbeddingOptions? embedding = null, RankingOptions? ranking = null, HttpClient? http = null, CompareOptions? compare = null)
    {
        Store = store;
        Analyzer = analyzer;
        Embeddings = new EmbeddingMaintenance(store, embedding ?? new EmbeddingOptions(), analyzer, http);
        Indexer = new Indexer(store, parse, analyzer, Embeddings);
        Search = new SearchService(store, analyzer, Embeddings, ranking);
        Compare = CompareService.Create(store, Search, analyzer, compare ?? new CompareOptions());
        Export = new ExportService(store, Compare);
    }
}
