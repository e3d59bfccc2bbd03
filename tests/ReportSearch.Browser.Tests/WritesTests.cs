using System.Text;
using Microsoft.Playwright;
using ReportSearch.Testing;
using static Microsoft.Playwright.Assertions;

namespace ReportSearch.Browser.Tests;

/// <summary>
/// Edit mode and uploads exist only where writes can work: a read-only server offers neither; a server with a key takes
/// several files at once, each with its own progress and its own outcome. Each test starts its own server, so uploads
/// never change the index the other browser tests read.
/// </summary>
[Collection(ServedPageCollection.Name)]
public sealed class WritesTests(ServedPage served)
{
    [Fact]
    public async Task A_read_only_server_offers_no_edit_mode_no_upload_and_no_category_editor()
    {
        await using var readOnly = await SeededServer.StartAsync(writes: false);
        var page = await served.OpenAsync("/", server: readOnly.BaseAddress);
        await Expect(page.Locator(".overview")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "编辑模式" })).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "上传通报" })).ToBeHiddenAsync();

        // A key left in the session from elsewhere does not bring the editor back.
        await page.EvaluateAsync("sessionStorage.setItem('reportsearch.apiKey', 'any-key')");
        await page.Locator("table.report-table tr", new() { HasText = "高陵区" }).GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.Locator(".problem").First).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "修改分类" })).ToHaveCountAsync(0);

        await page.GotoAsync("/upload");
        await Expect(page.Locator(".upload .empty")).ToContainTextAsync("没有开启写入");
        await Expect(page.Locator("input[type=file]")).ToHaveCountAsync(0);
        await ServedPage.ScreenshotAsync(page, "upload-read-only");
    }

    [Fact]
    public async Task With_the_key_several_files_upload_at_once_each_with_progress_and_its_own_outcome()
    {
        await using var scratch = await SeededServer.StartAsync();
        // A new report (the Gaoling seed as another district's), and a file that is no report at all.
        var text = await File.ReadAllTextAsync(scratch.Seed("000"));
        var linTong = text.Replace("高陵区", "临潼区");
        var page = await served.OpenAsync("/upload", server: scratch.BaseAddress);
        await page.GetByRole(AriaRole.Button, new() { Name = "编辑模式" }).First.ClickAsync();
        await page.GetByLabel("API 密钥").FillAsync(scratch.Key);
        await page.GetByLabel("API 密钥").PressAsync("Enter");
        await Expect(page.Locator("#drop-zone")).ToBeVisibleAsync();
        await ServedPage.ScreenshotAsync(page, "upload-1400-empty", fullPage: false);

        await page.Locator("#upload-files").SetInputFilesAsync(new[]
        {
            new FilePayload { Name = "临潼区整改通报.txt", MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes(linTong) },
            new FilePayload { Name = "notes.txt", MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes("会议记录：下午三点开会。") },
        });

        var good = page.Locator(".upload-row[data-name='临潼区整改通报.txt']");
        var bad = page.Locator(".upload-row[data-name='notes.txt']");
        await Expect(good).ToHaveAttributeAsync("data-result", "indexed");
        await Expect(good.Locator("progress")).ToHaveAttributeAsync("value", "100");
        await Expect(good.Locator(".upload-summary")).ToContainTextAsync("临潼区");
        await Expect(good.Locator(".upload-summary")).ToContainTextAsync("41 个问题");
        await Expect(bad).ToHaveAttributeAsync("data-result", "failed");
        await Expect(bad.GetByRole(AriaRole.Alert)).ToContainTextAsync("were recognised in it");
        Assert.Equal(3, scratch.Index.Store.CountReports());
        await ServedPage.ScreenshotAsync(page, "upload-1400");

        var narrow = await served.OpenAsync("/upload", 390, 844, scratch.BaseAddress);
        await narrow.EvaluateAsync($"sessionStorage.setItem('reportsearch.apiKey', '{scratch.Key}')");
        await narrow.ReloadAsync();
        await Expect(narrow.Locator("#drop-zone")).ToBeVisibleAsync();
        Assert.True(await narrow.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390, "the upload view scrolls sideways at 390px");
        await ServedPage.ScreenshotAsync(narrow, "upload-390");
    }

    [Fact]
    public async Task Dropping_a_file_on_the_drop_zone_uploads_it()
    {
        await using var scratch = await SeededServer.StartAsync();
        var page = await served.OpenAsync("/upload", server: scratch.BaseAddress);
        await page.EvaluateAsync($"sessionStorage.setItem('reportsearch.apiKey', '{scratch.Key}')");
        await page.ReloadAsync();
        await Expect(page.Locator("#drop-zone")).ToBeVisibleAsync();
        var seed = await File.ReadAllTextAsync(scratch.Seed("002"));
        // A real drop event carrying a file, as a file manager would send it.
        var transfer = await page.EvaluateHandleAsync("""
            text => { const t = new DataTransfer(); t.items.add(new File([text], '高明区.txt', { type: 'text/plain' })); return t; }
            """, seed);
        await page.DispatchEventAsync("#drop-zone", "drop", new { dataTransfer = transfer });
        var row = page.Locator(".upload-row[data-name='高明区.txt']");
        await Expect(row).ToHaveAttributeAsync("data-result", "unchanged");
        await Expect(row.Locator(".upload-summary")).ToContainTextAsync("已收录过");
        await Expect(row.Locator("progress")).ToHaveAttributeAsync("value", "100");
    }
}
