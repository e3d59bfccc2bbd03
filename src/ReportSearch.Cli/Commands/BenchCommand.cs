using System.Globalization;
using System.Text;
using System.Text.Json;
using ReportSearch.Cli.Bench;
using ReportSearch.Core;
using ReportSearch.Core.Model;
using ReportSearch.Core.Parsing;
using ReportSearch.Index;

namespace ReportSearch.Cli.Commands;

/// <summary>
/// `bench [--reports N] [--json] [--out DIR]`: the Benchmark document of CONTRACT.md, measured on a synthetic corpus grown
/// from seeds/. Without --out everything is written to a temporary folder and removed; with it the corpus, both databases
/// and benchmark.json stay in DIR.
/// </summary>
public sealed class BenchCommand : ICommand
{
    public string Name => "bench";
    public string Usage => "[--reports N] [--json] [--out DIR]   time parsing, indexing and search on N synthetic reports, with baselines";

    public async Task<int> RunAsync(CommandLine line, CliContext context)
    {
        var options = CliSettings.Bench();
        var json = line.Flag("json");
        options.Reports = line.IntOption("reports", options.Reports, 1, 100_000);
        var outFolder = line.Option("out");
        line.RejectUnknown($"reportsearch {Name} [--reports N] [--json] [--out DIR]");

        var root = RepositoryRoot.Find()
            ?? throw new InputRejectedException($"bench grows its corpus from seeds/ of the repository, and no {RepositoryRoot.SolutionFile} was found above the current folder; run it from the checkout");
        var work = WorkFolder(outFolder);
        try
        {
            var document = await ProgressDisplay.PhasesAsync(context, Name, log =>
                new Benchmark(options, CliServices.Analyzer, CliSettings.All, log).RunAsync(root, work, context.Cancellation));
            var text = JsonSerializer.Serialize(document, ReportJson.Options);
            if (outFolder is not null) await File.WriteAllTextAsync(Path.Combine(work, "benchmark.json"), text, context.Cancellation);
            await context.Out.WriteLineAsync(json ? text : Table(document));
            return 0;
        }
        finally
        {
            if (outFolder is null) TryDelete(work);
        }
    }

    /// <summary>--out must be new or empty: the bench indexes into a fresh file and never overwrites what it did not write.</summary>
    private static string WorkFolder(string? outFolder)
    {
        if (outFolder is null)
            return Path.Combine(Path.GetTempPath(), "reportsearch-bench", Guid.NewGuid().ToString("n"));
        var full = Path.GetFullPath(outFolder);
        if (File.Exists(full) || (Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any()))
            throw new InputRejectedException($"--out {outFolder} is not an empty folder; give a new or empty folder for the corpus, the indexes and benchmark.json");
        Directory.CreateDirectory(full);
        return full;
    }

    private static void TryDelete(string folder)
    {
        try { if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true); }
        catch (IOException) { } // a temp folder left behind is harmless; the figures matter more than the cleanup
    }

    private static string Table(BenchmarkDocument d)
    {
        static string F(double? v) => v is { } x ? x.ToString("0.##", CultureInfo.InvariantCulture) : "-";
        var sb = new StringBuilder();
        sb.AppendLine($"{d.Reports} reports, {F(d.CorpusMB)} MB ({d.Counts.Problems} problems, {d.Counts.Measures} measures); " +
                      $"{d.Machine.Cores} cores (load {F(d.Machine.LoadAverageStart)} → {F(d.Machine.LoadAverageEnd)}), {d.Machine.Runtime}, SQLite {d.Machine.Sqlite}");
        sb.AppendLine($"parse      {F(d.ParseMBps),10} MB/s   (median of {d.ParseRuns.Length})");
        sb.AppendLine($"index      {F(d.IndexMBps),10} MB/s   {F(d.IndexSeconds)} s ({F(d.IndexPhases.FilesSeconds)} s files, {F(d.IndexPhases.EmbeddingSeconds)} s embeddings), " +
                      $"{F(d.IndexBytesPerReport)} bytes/report, peak {F(d.PeakMemoryMB)} MB working set");
        sb.AppendLine($"search     p50 {F(d.SearchP50Ms),6} ms   p95 {F(d.SearchP95Ms),6} ms   ({d.Search.SamplesPerMethod} runs of {d.Counts.Queries} queries, top {d.Search.Top})");
        sb.AppendLine("           by query type: " + string.Join(", ", d.Search.HybridByQueryType.Select(t => $"{t.Key} p50 {F(t.Value.P50Ms)} / p95 {F(t.Value.P95Ms)} ms")));
        sb.AppendLine($"compare    p50 {F(d.CompareP50Ms),6} ms   p95 {F(d.CompareP95Ms),6} ms   ({F(d.Search.CompareMeanProblems)} problems shown per query)");
        sb.AppendLine();
        sb.AppendLine($"{"baseline",-14} {"search p50",10} {"p95",8} {"× hybrid",9} {"index MB/s",11} {"× index",8} {"matches",8}");
        foreach (var (name, b) in d.Baselines)
            sb.AppendLine($"{name,-14} {F(b.SearchP50Ms),10} {F(b.SearchP95Ms),8} {F(b.SearchP50Ratio),9} {F(b.IndexMBps),11} {F(b.IndexMBpsRatio),8} {F(b.MeanMatches),8}");
        sb.AppendLine();
        foreach (var dir in d.Directories)
            sb.AppendLine($"{dir.Directory + " directory",-16} {dir.Clients} clients: p50 {F(dir.P50Ms)} ms, p95 {F(dir.P95Ms)} ms, {F(dir.SearchesPerSecond)} searches/s");
        foreach (var n in d.Notes) sb.AppendLine($"note: {n}");
        return sb.ToString().TrimEnd();
    }
}
