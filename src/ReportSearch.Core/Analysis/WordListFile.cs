using System.Reflection;

namespace ReportSearch.Core.Analysis;

/// <summary>Reads the analysis data files: the embedded defaults and a deployment's extra files, one entry per line, '#' comments.</summary>
internal static class WordListFile
{
    public static IEnumerable<string> Embedded(string fileName)
    {
        var name = "ReportSearch.Data.analysis/" + fileName;
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing from ReportSearch.Core.");
        using var reader = new StreamReader(stream);
        return Lines(reader).ToList();
    }

    /// <summary>Lines of a deployment's file; a missing path is the operator's mistake, named with the option to fix.</summary>
    public static IEnumerable<string> Extra(string? path, string optionName)
    {
        if (string.IsNullOrWhiteSpace(path)) return [];
        if (!File.Exists(path))
            throw new InputRejectedException($"Analysis:{optionName} points to '{path}', which does not exist; fix the path or remove the setting.");
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        return Lines(reader).ToList();
    }

    private static IEnumerable<string> Lines(TextReader reader)
    {
        while (reader.ReadLine() is { } line)
        {
            var hash = line.IndexOf('#');
            // '#' alone on a line is a stop word (punctuation), not a comment.
            var content = (hash > 0 ? line[..hash] : hash == 0 && line.Trim() != "#" ? "" : line).Trim();
            if (content.Length > 0) yield return content;
        }
    }
}
