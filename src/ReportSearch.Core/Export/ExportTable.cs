namespace ReportSearch.Core.Export;

/// <summary>
/// A rectangular table (a sheet of the XLSX, the rows of the CSV). Cells are strings, numbers or null; numbers stay
/// numbers so spreadsheets can sum them.
/// </summary>
public sealed record ExportTable(string Name, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows);

/// <summary>Writes one kind of document in one format.</summary>
public interface IDocumentExporter<in T>
{
    ExportFormat Format { get; }
    void Write(T document, Stream output);
}
