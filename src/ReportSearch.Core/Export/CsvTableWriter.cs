using System.Globalization;
using System.Text;
using CsvHelper;

namespace ReportSearch.Core.Export;

/// <summary>CSV in UTF-8 with a byte-order mark: without it Excel reads Chinese as the ANSI code page and shows mojibake.</summary>
public static class CsvTableWriter
{
    public static void Write(ExportTable table, Stream output)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (var header in table.Headers) csv.WriteField(header);
        csv.NextRecord();
        foreach (var row in table.Rows)
        {
            foreach (var cell in row) csv.WriteField(Format(cell));
            csv.NextRecord();
        }
    }

    private static string Format(object? cell) => cell switch
    {
        null => "",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };
}
