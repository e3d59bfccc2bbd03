using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace ReportSearch.Browser.Tests;

[Collection(ServedPageCollection.Name)]
public sealed class ReportPageTests(ServedPage served)
{
    [Fact]
    public async Task Opening_a_report_from_the_list_shows_its_metadata_and_all_its_problems_with_measures()
    {
        var page = await served.OpenAsync("/");
        await page.Locator("table.report-table tr", new() { HasText = "高陵区" }).GetByRole(Microsoft.Playwright.AriaRole.Link).ClickAsync();
        await page.WaitForURLAsync(new Regex("/report/[0-9a-f]{16}$"));

        var metadata = page.Locator(".metadata");
        await Expect(metadata).ToContainTextAsync("高陵区");
        await Expect(metadata).ToContainTextAsync("西安市");
        await Expect(metadata).ToContainTextAsync("陕西省");
        await Expect(metadata).ToContainTextAsync("省委第三巡视组");
        await Expect(metadata).ToContainTextAsync("2020-10-21 至 2020-12-15");
        await Expect(metadata).ToContainTextAsync("2021-02-23");
        await Expect(page.Locator(".problem")).ToHaveCountAsync(41);
        var lending = page.Locator(".problem", new() { HasText = "借调干部不规范且数量多" });
        await Expect(lending.Locator(".path")).ToHaveTextAsync("二/(三)/2/(35)");
        await Expect(lending.Locator(".measure").First).ToBeVisibleAsync();
        await Expect(lending.Locator(".tag.primary")).ToHaveCountAsync(1);
        await ServedPage.ScreenshotAsync(page, "report-gaoling", fullPage: false);
    }

    [Fact]
    public async Task An_unknown_report_is_explained_in_words()
    {
        var page = await served.OpenAsync("/report/0000000000000000");
        await Expect(page.GetByRole(Microsoft.Playwright.AriaRole.Alert)).ToContainTextAsync("未找到（404）");
    }
}
