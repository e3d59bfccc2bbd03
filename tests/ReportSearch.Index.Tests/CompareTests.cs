using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ReportSearch.Core;
using ReportSearch.Core.Comparison;
using ReportSearch.Core.Model;

namespace ReportSearch.Index.Tests;

/// <summary>Comparisons over both seeds in a real index: the real parser, analyser, hybrid search and SQLite file.</summary>
public sealed class CompareTests(SeededIndex seeded) : IClassFixture<SeededIndex>
{
    private ReportIndex Index => seeded.Test.Index;

    private RectificationReport Report(string unit) =>
        Index.Store.ListReports().Select(r => Index.Store.GetReport(r.Id)!).Single(r => r.Unit.Name == unit);

    private Problem ProblemOf(string unit, string statementPart) =>
        Report(unit).Problems.Single(p => p.Statement.Contains(statementPart, StringComparison.Ordinal));

    [Theory]
    [InlineData("干部借调")]
    [InlineData("混编混岗")]
    public async Task Secondment_is_compared_across_both_districts_with_all_measures(string query)
    {
        var result = await Index.Compare.CompareAsync(query, null, null);

        Assert.Equal(["高明区", "高陵区"], result.Groups.Select(g => g.Unit).Order(StringComparer.Ordinal));
        AssertLeads(result, "高陵区", ProblemOf("高陵区", "借调干部不规范且数量多"));
        AssertLeads(result, "高明区", ProblemOf("高明区", "混编混岗问题突出"));
    }

    [Fact]
    public async Task Eight_rules_are_compared_across_both_districts()
    {
        var result = await Index.Compare.CompareAsync("八项规定", null, null);

        Assert.Equal(["高明区", "高陵区"], result.Groups.Select(g => g.Unit).Order(StringComparer.Ordinal));
        AssertLeads(result, "高陵区", ProblemOf("高陵区", "违反中央八项规定精神问题禁而不绝"));
        // 高明区 states its 八项规定 problems under the heading (三)关于违反中央八项规定精神问题禁而不绝问题.
        var gaoming = result.Groups.Single(g => g.Unit == "高明区");
        Assert.All(gaoming.Matches, m => Assert.Contains("八项规定", string.Join(' ', Report("高明区").Problems.Single(p => p.Id == m.ProblemId).Headings)));
    }

    [Theory]
    [InlineData("大棚房", "高陵区", "大棚房")]
    [InlineData("桉树", "高明区", "污染防治工作方面存在的问题")]
    [InlineData("清桉", "高明区", "污染防治工作方面存在的问题")]
    public async Task A_problem_only_one_district_has_shows_only_that_district(string query, string unit, string statementPart)
    {
        var result = await Index.Compare.CompareAsync(query, null, null);

        var group = Assert.Single(result.Groups);
        Assert.Equal(unit, group.Unit);
        Assert.Contains(group.Matches, m => m.Statement.Contains(statementPart, StringComparison.Ordinal));
        Assert.All(result.Alignment, row => Assert.Single(row.Cells));
    }

    [Fact]
    public async Task Measure_types_align_what_each_district_did()
    {
        var result = await Index.Compare.CompareAsync("干部借调", null, null);
        var measures = result.Groups.SelectMany(g => g.Matches).SelectMany(m => m.Measures).ToDictionary(m => m.Id);

        // Both issued documents on secondment; only 高明区 built a long-term mechanism with agreements.
        var documents = result.Alignment.Single(r => r.Type == "issue_document");
        Assert.All(documents.Cells, c => Assert.NotEmpty(c.MeasureIds));
        var mechanism = result.Alignment.Single(r => r.Type == "mechanism");
        Assert.Contains("高陵区", mechanism.MissingIn);
        Assert.All(mechanism.Cells.Single(c => c.Unit == "高明区").MeasureIds, id => Assert.Contains("mechanism", measures[id].Types));

        // Every measure is in exactly one row as primary: its type's, or "other" when it fits none.
        var primaries = result.Alignment.SelectMany(r => r.Cells.SelectMany(c => c.PrimaryMeasureIds)).ToList();
        Assert.Equal(measures.Keys.Order(), primaries.Order());
        Assert.All(result.Alignment.Where(r => r.Type == MeasureTypeCatalog.OtherId).SelectMany(r => r.Cells).SelectMany(c => c.MeasureIds),
            id => Assert.Null(measures[id].Type));
    }

    [Fact]
    public async Task Reports_option_narrows_and_per_report_limits()
    {
        var gaoling = Report("高陵区");
        var narrowed = await Index.Compare.CompareAsync("干部借调", 1, gaoling.Id);
        var group = Assert.Single(narrowed.Groups);
        Assert.Equal(gaoling.Id, group.ReportId);
        Assert.Single(group.Matches);

        var unknown = await Assert.ThrowsAsync<InputRejectedException>(() => Index.Compare.CompareAsync("干部借调", null, "0000000000000000"));
        Assert.Equal(InputRejection.NotFound, unknown.Kind);
        await Assert.ThrowsAsync<InputRejectedException>(() => Index.Compare.CompareAsync("干部借调", 0, null));
    }

    [Fact]
    public async Task Similar_problems_come_from_the_other_reports()
    {
        var source = ProblemOf("高陵区", "借调干部不规范且数量多");
        var similar = await Index.Compare.SimilarAsync(source.Id, null, null, includeSource: false);
        Assert.Equal(source.Id, similar.ProblemId);
        var group = Assert.Single(similar.Groups);
        Assert.Equal("高明区", group.Unit);
        Assert.Equal(ProblemOf("高明区", "混编混岗问题突出").Id, group.Matches[0].ProblemId);

        var withSource = await Index.Compare.SimilarAsync(source.Id, null, null, includeSource: true);
        Assert.Equal(source.Id, withSource.Groups[0].Matches[0].ProblemId);
        Assert.Equal(["高陵区", "高明区"], withSource.Groups.Select(g => g.Unit));

        var missing = await Assert.ThrowsAsync<InputRejectedException>(() => Index.Compare.SimilarAsync("0000000000000000-p01", null, null, false));
        Assert.Equal(InputRejection.NotFound, missing.Kind);
    }

    [Fact]
    public async Task Xlsx_export_of_a_seed_comparison_reopens_with_rows_and_Chinese_intact()
    {
        var file = await Index.Export.ComparisonAsync("干部借调", "xlsx");
        Assert.Equal("对比-干部借调.xlsx", file.FileName);
        var result = await Index.Compare.CompareAsync("干部借调", null, null);
        var measureTexts = result.Groups.SelectMany(g => g.Matches).SelectMany(m => m.Measures).Select(m => m.Text).ToList();

        using var document = SpreadsheetDocument.Open(new MemoryStream(file.Content), false);
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
        var rows = ((WorksheetPart)workbook.GetPartById(sheets[1].Id!)).Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToList()).ToList();
        Assert.Equal(measureTexts.Count + 1, rows.Count);
        Assert.Equal(measureTexts.Order(), rows.Skip(1).Select(r => r[^1]).Order());
        Assert.Contains(rows, r => r.Contains("关于开展干部借调摸排工作的通知", StringComparer.Ordinal) || r.Any(c => c.Contains("《关于开展干部借调摸排工作的通知》")));
        Assert.All(sheets, s => Assert.Equal(PaneStateValues.Frozen,
            ((WorksheetPart)workbook.GetPartById(s.Id!)).Worksheet.Descendants<Pane>().Single().State!.Value));
    }

    [Fact]
    public void Category_matrix_counts_every_problem_of_every_district()
    {
        var matrix = Index.Export.Matrix();
        Assert.Equal([41, 48], matrix.Rows.OrderBy(r => r.Problems).Select(r => r.Problems));
        Assert.All(matrix.Rows, r => Assert.Equal(r.Problems, r.Counts.Values.Sum()));
    }

    private static void AssertLeads(CompareResult result, string unit, Problem expected)
    {
        var match = result.Groups.Single(g => g.Unit == unit).Matches[0];
        Assert.Equal(expected.Id, match.ProblemId);
        Assert.Equal(expected.Statement, match.Statement);
        Assert.Equal(expected.Measures.Select(m => m.Text), match.Measures.Select(m => m.Text));
        Assert.Equal(expected.Measures.Select(m => m.Documents.Count), match.Measures.Select(m => m.Documents.Count));
        Assert.Equal(expected.Measures.Select(m => m.Status), match.Measures.Select(m => m.Status));
    }
}
