using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;
using ReportSearch.Api;
using ReportSearch.Core.Analysis;
using ReportSearch.Index;

namespace ReportSearch.Browser.Tests;

/// <summary>
/// Once per test run: a real index of the two seeds in a temp folder, the real app on loopback Kestrel, and Debian's
/// chromium driven by Playwright. Nothing is mocked.
/// </summary>
public sealed class ServedPage : IAsyncLifetime
{
    public const string ApiKey = "browser-test-key";
    // A variable of this fixture's own, so no other test in the process shares (or clears) the key.
    private readonly string _apiKeyVariable = "RS_BROWSER_TEST_KEY_" + Guid.NewGuid().ToString("n");

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "reportsearch-browser-" + Guid.NewGuid().ToString("N")[..8]);
    private WebApplication? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri BaseAddress { get; private set; } = null!;
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");
    public string DownloadFolder => Path.Combine(_folder, "downloads");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(DownloadFolder);
        Directory.CreateDirectory(ScreenshotFolder);
        var index = ReportIndex.Open(Path.Combine(_folder, "reportsearch.db"), new ReportSearchSettings(), new ChineseAnalyzer());
        var summary = await index.Indexer.IndexAsync([SeedsFolder()]);
        if (summary.Failed > 0 || summary.Indexed != 2)
            throw new InvalidOperationException($"indexing the seeds went wrong: {summary}");

        Environment.SetEnvironmentVariable(_apiKeyVariable, ApiKey);
        _app = ReportSearchApp.Build(index, "http://127.0.0.1:0",
            new Dictionary<string, string?> { [ApiOptions.Section + ":ApiKeyVariable"] = _apiKeyVariable });
        await _app.StartAsync();
        BaseAddress = _app.BoundAddress();

        // The test command installs Debian's chromium; Playwright must never fetch a browser of its own.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        // The first search and compare load the analysis chain; give the page room for that, not for slowness later.
        Assertions.SetDefaultExpectTimeout(20_000);
    }

    private static string SeedsFolder() =>
        Path.Combine(RepositoryRoot.FindFrom(AppContext.BaseDirectory) ?? throw new InvalidOperationException("tests run below the repository"), "seeds");

    /// <summary>A fresh browser context (own session storage) with a page of the given width.</summary>
    public async Task<IPage> OpenAsync(string path, int width = 1440, int height = 1000)
    {
        var context = await _browser!.NewContextAsync(new()
        {
            ViewportSize = new() { Width = width, Height = height },
            AcceptDownloads = true,
            Locale = "zh-CN",
            BaseURL = BaseAddress.ToString(),
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        return page;
    }

    /// <summary>Saves screenshots/NAME.png; a long report is taken at the viewport only, so the picture stays readable.</summary>
    public static async Task ScreenshotAsync(IPage page, string name, bool fullPage = true) =>
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = fullPage });

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        Environment.SetEnvironmentVariable(_apiKeyVariable, null);
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { /* an SQLite handle still closing; the temp folder is cleaned by the OS */ }
    }
}

[CollectionDefinition(Name)]
public sealed class ServedPageCollection : ICollectionFixture<ServedPage>
{
    public const string Name = "served page";
}
