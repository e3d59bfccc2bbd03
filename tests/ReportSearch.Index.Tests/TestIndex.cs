using ReportSearch.Core.Analysis;
using ReportSearch.Core.Parsing;
using ReportSearch.Index;
using ReportSearch.Index.Embeddings;
using ReportSearch.Index.Indexing;
using ReportSearch.Index.Search;
using ReportSearch.Index.Storage;

namespace ReportSearch.Index.Tests;

/// <summary>
/// A real index file in a fresh temp folder, built with the real parser and the real ChineseAnalyzer; deleted on dispose.
/// The seeds are copied into the folder so tests may change, corrupt or delete them.
/// </summary>
public sealed class TestIndex : IDisposable
{
    private static readonly Lazy<ChineseAnalyzer> SharedAnalyzer = new(() => new ChineseAnalyzer());
    public static ITextAnalyzer Analyzer => SharedAnalyzer.Value;
    public static ParseReport Parse { get; } = (name, bytes) => new ReportParser().Parse(bytes, name);

    public string Folder { get; }
    public string SeedsFolder { get; }
    public string DbPath { get; }
    public ReportIndex Index { get; }
    public IndexStore Store => Index.Store;

    public TestIndex(EmbeddingOptions? embedding = null, RankingOptions? ranking = null, ITextAnalyzer? analyzer = null)
    {
        Folder = Path.Combine(Path.GetTempPath(), "reportsearch-tests", Guid.NewGuid().ToString("n"));
        SeedsFolder = Path.Combine(Folder, "seeds");
        Directory.CreateDirectory(SeedsFolder);
        foreach (var seed in Directory.GetFiles(RepoSeeds))
            File.Copy(seed, Path.Combine(SeedsFolder, Path.GetFileName(seed)));
        DbPath = Path.Combine(Folder, "index", "reportsearch.db");
        Index = new ReportIndex(IndexStore.Open(DbPath), analyzer ?? Analyzer, Parse, embedding, ranking);
    }

    public static string RepoRoot => RepositoryRoot.FindFrom(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("tests run below the repository");
    public static string RepoSeeds => Path.Combine(RepoRoot, "seeds");

    public string Seed(string prefix) => Directory.GetFiles(SeedsFolder, prefix + "*").Single();

    public Task<IndexRunSummary> IndexSeedsAsync() => Index.Indexer.IndexAsync([SeedsFolder]);

    /// <summary>Every document of the search index's latest commit as report/problem/measure, sorted: what it holds.</summary>
    public IReadOnlyList<string> SearchDocuments()
    {
        var searcher = Index.SearchIndex.Acquire();
        if (searcher is null) return [];
        try
        {
            var reader = searcher.IndexReader;
            var live = Lucene.Net.Index.MultiFields.GetLiveDocs(reader);
            return Enumerable.Range(0, reader.MaxDoc).Where(d => live is null || live.Get(d))
                .Select(d => reader.Document(d))
                .Select(d => $"{d.Get(SearchDocument.Names.Report)}/{d.Get(SearchDocument.Names.Problem)}/{d.Get(SearchDocument.Names.Measure)}")
                .Order(StringComparer.Ordinal).ToList();
        }
        finally { Index.SearchIndex.Release(searcher); }
    }

    /// <summary>What the store says the search index must hold: a document per problem and per measure.</summary>
    public IReadOnlyList<string> ExpectedSearchDocuments() =>
        Store.ListReports().Select(r => Store.GetReport(r.Id)!)
            .SelectMany(r => r.Problems.SelectMany(p => p.Measures.Select(m => $"{r.Id}/{p.Id}/{m.Id}").Prepend($"{r.Id}/{p.Id}/")))
            .Order(StringComparer.Ordinal).ToList();

    public void Dispose()
    {
        Index.Dispose();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}

/// <summary>Both seeds indexed once, shared by the read-only search tests of a class.</summary>
public sealed class SeededIndex : IDisposable
{
    public TestIndex Test { get; } = new();
    public SeededIndex() => Test.IndexSeedsAsync().GetAwaiter().GetResult();
    public SearchService Search => Test.Index.Search;
    public void Dispose() => Test.Dispose();
}
