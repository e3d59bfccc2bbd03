using ReportSearch.Core.Classification;
using ReportSearch.Core.Export;
using ReportSearch.Core.Model;
using ReportSearch.Index.Storage;

namespace ReportSearch.Index.Comparison;

/// <summary>`export` and GET /api/export: a comparison, or the district × category matrix of the whole index, as a file.</summary>
public sealed class ExportService(IndexStore store, CompareService compare)
{
    /// <summary>GET /api/export in one call: the matrix when asked for, else the comparison of the query.</summary>
    public Task<ExportedFile> ExportAsync(string? query, string? format, int? perReport, string? reports, bool matrix, CancellationToken cancel = default) =>
        matrix ? Task.FromResult(MatrixFile(format)) : ComparisonAsync(query, format, perReport, reports, cancel);

    /// <param name="format">csv, xlsx, json or md; checked before any search runs.</param>
    public async Task<ExportedFile> ComparisonAsync(string? query, string? format, int? perReport = null, string? reports = null, CancellationToken cancel = default)
    {
        var parsed = ExportFormat.Parse(format);
        var result = await compare.CompareAsync(query, perReport, reports, cancel);
        return ComparisonExport.ToFile(result, parsed);
    }

    public ExportedFile MatrixFile(string? format)
    {
        var parsed = ExportFormat.Parse(format);
        return CategoryMatrixExport.ToFile(Matrix(), parsed);
    }

    /// <summary>Problem counts per district and category over every indexed report, categories in the taxonomy's order.</summary>
    public CategoryMatrix Matrix() => CategoryMatrix.From(
        store.ListReports().Select(r => store.GetReport(r.Id)).OfType<RectificationReport>(),
        Taxonomy.Default.Categories.Select(c => c.Id).ToList());
}
