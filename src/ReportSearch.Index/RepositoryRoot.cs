using ReportSearch.Core;

namespace ReportSearch.Index;

/// <summary>
/// The folder holding ReportSearch.sln: where the default index (index/reportsearch.db) and seeds/ live. Looked for
/// upwards from the current directory first (a checkout being worked in), then from the running assembly (dotnet run, tests).
/// </summary>
public static class RepositoryRoot
{
    public const string SolutionFile = "ReportSearch.sln";

    public static string? Find() => FindFrom(Directory.GetCurrentDirectory()) ?? FindFrom(AppContext.BaseDirectory);

    public static string? FindFrom(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, SolutionFile))) return dir.FullName;
        return null;
    }

    /// <summary>index/reportsearch.db under the repository root, per CONTRACT.md.</summary>
    public static string DefaultIndexPath() =>
        Find() is { } root
            ? System.IO.Path.Combine(root, "index", "reportsearch.db")
            : throw new InputRejectedException($"no --index given and no {SolutionFile} found above the current folder; pass --index PATH/TO/reportsearch.db");
}
