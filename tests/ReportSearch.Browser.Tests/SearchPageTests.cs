using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ReportSearch.Browser.Tests;

[Collection(ServedPageCollection.Name)]
public sealed class SearchPageTests(ServedPage served)
{
    [Fact]
    public async Task Typing_a_query_and_pressing_Enter_shows_hits_from_both_districts_and_puts_the_query_in_the_url()
    {
        var page = await served.OpenAsync("/");
        var box = page.GetByLabel("检索巡视整改问题与措施");
        await box.FillAsync("借调");
        await box.PressAsync("Enter");

        await Expect(page.Locator(".hit").First).ToBeVisibleAsync();
        await Expect(page.Locator(".hit[data-unit='高陵区']").First).ToBeVisibleAsync();
        await Expect(page.Locator(".hit[data-unit='高明区']").First).ToBeVisibleAsync();
        Assert.Equal("借调", QueryOf(page.Url)["q"]);
        // The API's <mark> is rendered as a highlight, not as text (thesaurus equivalents such as 混编混岗 are marked too).
        await Expect(page.Locator(".hit .snippet mark", new() { HasText = "借调" }).First).ToBeVisibleAsync();
        Assert.DoesNotContain("<mark>", await page.Locator(".hits").InnerTextAsync());
        await Expect(page.Locator(".hit a[href^='/report/']").First).ToBeVisibleAsync();
        await ServedPage.ScreenshotAsync(page, "search-1440");
    }

    [Fact]
    public async Task Picking_a_province_facet_keeps_only_that_province()
    {
        var page = await served.OpenAsync("/?q=" + Uri.EscapeDataString("借调"));
        await Expect(page.Locator(".hit").First).ToBeVisibleAsync();
        var province = page.Locator(".facet[data-facet='province']");
        // The value carries the facet count from the search document.
        await Expect(province.Locator("label", new() { HasText = "广东省" })).ToHaveTextAsync(new Regex(@"^\s*广东省（\d+）$"));

        await province.Locator("input[value='广东省']").CheckAsync();
        await page.WaitForURLAsync(url => QueryOf(url).GetValueOrDefault("province") == "广东省");
        await Expect(page.Locator(".hit").First).ToBeVisibleAsync();
        await Expect(page.Locator(".hit:not([data-province='广东省'])")).ToHaveCountAsync(0);
        await Expect(page.Locator(".facet[data-facet='province'] input[value='广东省']")).ToBeCheckedAsync();
        await ServedPage.ScreenshotAsync(page, "search-filtered-province");
    }

    [Fact]
    public async Task A_query_with_no_match_says_so_and_gives_a_hint()
    {
        var page = await served.OpenAsync("/?q=" + Uri.EscapeDataString("量子引力弦论"));
        await Expect(page.Locator(".empty")).ToContainTextAsync("没有找到");
        await Expect(page.Locator(".empty .hint")).ToBeVisibleAsync();
        await ServedPage.ScreenshotAsync(page, "search-empty");
    }

    internal static Dictionary<string, string> QueryOf(string url) =>
        new Uri(url).Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p.Length > 1 ? p[1].Replace('+', ' ') : ""));
}
