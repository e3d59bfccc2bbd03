using ReportSearch.Core.Model;
using ReportSearch.Core.Parsing;
using ReportSearch.Core.Text;

namespace ReportSearch.Core.Tests;

/// <summary>The two seed reports from the repository's seeds/ folder, and a comparable shape of a parsed report.</summary>
public static class Seeds
{
    public const string Gaoling = "000_a859e88ebbc2d2c3.txt";
    public const string Gaoming = "002_63dd2cdd5dcf940c.txt";

    public static string Folder { get; } = FindFolder();

    public static string PathOf(string name) => Path.Combine(Folder, name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    public static string Text(string name) => File.ReadAllText(PathOf(name));

    public static RectificationReport Parse(string name) => new ReportParser().Parse(Bytes(name), name);

    /// <summary>What must not change between copies of one report: paths, statements and measure texts, normalised.</summary>
    public static List<string> Shape(RectificationReport report) =>
        report.Problems.SelectMany(p => p.Measures.Select(m => $"{p.Path} | {Squash(p.Statement)} | {m.Ordinal} | {Squash(m.Text)}")
                .DefaultIfEmpty($"{p.Path} | {Squash(p.Statement)} | (no measures)"))
            .ToList();

    /// <summary>Equal shapes, or a failure that shows the first line that differs in full.</summary>
    public static void AssertSameShape(RectificationReport expected, RectificationReport actual)
    {
        var (e, a) = (Shape(expected), Shape(actual));
        for (var i = 0; i < Math.Min(e.Count, a.Count); i++) Assert.Equal(e[i], a[i]);
        Assert.Equal(e.Count, a.Count);
    }

    private static string Squash(string text) => CharacterFolder.Fold(text).Replace(" ", "").Replace("\n", "");

    private static string FindFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var seeds = Path.Combine(dir.FullName, "seeds");
            if (File.Exists(Path.Combine(seeds, Gaoling))) return seeds;
        }
        throw new DirectoryNotFoundException("seeds/ not found above the test binaries");
    }
}
