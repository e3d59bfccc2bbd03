namespace ReportSearch.Index.Storage;

/// <summary>
/// GET /api/overview: the corpus at a glance, counted by SQLite (GROUP BY over the report, problem and category rows),
/// never by loading the reports. Each problem counts once, under its primary category (rank 0), as in the export matrix.
/// </summary>
public sealed class OverviewQueries(IndexStore store)
{
    private const int RecentReports = 10;

    private const string Totals = """
        SELECT (SELECT count(*) FROM reports), (SELECT count(*) FROM problems), (SELECT count(*) FROM measures);
        """;

    private const string ByProvinceYear = """
        SELECT coalesce(r.province, ''), coalesce(substr(r.published_date, 1, 4), ''), count(DISTINCT r.id), count(p.id)
        FROM reports r LEFT JOIN problems p ON p.report_id = r.id
        GROUP BY 1, 2 ORDER BY 2, 1;
        """;

    private const string ByCategory = """
        SELECT coalesce(c.category, 'uncategorised'), count(*)
        FROM problems p LEFT JOIN problem_categories c ON c.problem_id = p.id AND c.rank = 0
        GROUP BY 1 ORDER BY 2 DESC, 1;
        """;

    private const string ByDistrictCategory = """
        SELECT coalesce(r.unit_name, r.id), coalesce(r.city, ''), coalesce(r.province, ''),
               coalesce(c.category, 'uncategorised'), count(*)
        FROM problems p JOIN reports r ON r.id = p.report_id
             LEFT JOIN problem_categories c ON c.problem_id = p.id AND c.rank = 0
        GROUP BY 1, 2, 3, 4 ORDER BY 3, 2, 1, 4;
        """;

    private const string Recent = """
        SELECT r.id, r.title, r.unit_name, r.city, r.province, r.published_date,
               (SELECT count(*) FROM problems p WHERE p.report_id = r.id)
        FROM reports r ORDER BY r.published_date IS NULL, r.published_date DESC, r.indexed_at DESC LIMIT $limit;
        """;

    public CorpusOverview Read()
    {
        using var c = store.Connect();
        var totals = IndexStore.Query(c, Totals, r => (r.GetInt32(0), r.GetInt32(1), r.GetInt32(2))).Single();
        return new CorpusOverview(
            totals.Item1, totals.Item2, totals.Item3,
            IndexStore.Query(c, ByProvinceYear, r => new ProvinceYearCount(
                NullIfEmpty(r.GetString(0)), int.TryParse(r.GetString(1), out var y) ? y : null, r.GetInt32(2), r.GetInt32(3))),
            IndexStore.Query(c, ByCategory, r => new CategoryCount(r.GetString(0), r.GetInt32(1))),
            IndexStore.Query(c, ByDistrictCategory, r => new DistrictCategoryCount(
                r.GetString(0), NullIfEmpty(r.GetString(1)), NullIfEmpty(r.GetString(2)), r.GetString(3), r.GetInt32(4))),
            IndexStore.Query(c, Recent, r => new RecentReport(
                r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2),
                r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4),
                r.IsDBNull(5) ? null : r.GetString(5), r.GetInt32(6)), ("$limit", RecentReports)));
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}

/// <summary>The overview document: totals, then the four pictures of the start page.</summary>
public sealed record CorpusOverview(
    int Reports, int Problems, int Measures,
    IReadOnlyList<ProvinceYearCount> ByProvinceYear,
    IReadOnlyList<CategoryCount> ByCategory,
    IReadOnlyList<DistrictCategoryCount> ByDistrictCategory,
    IReadOnlyList<RecentReport> Recent);

/// <param name="Year">The year the report was published; null when the report has no date.</param>
public sealed record ProvinceYearCount(string? Province, int? Year, int Reports, int Problems);

/// <param name="Category">A category id of TAXONOMY.md, or "uncategorised".</param>
public sealed record CategoryCount(string Category, int Problems);

public sealed record DistrictCategoryCount(string Unit, string? City, string? Province, string Category, int Problems);

public sealed record RecentReport(string Id, string? Title, string? Unit, string? City, string? Province, string? PublishedDate, int Problems);
