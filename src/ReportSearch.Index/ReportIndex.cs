using ReportSearch.Core.Analysis;
using ReportSearch.Core.Classification;
using ReportSearch.Core.Comparison;
using ReportSearch.Core.Parsing;
using ReportSearch.Index.Classification;
using ReportSearch.Index.Comparison;
using ReportSearch.Index.Embeddings;
using ReportSearch.Index.Indexing;
using ReportSearch.Index.Search;
using ReportSearch.Index.Storage;

namespace ReportSearch.Index;

/// <summary>
/// One index (the SQLite record store and the Lucene search index derived from it) with everything that reads and writes
/// it, wired once: what a CLI command or an HTTP route handler holds. Share one per process.
/// </summary>
public sealed class ReportIndex : IDisposable
{
    public IndexStore Store { get; }
    public SearchIndex SearchIndex { get; }
    public Indexer Indexer { get; }
    public SearchService Search { get; }
    public EmbeddingMaintenance Embeddings { get; }
    public ITextAnalyzer Analyzer { get; }
    public CompareService Compare { get; }
    public ExportService Export { get; }
    /// <summary>The category model applied as reports are indexed; null when the index was opened without one (some tests).</summary>
    public IndexCategorizer? Categories { get; private init; }
    /// <summary>What the indexer runs on each file's bytes: parsing, and categorising when the index has a model.</summary>
    public ParseReport Parse { get; }

    /// <summary>
    /// The index as the CLI and the service open it: the real parser, then the category model, then the store.
    /// </summary>
    public static ReportIndex Open(string path, ReportSearchSettings settings, ITextAnalyzer analyzer, HttpClient? http = null)
    {
        var store = IndexStore.Open(path);
        var parser = new ReportParser(settings.Input);
        var categorizer = new IndexCategorizer(store, new ProblemFeatures(analyzer, settings.Features), parser, settings.Classifier);
        return new ReportIndex(store, analyzer, (name, bytes) => categorizer.Apply(parser.Parse(bytes, name)),
            settings.Embedding, settings.Ranking, http, settings.Compare, settings.SearchIndex) { Categories = categorizer };
    }

    public ReportIndex(IndexStore store, ITextAnalyzer analyzer, ParseReport parse,
        EmbeddingOptions? embedding = null, RankingOptions? ranking = null, HttpClient? http = null, CompareOptions? compare = null,
        SearchIndexOptions? searchIndex = null)
    {
        Store = store;
        Analyzer = analyzer;
        Parse = parse;
        SearchIndex = new SearchIndex(store, analyzer, searchIndex);
        Embeddings = new EmbeddingMaintenance(store, embedding ?? new EmbeddingOptions(), analyzer, http);
        Indexer = new Indexer(store, SearchIndex, parse, Embeddings);
        Search = new SearchService(store, SearchIndex, analyzer, Embeddings, ranking);
        Compare = CompareService.Create(store, Search, analyzer, compare ?? new CompareOptions());
        Export = new ExportService(store, Compare);
    }

    /// <summary>
    /// Brings the search index up to the store when it lags (a process killed between the two, or an index made before the
    /// Lucene engine), so whoever opens the index next sees them agree. Skipped when another process holds the writer lock:
    /// that writer catches up itself before adding anything. Returns the documents written.
    /// </summary>
    public async Task<int> CatchUpAsync(TimeSpan wait, CancellationToken cancel = default)
    {
        if (SearchIndex.Lag() == 0) return 0;
        using var writer = await WriterLock.TryTakeAsync(Store.Path, wait, cancel);
        return writer is null ? 0 : SearchIndex.Sync(cancel: cancel);
    }

    /// <summary>An editor's categories for a problem: stored (and kept for training), then in the search index at once.</summary>
    public Storage.CategoryCorrection CorrectCategories(string problemId, IReadOnlyList<string>? categories)
    {
        var correction = Categories!.Correct(problemId, categories);
        SearchIndex.Sync();
        return correction;
    }

    public void Dispose() => SearchIndex.Dispose();
}
