using System.Text;
using System.Text.Json;
using ReportSearch.Core.Model;

namespace ReportSearch.Core.Export;

/// <summary>
/// Problem counts of every district (rows) by category (columns) over the whole index. Each problem counts once, under
/// its primary category, so a row sums to the district's problem count; problems without a category count as
/// <see cref="Uncategorised"/>.
/// </summary>
public sealed record CategoryMatrix(IReadOnlyList<string> Categories, IReadOnlyList<CategoryMatrixRow> Rows)
{
    public const string Uncategorised = "uncategorised";

    /// <summary>How problems are counted, written into the JSON so a reader need not guess.</summary>
    public string Counting => "primary category, one count per problem";

    /// <summary>The Chinese name of each category id (TAXONOMY.md), for labels.</summary>
    public IReadOnlyDictionary<string, string> CategoryNames =>
        Categories.ToDictionary(c => c, c => c == Uncategorised ? "未分类" : ComparisonTables.CategoryNames([c]));

    /// <param name="categoryOrder">The taxonomy's ids in display order; categories met outside it follow, then uncategorised.</param>
    public static CategoryMatrix From(IEnumerable<RectificationReport> reports, IReadOnlyList<string> categoryOrder)
    {
        var rows = new List<CategoryMatrixRow>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var unit in reports.GroupBy(r => UnitKey(r), StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            var problems = unit.SelectMany(r => r.Problems).ToList();
            foreach (var problem in problems)
            {
                var category = problem.Categories.Count > 0 ? problem.Categories[0] : Uncategorised;
                counts[category] = counts.GetValueOrDefault(category) + 1;
                seen.Add(category);
            }
            var first = unit.First();
            rows.Add(new CategoryMatrixRow(first.Unit.Name ?? first.Id, first.Unit.City, first.Unit.Province,
                unit.Select(r => r.Id).ToList(), problems.Count, counts));
        }
        var categories = categoryOrder
            .Concat(seen.Where(c => c != Uncategorised && !categoryOrder.Contains(c)).Order(StringComparer.Ordinal))
            .Append(Uncategorised)
            .ToList();
        return new CategoryMatrix(categories, rows);
    }

    /// <summary>Reports of the same district (say, two rounds) share a row.</summary>
    private static string UnitKey(RectificationReport report) =>
        report.Unit.Name is null ? report.Id : $"{report.Unit.Province}/{report.Unit.City}/{report.Unit.Name}";

    public ExportTable ToTable() => new(
        "categories_by_district",
        ["unit", "city", "province", "problems", .. Categories],
        Rows.Select(r => (IReadOnlyList<object?>)
            [r.Unit, r.City, r.Province, r.Problems, .. Categories.Select(c => (object?)r.Counts.GetValueOrDefault(c))]).ToList());
}

/// <param name="Counts">Problems per category id; categories with none are absent.</param>
public sealed record CategoryMatrixRow(
    string Unit, string? City, string? Province, IReadOnlyList<string> ReportIds, int Problems, IReadOnlyDictionary<string, int> Counts);

/// <summary>The exporters of the category matrix: CSV, XLSX, JSON and a Markdown table.</summary>
public static class CategoryMatrixExport
{
    public static ExportedFile ToFile(CategoryMatrix matrix, ExportFormat format)
    {
        using var buffer = new MemoryStream();
        Write(matrix, format, buffer);
        return new ExportedFile(ExportedFile.NameFor("类别矩阵", "", format), format.ContentType, buffer.ToArray());
    }

    public static void Write(CategoryMatrix matrix, ExportFormat format, Stream output)
    {
        if (format == ExportFormat.Csv) CsvTableWriter.Write(matrix.ToTable(), output);
        else if (format == ExportFormat.Xlsx) XlsxTableWriter.Write([matrix.ToTable()], output);
        else if (format == ExportFormat.Json) JsonSerializer.Serialize(output, matrix, ReportJson.Options);
        else
        {
            var table = matrix.ToTable();
            var md = new StringBuilder("# 各地区问题类别分布\n\n");
            md.Append("| ").AppendJoin(" | ", table.Headers).Append(" |\n|").AppendJoin("", table.Headers.Select(_ => "---|")).Append('\n');
            foreach (var row in table.Rows) md.Append("| ").AppendJoin(" | ", row.Select(c => c?.ToString() ?? "")).Append(" |\n");
            output.Write(new UTF8Encoding(false).GetBytes(md.ToString()));
        }
    }
}
