using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ReportSearch.Core.Export;
using ReportSearch.Core.Tests.Comparison;

namespace ReportSearch.Core.Tests.Export;

public class ComparisonExportTests
{
    private static byte[] Export(ExportFormat format) => ComparisonExport.ToFile(SampleComparison.Result, format).Content;

    [Fact]
    public void Csv_starts_with_the_BOM_and_round_trips_through_CsvHelper()
    {
        var bytes = Export(ExportFormat.Csv);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);

        using var reader = new CsvReader(new StreamReader(new MemoryStream(bytes), Encoding.UTF8), CultureInfo.InvariantCulture);
        var rows = reader.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(6, rows.Count); // 3 measures of 高明区's problem, 3 of 高陵区's
        var first = rows.Single(r => (string)r["measure_id"] == "a859e88ebbc2d2c3-p35-m1");
        Assert.Equal("高陵区", first["unit"]);
        Assert.Equal("一是区委组织部印发《关于开展干部借调摸排工作的通知》,对全区借调干部全面摸底。", first["measure_text"]);
        Assert.Equal("《关于开展干部借调摸排工作的通知》", first["documents"]);
        Assert.Equal("issue_document", first["measure_type"]);
    }

    [Fact]
    public void Xlsx_reopens_with_its_sheets_frozen_header_widths_and_Chinese_intact()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(Export(ExportFormat.Xlsx)), false);
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["comparison", "measures", "alignment"], sheets.Select(s => s.Name!.Value));

        var comparison = Rows(workbook, sheets[0]);
        Assert.Equal("unit", comparison[0][3]);
        Assert.Equal(["高明区", "高陵区"], comparison.Skip(1).Select(r => r[3]));
        Assert.Contains("借调干部不规范且数量多。未经相关报备程序,区农业农村和林业局等5个部门借调下属单位干部187人。", comparison.Select(r => r[10]));
        Assert.Equal("category_names", comparison[0][13]);
        Assert.Equal("干部队伍建设与管理", comparison[1][13]);

        var measures = Rows(workbook, sheets[1]);
        Assert.Equal(7, measures.Count); // header + 6 measures
        Assert.Contains(measures, r => r.Contains("三是印发《通知》,集中开展借调干部清理规范工作,目前已全部整改到位。"));
        Assert.DoesNotContain(measures, r => r.Contains("二是清理街办及部门借调的社区工作人员21人。")); // under the floor

        foreach (var sheet in sheets)
        {
            var worksheet = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet;
            var pane = worksheet.Descendants<Pane>().Single();
            Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
            Assert.Equal("A2", pane.TopLeftCell!.Value);
            var columns = worksheet.Descendants<Column>().ToList();
            Assert.NotEmpty(columns);
            Assert.All(columns, c => Assert.True(c.CustomWidth!.Value && c.Width!.Value >= 6));
        }
    }

    [Fact]
    public void Json_is_the_compare_document()
    {
        using var json = JsonDocument.Parse(Export(ExportFormat.Json));
        var root = json.RootElement;
        Assert.Equal("干部借调", root.GetProperty("query").GetString());
        var group = root.GetProperty("groups")[1];
        Assert.Equal("高陵区", group.GetProperty("unit").GetString());
        Assert.Equal("2022-05-06", group.GetProperty("publishedDate").GetString());
        var measure = group.GetProperty("matches")[0].GetProperty("measures")[2];
        Assert.Equal("done", measure.GetProperty("status").GetString());
        Assert.Equal("issue_document", measure.GetProperty("type").GetString());
        Assert.True(root.GetProperty("alignment").GetArrayLength() > 2);
    }

    [Fact]
    public void Markdown_puts_the_districts_side_by_side_then_each_in_full()
    {
        var md = Encoding.UTF8.GetString(Export(ExportFormat.Markdown));
        Assert.StartsWith("# 对比：干部借调", md);
        Assert.Contains("| 措施类型 | 高明区（佛山市） | 高陵区（西安市） |", md);
        Assert.Contains("## 高陵区（西安市）", md);
        Assert.Contains("## 高明区（佛山市）", md);
        Assert.Contains("| 建立机制 | 二是完善长效监管机制。", md); // the text already starts with its ordinal
        Assert.Contains("【印发文件】一是区委组织部印发《关于开展干部借调摸排工作的通知》", md);
        Assert.Contains("文件：《西安市高陵区区内借调干部工作规范》", md);
        Assert.Contains("类别 干部队伍建设与管理", md);
    }

    [Theory]
    [InlineData("csv", "text/csv; charset=utf-8", "对比-干部借调.csv")]
    [InlineData("XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "对比-干部借调.xlsx")]
    [InlineData(".json", "application/json; charset=utf-8", "对比-干部借调.json")]
    [InlineData("markdown", "text/markdown; charset=utf-8", "对比-干部借调.md")]
    public void Format_names_give_content_type_and_file_name(string name, string contentType, string fileName)
    {
        var file = ComparisonExport.ToFile(SampleComparison.Result, ExportFormat.Parse(name));
        Assert.Equal(contentType, file.ContentType);
        Assert.Equal(fileName, file.FileName);
    }

    [Fact]
    public void Unknown_format_is_rejected_naming_the_choices()
    {
        var e = Assert.Throws<InputRejectedException>(() => ExportFormat.Parse("pdf"));
        Assert.Equal("unknown export format 'pdf': use one of csv, xlsx, json, md", e.Message);
    }

    [Fact]
    public void File_names_drop_what_file_systems_refuse()
    {
        Assert.Equal("对比-a_b_c_d.csv", ExportedFile.NameFor("对比", "a/b:c d", ExportFormat.Csv));
        Assert.Equal("对比.md", ExportedFile.NameFor("对比", "  ", ExportFormat.Markdown));
    }

    /// <summary>Cell texts row by row (inline strings and numbers), in column order.</summary>
    internal static List<List<string>> Rows(WorkbookPart workbook, Sheet sheet)
    {
        var worksheet = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet;
        return worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToList())
            .ToList();
    }
}
