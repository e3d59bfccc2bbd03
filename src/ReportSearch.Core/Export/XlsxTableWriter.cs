using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
// ReportSearch.Core.Text (the parser's namespace) would shadow the spreadsheet's Text element.
using CellText = DocumentFormat.OpenXml.Spreadsheet.Text;

namespace ReportSearch.Core.Export;

/// <summary>
/// Tables as sheets of one workbook: bold frozen header row with a filter, column widths from the content (CJK
/// characters count double), strings inline so Chinese goes in as written.
/// </summary>
public static class XlsxTableWriter
{
    private const double MinWidth = 6, MaxWidth = 60;
    private const uint HeaderStyle = 1, WrapStyle = 2;

    public static void Write(IReadOnlyList<ExportTable> tables, Stream output)
    {
        // OpenXml needs a seekable stream (HTTP response bodies are not): build in memory, then copy.
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var sheets = workbookPart.Workbook.AppendChild(new Sheets());
            uint sheetId = 1;
            foreach (var table in tables)
            {
                var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
                worksheetPart.Worksheet = Worksheet(table);
                sheets.Append(new Sheet
                {
                    Id = workbookPart.GetIdOfPart(worksheetPart), SheetId = sheetId++, Name = SheetName(table.Name),
                });
            }
            workbookPart.Workbook.Save();
        }
        buffer.Position = 0;
        buffer.CopyTo(output);
    }

    private static Worksheet Worksheet(ExportTable table)
    {
        var columnCount = table.Headers.Count;
        var data = new SheetData();
        data.Append(Row(1, table.Headers.Cast<object?>().ToList(), HeaderStyle));
        uint rowIndex = 2;
        foreach (var row in table.Rows) data.Append(Row(rowIndex++, row, WrapStyle));

        var columns = new Columns();
        for (var c = 0; c < columnCount; c++)
        {
            var widest = table.Rows.Select(r => c < r.Count ? DisplayWidth(r[c]) : 0)
                .Append(DisplayWidth(table.Headers[c])).Max();
            columns.Append(new Column
            {
                Min = (uint)(c + 1), Max = (uint)(c + 1), CustomWidth = true,
                Width = Math.Clamp(widest + 2, MinWidth, MaxWidth),
            });
        }

        var lastCell = $"{ColumnName(columnCount - 1)}{Math.Max(1, table.Rows.Count + 1)}";
        // Element order is fixed by the schema: sheetViews, cols, sheetData, autoFilter.
        return new Worksheet(
            new SheetViews(new SheetView(
                new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
            { WorkbookViewId = 0 }),
            columns,
            data,
            new AutoFilter { Reference = $"A1:{lastCell}" });
    }

    private static Row Row(uint index, IReadOnlyList<object?> cells, uint style)
    {
        var row = new Row { RowIndex = index };
        for (var c = 0; c < cells.Count; c++)
        {
            var reference = $"{ColumnName(c)}{index}";
            row.Append(cells[c] switch
            {
                null => new Cell { CellReference = reference, StyleIndex = style },
                int or long or double or decimal or float => new Cell
                {
                    CellReference = reference, StyleIndex = style, DataType = CellValues.Number,
                    CellValue = new CellValue(((IFormattable)cells[c]!).ToString(null, CultureInfo.InvariantCulture)),
                },
                var value => new Cell
                {
                    CellReference = reference, StyleIndex = style, DataType = CellValues.InlineString,
                    InlineString = new InlineString(new CellText(Clip(value.ToString() ?? "")) { Space = SpaceProcessingModeValues.Preserve }),
                },
            });
        }
        return row;
    }

    /// <summary>Excel refuses cells over 32,767 characters; a measure never gets there, but a pasted report might.</summary>
    private static string Clip(string text) => text.Length <= 32767 ? text : text[..32767];

    private static double DisplayWidth(object? cell)
    {
        var text = cell switch { null => "", IFormattable f => f.ToString(null, CultureInfo.InvariantCulture), _ => cell.ToString() ?? "" };
        double width = 0;
        foreach (var c in text) width += c >= 0x2E80 ? 2 : 1;
        return width;
    }

    private static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    /// <summary>Sheet names: at most 31 characters, none of []:*?/\.</summary>
    private static string SheetName(string name)
    {
        var cleaned = new string(name.Select(c => "[]:*?/\\".Contains(c) ? '_' : c).ToArray());
        return cleaned.Length <= 31 ? cleaned : cleaned[..31];
    }

    private static Stylesheet Stylesheet() => new(
        new Fonts(new Font(), new Font(new Bold())),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }),
                  new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
        new Borders(new Border()),
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = true }) { ApplyAlignment = true }));
}
