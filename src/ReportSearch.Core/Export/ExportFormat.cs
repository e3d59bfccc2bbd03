namespace ReportSearch.Core.Export;

/// <summary>A file format an analyst can take a comparison or the category matrix away in.</summary>
/// <param name="Id">What users type: csv, xlsx, json, md.</param>
public sealed record ExportFormat(string Id, string ContentType, string Extension)
{
    public static ExportFormat Csv { get; } = new("csv", "text/csv; charset=utf-8", ".csv");
    public static ExportFormat Xlsx { get; } = new("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx");
    public static ExportFormat Json { get; } = new("json", "application/json; charset=utf-8", ".json");
    public static ExportFormat Markdown { get; } = new("md", "text/markdown; charset=utf-8", ".md");

    public static IReadOnlyList<ExportFormat> All { get; } = [Csv, Xlsx, Json, Markdown];

    /// <summary>The format named by the user (case and a leading dot ignored; "markdown" is md), or a rejection naming the choices.</summary>
    public static ExportFormat Parse(string? id)
    {
        var key = (id ?? "").Trim().TrimStart('.').ToLowerInvariant();
        if (key == "markdown") key = Markdown.Id;
        return All.FirstOrDefault(f => f.Id == key)
            ?? throw new InputRejectedException(
                $"unknown export format '{id}': use one of {string.Join(", ", All.Select(f => f.Id))}");
    }
}
