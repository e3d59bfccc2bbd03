namespace ReportSearch.Index.Storage;

/// <summary>The reports document (`reports --json`, GET /api/reports): every indexed report with its metadata and counts.</summary>
public sealed record ReportList(int Total, IReadOnlyList<ReportSummary> Reports)
{
    public ReportList(IReadOnlyList<ReportSummary> reports) : this(reports.Count, reports) { }
}
