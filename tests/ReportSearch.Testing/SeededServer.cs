using Microsoft.AspNetCore.Builder;
using ReportSearch.Api;
using ReportSearch.Core.Analysis;
using ReportSearch.Index;

namespace ReportSearch.Testing;

/// <summary>
/// The real app on a loopback port over a real index of both seeds, which are copied to a temp folder so tests may change
/// them. Writes need a key held in an environment variable unique to this instance, so parallel fixtures never share it.
/// </summary>
public sealed class SeededServer : IAsyncDisposable
{
    private static readonly Lazy<ChineseAnalyzer> SharedAnalyzer = new(() => new ChineseAnalyzer());

    /// <summary>The environment variable holding <see cref="Key"/>; a test unsets it to see a read-only server.</summary>
    public string KeyVariable { get; } = "RS_TEST_KEY_" + Guid.NewGuid().ToString("n");
    private WebApplication _app = null!;

    public string Folder { get; } = Directory.CreateTempSubdirectory("reportsearch-served-").FullName;
    public string SeedsFolder => Path.Combine(Folder, "seeds");
    public string Key { get; } = Guid.NewGuid().ToString("n");
    public ReportIndex Index { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>False: the key variable stays unset, so the server is read-only as one started without a key.</summary>
    public bool Writes { get; }

    private readonly IDictionary<string, string?> _settings;

    private SeededServer(bool writes, IDictionary<string, string?>? settings)
    {
        Writes = writes;
        _settings = settings ?? new Dictionary<string, string?>();
    }

    /// <param name="settings">Configuration the app gets on top of the key variable (e.g. a shorter writer wait).</param>
    public static async Task<SeededServer> StartAsync(bool writes = true, IDictionary<string, string?>? settings = null)
    {
        var server = new SeededServer(writes, settings);
        await server.InitializeAsync();
        return server;
    }

    private async Task InitializeAsync()
    {
        Directory.CreateDirectory(SeedsFolder);
        var root = RepositoryRoot.FindFrom(AppContext.BaseDirectory) ?? throw new InvalidOperationException("tests run below the repository");
        foreach (var seed in Directory.GetFiles(Path.Combine(root, "seeds")))
            File.Copy(seed, Path.Combine(SeedsFolder, Path.GetFileName(seed)));

        Index = ReportIndex.Open(Path.Combine(Folder, "index.db"), new ReportSearchSettings(), SharedAnalyzer.Value);
        var summary = await Index.Indexer.IndexAsync([SeedsFolder]);
        if (summary.Failed > 0 || summary.Indexed != 2)
            throw new InvalidOperationException($"indexing the seeds went wrong: {summary}");

        if (Writes) Environment.SetEnvironmentVariable(KeyVariable, Key);
        _app = ReportSearchApp.Build(Index, "http://127.0.0.1:0",
            new Dictionary<string, string?>(_settings) { [ApiOptions.Section + ":ApiKeyVariable"] = KeyVariable });
        await _app.StartAsync();
        BaseAddress = _app.BoundAddress();
    }

    /// <summary>The copy of the seed whose file name starts with <paramref name="prefix"/>.</summary>
    public string Seed(string prefix) => Directory.GetFiles(SeedsFolder, prefix + "*").Single();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Environment.SetEnvironmentVariable(KeyVariable, null);
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { /* an SQLite handle still closing; the temp folder is cleaned by the OS */ }
    }
}
