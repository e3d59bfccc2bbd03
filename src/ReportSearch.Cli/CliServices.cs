using ReportSearch.Core;
using ReportSearch.Core.Analysis;
using ReportSearch.Index;

namespace ReportSearch.Cli;

/// <summary>What index commands share: one analyser per process (it loads ICU and the data files) and the index named by --index or the default one.</summary>
public static class CliServices
{
    private static readonly Lazy<ChineseAnalyzer> SharedAnalyzer = new(() => new ChineseAnalyzer(CliSettings.All.Analysis));

    public static ITextAnalyzer Analyzer => SharedAnalyzer.Value;

    /// <summary>
    /// The index at --index, or index/reportsearch.db under the repository root. Only commands that write
    /// (<paramref name="create"/>: index, serve) make a new one; a read command on a missing path says how to make it,
    /// and a path that holds something else is the user's mistake, in one line.
    /// </summary>
    public static ReportIndex OpenIndex(CommandLine line, bool create = false)
    {
        var path = line.Option("index") ?? RepositoryRoot.DefaultIndexPath();
        if (!create && !File.Exists(path) && !Directory.Exists(path))
            throw new InputRejectedException($"there is no index at {path}; make one with: reportsearch index <folder of reports> --index {path}");
        try
        {
            var index = ReportIndex.Open(path, CliSettings.All, Analyzer);
            index.CatchUpAsync(TimeSpan.Zero).GetAwaiter().GetResult();
            return index;
        }
        catch (Exception e) when (e is not (InputRejectedException or OperationCanceledException) && (File.Exists(path) || Directory.Exists(path)))
        {
            throw new InputRejectedException($"{path} is not a ReportSearch index ({FirstLine(e.Message)}); give the path of one made by 'reportsearch index', or a new path to 'reportsearch index'");
        }
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim().TrimEnd('.');
}
