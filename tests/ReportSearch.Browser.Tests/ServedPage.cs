using Microsoft.Playwright;
using ReportSearch.Testing;

namespace ReportSearch.Browser.Tests;

/// <summary>
/// Once per test run: a real index of the two seeds in a temp folder, the real app on loopback Kestrel, and Debian's
/// chromium driven by Playwright. Nothing is mocked.
/// </summary>
public sealed class ServedPage : IAsyncLifetime
{
    private SeededServer? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri BaseAddress => _server!.BaseAddress;
    /// <summary>The key editors enter on the page.</summary>
    public string ApiKey => _server!.Key;
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");
    public string DownloadFolder => Path.Combine(_server!.Folder, "downloads");

    public async Task InitializeAsync()
    {
        _server = await SeededServer.StartAsync();
        Directory.CreateDirectory(DownloadFolder);
        Directory.CreateDirectory(ScreenshotFolder);
        // Where the pictures are kept, for a person to look at after the run (scripts/test.sh prints it too).
        Console.WriteLine($"browser test screenshots: {ScreenshotFolder}");

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

    /// <summary>
    /// A fresh browser context (own session storage) with a page of the given width, on this fixture's server or on
    /// <paramref name="server"/> (a test that needs a read-only or a scratch server starts its own).
    /// </summary>
    public async Task<IPage> OpenAsync(string path, int width = 1440, int height = 1000, Uri? server = null)
    {
        var context = await _browser!.NewContextAsync(new()
        {
            ViewportSize = new() { Width = width, Height = height },
            AcceptDownloads = true,
            Locale = "zh-CN",
            BaseURL = (server ?? BaseAddress).ToString(),
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
        if (_server is not null) await _server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ServedPageCollection : ICollectionFixture<ServedPage>
{
    public const string Name = "served page";
}
