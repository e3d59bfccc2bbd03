using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ReportSearch.Browser.Tests;

[Collection(ServedPageCollection.Name)]
public sealed class EditorTests(ServedPage served)
{
    [Fact]
    public async Task With_the_key_an_editor_corrects_a_category_and_it_persists_after_a_reload()
    {
        var page = await OpenGaolingReport();
        await EnterKey(page, served.ApiKey);

        var problem = page.Locator(".problem").First;
        var current = await problem.Locator(".tag").EvaluateAllAsync<string[]>("tags => tags.map(t => t.dataset.category)");
        var target = new[] { "ideology", "anti_crime", "epidemic_control" }.First(id => !current.Contains(id));

        await problem.GetByRole(AriaRole.Button, new() { Name = "修改分类" }).ClickAsync();
        await problem.Locator($"input[type=checkbox][value='{target}']").CheckAsync();
        await problem.GetByLabel("主要分类").SelectOptionAsync(target);
        await problem.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(problem.Locator(".saved")).ToHaveTextAsync("已保存分类更正。");
        await Expect(problem.Locator($".tag.primary[data-category='{target}']")).ToBeVisibleAsync();

        await page.ReloadAsync();
        var reloaded = page.Locator(".problem").First;
        await Expect(reloaded.Locator($".tag.primary[data-category='{target}']")).ToBeVisibleAsync();
        await ServedPage.ScreenshotAsync(page, "report-category-corrected", fullPage: false);
    }

    [Fact]
    public async Task Without_a_key_the_editor_is_hidden()
    {
        var page = await OpenGaolingReport();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "编辑模式" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "修改分类" })).ToHaveCountAsync(0);
        await Expect(page.Locator("input[type=checkbox]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_wrong_key_is_refused_in_words_and_the_key_dialog_closes_with_Escape()
    {
        var page = await OpenGaolingReport();
        await page.GetByRole(AriaRole.Button, new() { Name = "编辑模式" }).ClickAsync();
        await Expect(page.GetByLabel("API 密钥")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.Locator("#key-dialog")).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "修改分类" })).ToHaveCountAsync(0);

        await EnterKey(page, "not-the-key");
        var problem = page.Locator(".problem").First;
        await problem.GetByRole(AriaRole.Button, new() { Name = "修改分类" }).ClickAsync();
        await problem.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        var alert = problem.GetByRole(AriaRole.Alert);
        await Expect(alert).ToContainTextAsync("未授权");
        await Expect(alert).ToContainTextAsync("401");
        await ServedPage.ScreenshotAsync(page, "report-wrong-key", fullPage: false);
    }

    private async Task<IPage> OpenGaolingReport()
    {
        var page = await served.OpenAsync("/");
        await page.Locator("table.report-table tr", new() { HasText = "高陵区" }).GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.Locator(".problem").First).ToBeVisibleAsync();
        return page;
    }

    private static async Task EnterKey(IPage page, string key)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "编辑模式" }).ClickAsync();
        await page.GetByLabel("API 密钥").FillAsync(key);
        await page.GetByLabel("API 密钥").PressAsync("Enter");
        await Expect(page.Locator("#edit-badge")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "修改分类" }).First).ToBeVisibleAsync();
    }
}
