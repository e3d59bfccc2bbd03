using Microsoft.AspNetCore.Builder;
using ReportSearch.Api;
using ReportSearch.Core.Analysis;
using ReportSearch.Index;

namespace ReportSearch.Api.Tests;

/// <summary>
/// The real app on a loopback port over a real index of both seeds (copied to a temp folder so tests may change them).
/// Writes need a key held in an environment variable unique to this instance, so parallel tests never share it.
/// </summary>
public sealed class SeededApp : IAsyncLifetime
{
    private static readonly Lazy<ChineseAnalyzer> SharedAnalyzer = new(() => new ChineseAnalyzer());

    public string Folder { get; } = Directory.CreateTempSubdirectory("rs-api-").FullName;
    public string SeedsFolder => Path.Combine(Folder, "seeds");
    public string Key { get; } = Guid.NewGuid().ToString("n");
    public ReportIndex Index { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;
    private readonly string _keyVariable = "RS_TEST_KEY_" + Guid.NewGuid().ToString("n");
    private WebApplication _app = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(SeedsFolder);
        var root = RepositoryRoot.FindFrom(AppContext.BaseDirectory) ?? throw new InvalidOperationException("tests run below the repository");
        foreach (var seed in Directory.GetFiles(Path.Combine(root, "seeds")))
            File.Copy(seed, Path.Combine(SeedsFolder, Path.GetFileName(seed)));
        Index = ReportIndex.Open(Path.Combine(Folder, "index.db"), new ReportSearchSettings(), SharedAnalyzer.Value);
        await Index.Indexer.IndexAsync([SeedsFolder]);
        Environment.SetEnvironmentVariable(_keyVariable, Key);
        _app = ReportSearchApp.Build(Index, "http://127.0.0.1:0",
            new Dictionary<string, string?> { [ApiOptions.Section + ":ApiKeyVariable"] = _keyVariable });
        await _app.StartAsync();
        Http = new HttpClient { BaseAddress = _app.BoundAddress() };
    }

    public string Seed(string prefix) => Directory.GetFiles(SeedsFolder, prefix + "*").Single();

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await _app.DisposeAsync();
        Environment.SetEnvironmentVariable(_keyVariable, null);
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
