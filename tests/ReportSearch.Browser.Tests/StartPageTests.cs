using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ReportSearch.Browser.Tests;

/// <summary>The start page: the overview's charts over the seeds, the report table across the page, the not-found view.</summary>
[Collection(ServedPageCollection.Name)]
public sealed class StartPageTests(ServedPage served)
{
    [Fact]
    public async Task At_1400_pixels_the_report_table_spans_the_page_and_every_title_stays_on_one_line()
    {
        var page = await served.OpenAsync("/", 1400, 1000);
        var table = page.Locator("table.report-table");
        await Expect(table.Locator("tbody tr")).ToHaveCountAsync(2);
        var box = await table.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Width >= 700, $"the report table is {box.Width}px wide at 1400px (at least half the width expected)");
        // One line: the link's text has one client rectangle and is no taller than one line of the table's text.
        var lines = await table.Locator("tbody td:first-child a").EvaluateAllAsync<int[]>("links => links.map(a => a.getClientRects().length)");
        Assert.All(lines, n => Assert.Equal(1, n));
        var heading = await table.Locator("thead th").First.BoundingBoxAsync();
        Assert.True(heading!.Height < 50, $"the table's column titles wrap ({heading.Height}px tall)");
        await ServedPage.ScreenshotAsync(page, "start-1400");
    }

    [Fact]
    public async Task At_390_pixels_the_start_page_fits_without_scrolling_sideways()
    {
        var page = await served.OpenAsync("/", 390, 844);
        await Expect(page.Locator("#by-category-chart svg")).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390, "the start page scrolls sideways at 390px");
        await ServedPage.ScreenshotAsync(page, "start-390");
        await ServedPage.ScreenshotAsync(page, "overview-390", fullPage: false);
    }

    [Fact]
    public async Task The_overview_draws_its_four_pictures_from_the_index()
    {
        var page = await served.OpenAsync("/", 1400, 1000);
        await Expect(page.Locator(".totals")).ToHaveTextAsync("2 份通报 · 89 个问题 · 249 条整改措施");
        foreach (var chart in new[] { "#by-province-year-chart", "#by-category-chart", "#heat-map-chart" })
            await Expect(page.Locator($"{chart} svg")).ToBeVisibleAsync();
        // The charts draw what the data tables say: both provinces, and the district × category cells of both districts.
        await Expect(page.Locator("#by-province-year-chart svg")).ToContainTextAsync("广东省");
        await Expect(page.Locator("#by-province-year-chart svg")).ToContainTextAsync("陕西省");
        await Expect(page.Locator("#heat-map-chart svg")).ToContainTextAsync("高陵区");
        await Expect(page.Locator("#heat-map-chart svg")).ToContainTextAsync("干部队伍建设与管理");
        await Expect(page.Locator("#recent li")).ToHaveCountAsync(2);
        await Expect(page.Locator(".notice")).ToHaveCountAsync(0);
        await page.Locator(".overview").ScreenshotAsync(new() { Path = Path.Combine(ServedPage.ScreenshotFolder, "overview-1400.png") });
    }

    [Fact]
    public async Task Without_the_chart_library_the_overview_says_so_and_shows_the_same_figures_as_tables()
    {
        // As served by a build that had no npm: /vendor/echarts.min.js does not exist.
        var page = await served.OpenAsync("about:blank", 1400, 1000);
        await page.RouteAsync("**/vendor/echarts.min.js", route => route.FulfillAsync(new() { Status = 404, Body = "" }));
        await page.GotoAsync("/");
        await Expect(page.Locator(".notice")).ToContainTextAsync("图表不可用");
        await Expect(page.Locator(".chart")).ToHaveCountAsync(0);
        var heat = page.Locator("#heat-map .chart-data");
        await Expect(heat).ToHaveAttributeAsync("open", "");
        await Expect(heat.Locator("thead th")).ToHaveTextAsync(["问题类别", "高明区", "高陵区"]);
        var cadres = heat.Locator("tbody tr", new() { HasText = "干部队伍建设与管理" });
        await Expect(cadres.Locator("td a")).ToHaveCountAsync(2);
        await Expect(page.Locator("#by-category .chart-data a").First).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex(@"^/\?category="));
        await ServedPage.ScreenshotAsync(page, "overview-tables-1400");
    }

    [Fact]
    public async Task Clicking_the_largest_category_bar_opens_the_search_filtered_by_that_category()
    {
        var page = await served.OpenAsync("/", 1400, 1000);
        var chart = page.Locator("#by-category-chart");
        await Expect(chart.Locator("svg")).ToBeVisibleAsync();
        var overview = JsonDocument.Parse(await page.EvaluateAsync<string>("fetch('/api/overview').then(r => r.text())")).RootElement;
        var largest = overview.GetProperty("byCategory")[0].GetProperty("category").GetString();

        // The middle of the largest bar (the last category on the axis), in the chart's own coordinates.
        var point = await page.EvaluateAsync<double[]>("""
            () => {
              const chart = echarts.getInstanceByDom(document.getElementById('by-category-chart'));
              const data = chart.getOption().series[0].data;
              return chart.convertToPixel({ seriesIndex: 0 }, [data[data.length - 1] / 2, data.length - 1]);
            }
            """);
        // The page may still move under the chart (sections filled in after it drew): the box is measured again for
        // each click, and a click that met no bar is tried again, a few times.
        for (var attempt = 1; ; attempt++)
        {
            var box = await chart.BoundingBoxAsync();
            await page.Mouse.ClickAsync((float)(box!.X + point[0]), (float)(box.Y + point[1]));
            try
            {
                await page.WaitForURLAsync(url => SearchPageTests.QueryOf(url).GetValueOrDefault("category") == largest, new() { Timeout = 5000 });
                break;
            }
            catch (TimeoutException) when (attempt < 4 && page.Url.EndsWith('/')) { }
        }
        await Expect(page.Locator($".facet input[name='category'][value='{largest}']")).ToBeCheckedAsync();
    }

    [Fact]
    public async Task A_province_and_year_from_the_data_table_open_the_filtered_search()
    {
        var page = await served.OpenAsync("/", 1400, 1000);
        var table = page.Locator("#by-province-year .chart-data");
        await table.Locator("summary").ClickAsync();
        await table.GetByRole(AriaRole.Link, new() { Name = "1" }).First.ClickAsync();
        await page.WaitForURLAsync(url => SearchPageTests.QueryOf(url).ContainsKey("province") && SearchPageTests.QueryOf(url).ContainsKey("year"));
        var query = SearchPageTests.QueryOf(page.Url);
        Assert.Equal("广东省", query["province"]);
        Assert.Equal("2021", query["year"]);
    }

    [Fact]
    public async Task An_unknown_page_path_shows_the_not_found_view_with_status_404_and_api_paths_keep_problem_json()
    {
        var context = await served.OpenAsync("/");
        var response = await context.GotoAsync("/no/such/page");
        Assert.Equal(404, response!.Status);
        await Expect(context.GetByRole(AriaRole.Heading, new() { Name = "没有这个页面" })).ToBeVisibleAsync();
        await Expect(context.Locator(".not-found code")).ToHaveTextAsync("/no/such/page");
        await Expect(context.Locator(".not-found a[href='/']")).ToBeVisibleAsync();
        await ServedPage.ScreenshotAsync(context, "not-found");

        var api = await context.APIRequest.GetAsync("/api/no-such-route");
        Assert.Equal(404, api.Status);
        Assert.StartsWith("application/problem+json", api.Headers["content-type"]);
    }
}
