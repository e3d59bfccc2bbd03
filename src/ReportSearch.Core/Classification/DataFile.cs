using System.Reflection;

namespace ReportSearch.Core.Classification;

/// <summary>Reads the tab-separated data files embedded from Data/ (see the csproj's LogicalName).</summary>
internal static class DataFile
{
    /// <summary>Rows after the header, each split on tabs; blank lines skipped.</summary>
    public static IReadOnlyList<string[]> ReadTsv(string relativePath, int columns)
    {
        var name = "ReportSearch.Data." + relativePath;
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded data file {name} is missing from the build");
        using var reader = new StreamReader(stream);
        var rows = new List<string[]>();
        reader.ReadLine();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0) continue;
            var cells = line.Split('\t');
            if (cells.Length != columns)
                throw new InvalidDataException($"{relativePath} line {lineNumber}: {cells.Length} columns, expected {columns}");
            rows.Add(cells);
        }
        return rows;
    }
}
