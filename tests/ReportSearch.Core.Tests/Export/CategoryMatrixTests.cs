using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ReportSearch.Core.Export;
using ReportSearch.Core.Tests.Comparison;

namespace ReportSearch.Core.Tests.Export;

public class CategoryMatrixTests
{
    private static readonly CategoryMatrix Matrix = CategoryMatrix.From(
        [SampleComparison.Gaoling, SampleComparison.Gaoming], ["cadre_management", "livelihood", "land_resources"]);

    [Fact]
    public void Each_problem_counts_once_under_its_primary_category()
    {
        Assert.Equal(["cadre_management", "livelihood", "land_resources", "uncategorised"], Matrix.Categories);
        var gaoling = Matrix.Rows.Single(r => r.Unit == "高陵区");
        Assert.Equal(2, gaoling.Problems);
        Assert.Equal(1, gaoling.Counts["cadre_management"]);
        Assert.Equal(1, gaoling.Counts["livelihood"]);
        Assert.Equal(gaoling.Problems, gaoling.Counts.Values.Sum());
    }

    [Fact]
    public void Csv_xlsx_and_json_hold_the_same_counts()
    {
        var csv = CategoryMatrixExport.ToFile(Matrix, ExportFormat.Csv);
        Assert.Equal("类别矩阵.csv", csv.FileName);
        using (var reader = new CsvReader(new StreamReader(new MemoryStream(csv.Content), Encoding.UTF8), CultureInfo.InvariantCulture))
        {
            var rows = reader.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
            var gaoming = rows.Single(r => (string)r["unit"] == "高明区");
            Assert.Equal("1", gaoming["cadre_management"]);
            Assert.Equal("0", gaoming["livelihood"]);
            Assert.Equal("广东省", gaoming["province"]);
        }

        using (var xlsx = SpreadsheetDocument.Open(new MemoryStream(CategoryMatrixExport.ToFile(Matrix, ExportFormat.Xlsx).Content), false))
        {
            var sheet = xlsx.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single();
            var rows = ComparisonExportTests.Rows(xlsx.WorkbookPart, sheet);
            Assert.Equal(["unit", "city", "province", "problems", "cadre_management", "livelihood", "land_resources", "uncategorised"], rows[0]);
            Assert.Equal(["高陵区", "西安市", "陕西省", "2", "1", "1", "0", "0"], rows.Single(r => r[0] == "高陵区"));
        }

        using var json = JsonDocument.Parse(CategoryMatrixExport.ToFile(Matrix, ExportFormat.Json).Content);
        var gaolingJson = json.RootElement.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("unit").GetString() == "高陵区");
        Assert.Equal(1, gaolingJson.GetProperty("counts").GetProperty("livelihood").GetInt32());
        Assert.Equal("primary category, one count per problem", json.RootElement.GetProperty("counting").GetString());
        Assert.Equal("干部队伍建设与管理", json.RootElement.GetProperty("categoryNames").GetProperty("cadre_management").GetString());
    }
}
