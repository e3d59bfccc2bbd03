using ReportSearch.Core.Classification;
using ReportSearch.Core.Comparison;
using ReportSearch.Core.Model;

namespace ReportSearch.Core.Export;

/// <summary>
/// A comparison flattened into tables: one row per matched problem, and one row per measure carrying its problem's
/// columns too, so either sheet can be filtered and pivoted on its own.
/// </summary>
public static class ComparisonTables
{
    public static ExportTable Problems(CompareResult result) => new(
        "comparison",
        ["query", "rank", "report_id", "unit", "city", "province", "published_date", "problem_id", "path", "aspect",
         "statement", "score", "categories", "category_names", "measure_count", "measure_types"],
        result.Groups.SelectMany((g, rank) => g.Matches.Select(m => (IReadOnlyList<object?>)
        [
            result.Query, rank + 1, g.ReportId, g.Unit, g.City, g.Province, Date(g.PublishedDate), m.ProblemId, m.Path,
            m.Aspect, m.Statement, m.Score, Join(m.Categories), CategoryNames(m.Categories), m.Measures.Count,
            Join(m.Measures.Select(x => x.TypeName).Distinct()),
        ])).ToList());

    public static ExportTable Measures(CompareResult result) => new(
        "measures",
        ["report_id", "unit", "city", "province", "problem_id", "statement", "categories", "measure_id", "ordinal",
         "measure_type", "measure_type_name", "measure_types", "status", "documents", "quantities", "measure_text"],
        result.Groups.SelectMany(g => g.Matches.SelectMany(m => m.Measures.Count == 0
            // A problem reported without measures still shows, so the reader sees it was left unanswered.
            ? [[g.ReportId, g.Unit, g.City, g.Province, m.ProblemId, m.Statement, Join(m.Categories),
                null, null, null, null, null, null, null, null, null]]
            : m.Measures.Select(x => (IReadOnlyList<object?>)
            [
                g.ReportId, g.Unit, g.City, g.Province, m.ProblemId, m.Statement, Join(m.Categories), x.Id, x.Ordinal,
                x.Type ?? MeasureTypeCatalog.OtherId, x.TypeName, Join(x.Types), x.Status, Join(x.Documents.Select(Titled)),
                Join(x.Quantities.Select(q => q.Text)), x.Text,
            ]))).ToList());

    /// <summary>Measure types down, reports across: which measures of each report do that kind of thing.</summary>
    public static ExportTable Alignment(CompareResult result) => new(
        "alignment",
        ["measure_type", "measure_type_name", .. result.Groups.Select(g => g.Unit ?? g.ReportId), "missing_in"],
        result.Alignment.Select(row => (IReadOnlyList<object?>)
        [
            row.Type, row.Name, .. row.Cells.Select(c => (object?)Join(c.MeasureIds)), Join(row.MissingIn),
        ]).ToList());

    /// <summary>The Chinese names of category ids (TAXONOMY.md), what a reader of the sheet knows them by.</summary>
    public static string CategoryNames(IEnumerable<string> ids) =>
        Join(ids.Select(id => Taxonomy.Default.Contains(id) ? Taxonomy.Default[id].Name : id));

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd");

    private static string Join(IEnumerable<string> values) => string.Join("; ", values);

    private static string Titled(string document) => document.StartsWith('《') ? document : $"《{document}》";
}
