using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ReportSearch.Browser.Tests;

/// <summary>The editors' review list (issue 11): least certain problems first, the model's guesses shown, the editor in place.</summary>
[Collection(ServedPageCollection.Name)]
public sealed class ReviewPageTests(ServedPage served)
{
    [Fact]
    public async Task The_review_view_lists_the_least_certain_problems_first_with_the_models_guesses_and_the_editor_in_edit_mode()
    {
        var page = await served.OpenAsync("/review", 1400, 1000);
        var items = page.Locator(".review-item");
        await Expect(items.First).ToBeVisibleAsync();
        await Expect(page.Locator("nav a[data-nav='review']")).ToHaveAttributeAsync("aria-current", "page");
        var certainties = (await items.EvaluateAllAsync<string[]>("li => li.map(x => x.dataset.certainty)"))
            .Select(c => double.Parse(c, CultureInfo.InvariantCulture)).ToList();
        Assert.True(certainties.Count > 1);
        Assert.Equal(certainties.Order(), certainties);
        await Expect(items.First.Locator(".scores li").First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"\d+%$"));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "修改分类" })).ToHaveCountAsync(0);
        await ServedPage.ScreenshotAsync(page, "review-1400", fullPage: false);

        await page.GetByRole(AriaRole.Button, new() { Name = "编辑模式" }).First.ClickAsync();
        await page.GetByLabel("API 密钥").FillAsync(served.ApiKey);
        await page.GetByLabel("API 密钥").PressAsync("Enter");
        await Expect(items.First.GetByRole(AriaRole.Button, new() { Name = "修改分类" })).ToBeVisibleAsync();
    }
}
