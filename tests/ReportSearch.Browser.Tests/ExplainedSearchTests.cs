using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ReportSearch.Browser.Tests;

/// <summary>
/// Search that explains itself: why each hit is there, what was folded away, several values per facet, sort, dates,
/// a hit's measures opened in place, the JSON export.
/// </summary>
[Collection(ServedPageCollection.Name)]
public sealed class ExplainedSearchTests(ServedPage served)
{
    private static readonly string Lending = "/?q=" + Uri.EscapeDataString("违规借调干部");

    [Fact]
    public async Task Every_shown_hit_says_which_words_matched_or_that_it_is_semantically_close()
    {
        var page = await served.OpenAsync(Lending, 1400, 1000);
        await Expect(page.Locator(".hit").First).ToBeVisibleAsync();
        var hits = page.Locator(".hits > .hit:not(.low)");
        var count = await hits.CountAsync();
        Assert.True(count > 0);
        for (var i = 0; i < count; i++)
        {
            var hit = hits.Nth(i);
            var why = hit.Locator(".why");
            await Expect(why).ToHaveCountAsync(1);
            var text = await why.InnerTextAsync();
            Assert.True(text == "语义相近" || await why.Locator("mark").CountAsync() > 0, $"hit {i} does not say why it matched: '{text}'");
        }
        await Expect(page.Locator(".hit .why mark", new() { HasText = "借调" }).First).ToBeVisibleAsync();
        await ServedPage.ScreenshotAsync(page, "search-1400", fullPage: false);
    }

    [Fact]
    public async Task Hits_below_the_relevance_floor_are_counted_and_folded_under_a_heading_that_opens_them()
    {
        var page = await served.OpenAsync(Lending, 1400, 1000);
        await Expect(page.Locator(".results-summary")).ToContainTextAsync("相关度较低");
        var folded = page.Locator("details.low-relevance");
        await Expect(folded.Locator("summary")).ToHaveTextAsync(new Regex(@"^相关度较低（\d+ 条）$"));
        await Expect(folded.Locator(".hit")).ToHaveCountAsync(0);
        await folded.Locator("summary").ClickAsync();
        await Expect(folded.Locator(".hit.low").First).ToBeVisibleAsync();
        var shown = int.Parse(Regex.Match(await folded.Locator("summary").InnerTextAsync(), @"\d+").Value);
        Assert.Equal(Math.Min(shown, 100), await folded.Locator(".hit.low").CountAsync());
        await ServedPage.ScreenshotAsync(page, "search-folded");
    }

    [Fact]
    public async Task Two_provinces_checked_in_the_facet_keep_hits_of_both_and_each_value_shows_its_count()
    {
        var page = await served.OpenAsync("/?q=" + Uri.EscapeDataString("借调"), 1400, 1000);
        var provinces = page.Locator(".facet[data-facet='province']");
        await provinces.Locator("input[value='广东省']").CheckAsync();
        await page.WaitForURLAsync(url => url.Contains("province="));
        await page.Locator(".facet[data-facet='province'] input[value='陕西省']").CheckAsync();
        await page.WaitForURLAsync(url => Regex.Matches(url, "province=").Count == 2);
        await Expect(page.Locator(".hit[data-province='广东省']").First).ToBeVisibleAsync();
        await Expect(page.Locator(".hit[data-province='陕西省']").First).ToBeVisibleAsync();
        // Disjunctive facets: with both checked, both still show their own counts; so do the city and year facets.
        foreach (var facet in new[] { "province", "city", "unit", "category", "kind", "year" })
            await Expect(page.Locator($".facet[data-facet='{facet}'] .facet-count").First).ToHaveTextAsync(new Regex(@"^（\d+）$"));
        await ServedPage.ScreenshotAsync(page, "search-two-provinces");
    }

    [Fact]
    public async Task Sorting_by_date_puts_the_newest_reports_first()
    {
        var page = await served.OpenAsync("/?q=" + Uri.EscapeDataString("借调") + "&top=40", 1400, 1000);
        await Expect(page.Locator(".hit").First).ToBeVisibleAsync();
        await page.GetByLabel("排序").SelectOptionAsync("date");
        await page.WaitForURLAsync(url => SearchPageTests.QueryOf(url).GetValueOrDefault("sort") == "date");
        await Expect(page.Locator(".hit").First).ToBeVisibleAsync();
        var dates = await page.Locator(".hits > .hit .hit-head .muted").AllInnerTextsAsync();
        Assert.True(dates.Count > 1);
        Assert.Equal(dates.OrderByDescending(d => d, StringComparer.Ordinal), dates);
        Assert.Contains(dates, d => d.Contains("2022")); // both years are present, so the order is tested
        Assert.Contains(dates, d => d.Contains("2021"));
    }

    [Fact]
    public async Task A_date_range_keeps_only_reports_published_inside_it()
    {
        var page = await served.OpenAsync("/?q=" + Uri.EscapeDataString("借调"), 1400, 1000);
        await Expect(page.Locator(".hit[data-province='广东省']").First).ToBeVisibleAsync();
        await page.Locator("#filter-from").FillAsync("2022-01-01");
        await page.Locator("#filter-to").FillAsync("2022-12-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "按日期筛选" }).ClickAsync();
        await page.WaitForURLAsync(url => SearchPageTests.QueryOf(url).GetValueOrDefault("from") == "2022-01-01");
        await Expect(page.Locator(".hit").First).ToBeVisibleAsync();
        await Expect(page.Locator(".hit:not([data-province='陕西省'])")).ToHaveCountAsync(0);
        Assert.Equal("2022-12-31", SearchPageTests.QueryOf(page.Url)["to"]);
    }

    [Fact]
    public async Task A_hit_opens_its_measures_in_place_and_closes_them_again()
    {
        var page = await served.OpenAsync("/?q=" + Uri.EscapeDataString("借调干部不规范"), 1400, 1000);
        var hit = page.Locator(".hit[data-kind='problem']").First;
        await Expect(hit).ToBeVisibleAsync();
        var button = hit.GetByRole(AriaRole.Button, new() { Name = "查看整改措施" });
        await button.ClickAsync();
        await Expect(hit.Locator(".hit-measures .measure").First).ToBeVisibleAsync();
        await Expect(hit.GetByRole(AriaRole.Button, new() { Name = "收起整改措施" })).ToHaveAttributeAsync("aria-expanded", "true");
        Assert.Equal("/", new Uri(page.Url).AbsolutePath); // still the search page: opened in place
        await ServedPage.ScreenshotAsync(page, "search-measures", fullPage: false);
        await hit.GetByRole(AriaRole.Button, new() { Name = "收起整改措施" }).ClickAsync();
        await Expect(hit.Locator(".hit-measures")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task The_json_export_beside_csv_xlsx_and_markdown_downloads_the_comparison_document()
    {
        var page = await served.OpenAsync("/?q=" + Uri.EscapeDataString("借调"), 1400, 1000);
        var exports = page.Locator(".exports a");
        await Expect(exports).ToHaveCountAsync(4);
        Assert.Equal(["csv", "xlsx", "md", "json"], await exports.EvaluateAllAsync<string[]>("links => links.map(a => a.dataset.format)"));
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator(".exports a[data-format='json']").ClickAsync());
        var file = Path.Combine(served.DownloadFolder, download.SuggestedFilename);
        await download.SaveAsAsync(file);
        Assert.EndsWith(".json", file);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(file));
        Assert.True(json.RootElement.GetProperty("groups").GetArrayLength() >= 2);
    }

    [Fact]
    public async Task The_search_view_at_390_pixels_fits_shows_hits_first_and_unfolds_its_filters()
    {
        var page = await served.OpenAsync(Lending, 390, 844);
        await Expect(page.Locator(".hit").First).ToBeVisibleAsync();
        // On a phone the filters are folded above the hits, so the first hit is in view at once; they open on a tap.
        await Expect(page.Locator(".facet[data-facet='province']")).ToBeHiddenAsync();
        Assert.True((await page.Locator(".hit").First.BoundingBoxAsync())!.Y < 844, "the first hit is below the first screen at 390px");
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390, "the search view scrolls sideways at 390px");
        await ServedPage.ScreenshotAsync(page, "search-390", fullPage: false);
        await page.Locator(".filter-panel summary").ClickAsync();
        await Expect(page.Locator(".facet[data-facet='province']")).ToBeVisibleAsync();
    }
}
