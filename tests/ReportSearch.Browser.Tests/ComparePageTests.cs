using System.IO.Compression;
using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ReportSearch.Browser.Tests;

[Collection(ServedPageCollection.Name)]
public sealed class ComparePageTests(ServedPage served)
{
    [Fact]
    public async Task Comparing_from_the_search_view_shows_a_column_for_each_district()
    {
        var page = await served.OpenAsync("/?q=" + Uri.EscapeDataString("借调"));
        await Expect(page.Locator(".hit").First).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "对比各地区" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/compare" && SearchPageTests.QueryOf(url)["q"] == "借调");

        var gaoling = page.Locator(".district[data-unit='高陵区']");
        var gaoming = page.Locator(".district[data-unit='高明区']");
        await Expect(gaoling.Locator(".match").First).ToBeVisibleAsync();
        await Expect(gaoming.Locator(".match").First).ToBeVisibleAsync();
        await Expect(page.Locator(".measure").First).ToBeVisibleAsync();

        // Side by side at desktop width: the two district headings share a row and sit in different columns.
        var left = await gaoling.Locator(".district-head").BoundingBoxAsync();
        var right = await gaoming.Locator(".district-head").BoundingBoxAsync();
        Assert.NotNull(left);
        Assert.NotNull(right);
        Assert.Equal(left.Y, right.Y, 1.0);
        Assert.True(Math.Abs(left.X - right.X) >= left.Width, $"columns overlap: x {left.X} and {right.X}, width {left.Width}");
        await ServedPage.ScreenshotAsync(page, "compare-1440");
    }

    [Theory]
    [InlineData("csv", ".csv")]
    [InlineData("xlsx", ".xlsx")]
    [InlineData("md", ".md")]
    public async Task An_export_button_downloads_the_comparison_with_its_chinese_text(string format, string extension)
    {
        var page = await served.OpenAsync("/compare?q=" + Uri.EscapeDataString("借调"));
        var button = page.Locator($".exports a[data-format='{format}']");
        await Expect(button).ToBeVisibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => button.ClickAsync());
        Assert.EndsWith(extension, download.SuggestedFilename);
        var file = Path.Combine(served.DownloadFolder, Guid.NewGuid().ToString("N") + extension);
        await download.SaveAsAsync(file);

        var text = format switch
        {
            "xlsx" => XlsxText(file),
            "csv" => CsvText(file),
            _ => await File.ReadAllTextAsync(file, Encoding.UTF8),
        };
        Assert.Contains("高陵区", text);
        Assert.Contains("高明区", text);
        Assert.Contains("借调", text);
        if (format == "csv") await ServedPage.ScreenshotAsync(page, "compare-export");
    }

    /// <summary>CSV for Excel: UTF-8 with a byte-order mark, so Chinese opens correctly.</summary>
    private static string CsvText(string file)
    {
        var bytes = File.ReadAllBytes(file);
        Assert.True(bytes.Length > 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, "the CSV has no UTF-8 byte-order mark");
        return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
    }

    /// <summary>All the XML parts of the workbook (shared strings and sheets) as one text: the cells' Chinese is in there.</summary>
    private static string XlsxText(string file)
    {
        using var zip = ZipFile.OpenRead(file);
        var text = new StringBuilder();
        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("xl/") && e.FullName.EndsWith(".xml")))
        {
            using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
            text.Append(reader.ReadToEnd());
        }
        Assert.Contains(zip.Entries, e => e.FullName.StartsWith("xl/worksheets/"));
        return text.ToString();
    }
}
