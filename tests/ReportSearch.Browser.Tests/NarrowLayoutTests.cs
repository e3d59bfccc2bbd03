using static Microsoft.Playwright.Assertions;

namespace ReportSearch.Browser.Tests;

/// <summary>At 375 px (a small phone) nothing scrolls sideways and the compare view puts one district under the other.</summary>
[Collection(ServedPageCollection.Name)]
public sealed class NarrowLayoutTests(ServedPage served)
{
    private const int Width = 375;

    [Fact]
    public async Task The_search_view_fits_375_pixels()
    {
        var page = await served.OpenAsync("/?q=" + Uri.EscapeDataString("借调"), Width, 800);
        await Expect(page.Locator(".hit").First).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= Width, "the search view scrolls sideways at 375px");
        await ServedPage.ScreenshotAsync(page, "search-375");
    }

    [Fact]
    public async Task The_compare_view_stacks_districts_at_375_pixels()
    {
        var page = await served.OpenAsync("/compare?q=" + Uri.EscapeDataString("借调"), Width, 800);
        var first = page.Locator(".district").Nth(0);
        var second = page.Locator(".district").Nth(1);
        await Expect(second).ToBeVisibleAsync();
        var a = await first.BoundingBoxAsync();
        var b = await second.BoundingBoxAsync();
        Assert.NotNull(a);
        Assert.NotNull(b);
        Assert.True(b.Y >= a.Y + a.Height, "the second district is not below the first");
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= Width, "the compare view scrolls sideways at 375px");
        await ServedPage.ScreenshotAsync(page, "compare-375");
    }
}
