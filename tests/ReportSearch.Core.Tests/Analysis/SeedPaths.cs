using ReportSearch.Core.Analysis;
namespace ReportSearch.Core.Tests.Analysis;

/// <summary>Finds the repository's seeds/ folder from the test's output directory.</summary>
internal static class SeedPaths
{
    public static string Folder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var seeds = Path.Combine(dir.FullName, "seeds");
                if (Directory.Exists(seeds) && File.Exists(Path.Combine(dir.FullName, "ReportSearch.sln"))) return seeds;
            }
            throw new DirectoryNotFoundException("seeds/ not found above " + AppContext.BaseDirectory);
        }
    }

    public static string Read(string prefix) =>
        File.ReadAllText(Directory.GetFiles(Folder, prefix + "_*.txt").Single());
}

/// <summary>One analyzer for all tests: it is built to be shared, and building loads ICU and the data once.</summary>
public sealed class AnalyzerFixture
{
    public ChineseAnalyzer Analyzer { get; } = new();
}
