using System.Text;
using System.Text.Json;
using ReportSearch.Core.Comparison;
using ReportSearch.Core.Model;

namespace ReportSearch.Core.Export;

/// <summary>The exporters of a comparison, one per <see cref="ExportFormat"/>.</summary>
public static class ComparisonExport
{
    private static readonly IReadOnlyList<IDocumentExporter<CompareResult>> Exporters =
        [new ComparisonCsv(), new ComparisonXlsx(), new ComparisonJson(), new ComparisonMarkdown()];

    public static IDocumentExporter<CompareResult> For(ExportFormat format) => Exporters.Single(e => e.Format == format);

    /// <summary>The comparison as a file named after its query.</summary>
    public static ExportedFile ToFile(CompareResult result, ExportFormat format)
    {
        using var buffer = new MemoryStream();
        For(format).Write(result, buffer);
        return new ExportedFile(ExportedFile.NameFor("对比", result.Query, format), format.ContentType, buffer.ToArray());
    }
}

/// <summary>One row per measure (with its problem's columns): the shape a pivot table wants.</summary>
public sealed class ComparisonCsv : IDocumentExporter<CompareResult>
{
    public ExportFormat Format => ExportFormat.Csv;
    public void Write(CompareResult document, Stream output) => CsvTableWriter.Write(ComparisonTables.Measures(document), output);
}

/// <summary>Sheet 1 the matched problems, sheet 2 a row per measure, sheet 3 the alignment of measure types.</summary>
public sealed class ComparisonXlsx : IDocumentExporter<CompareResult>
{
    public ExportFormat Format => ExportFormat.Xlsx;
    public void Write(CompareResult document, Stream output) => XlsxTableWriter.Write(
        [ComparisonTables.Problems(document), ComparisonTables.Measures(document), ComparisonTables.Alignment(document)], output);
}

/// <summary>The compare document itself, as the API returns it.</summary>
public sealed class ComparisonJson : IDocumentExporter<CompareResult>
{
    public ExportFormat Format => ExportFormat.Json;
    public void Write(CompareResult document, Stream output) => JsonSerializer.Serialize(output, document, ReportJson.Options);
}
