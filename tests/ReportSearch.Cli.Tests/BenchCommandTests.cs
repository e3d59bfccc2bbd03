using System.Text.Json;
using ReportSearch.Cli;

namespace ReportSearch.Cli.Tests;

/// <summary>
/// `bench` end to end on a tiny corpus: the real corpus writer, parser, indexer, SQLite files and searches. Checks the
/// document's shape and that its figures are consistent with each other, never how fast anything was.
/// </summary>
public sealed class BenchCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "reportsearch-cli-tests", Guid.NewGuid().ToString("n"));

    public void Dispose()
    {
        try { Directory.Delete(_folder, true); } catch (IOException) { }
    }

    private static Task<CliRun> Run(params string[] args) => InProcessCli.Run(args);

    private static readonly string[] Fields =
    [
        "reports", "corpusMB", "parseMBps", "indexMBps", "indexSeconds", "indexBytesPerReport", "peakMemoryMB",
        "searchP50Ms", "searchP95Ms", "compareP50Ms", "compareP95Ms", "baselines",
    ];

    [Fact]
    public async Task Bench_json_is_one_document_with_every_field_and_consistent_figures()
    {
        var outFolder = Path.Combine(_folder, "out");
        var run = await Run("bench", "--reports", "6", "--json", "--out", outFolder);
        Assert.True(run.Code == 0, run.Err);

        using var doc = JsonDocument.Parse(run.Out); // throws on anything but exactly one JSON document
        var root = doc.RootElement;
        foreach (var field in Fields) Assert.True(root.TryGetProperty(field, out _), $"missing {field}");
        Assert.Equal(6, root.GetProperty("reports").GetInt32());
        foreach (var field in new[] { "corpusMB", "parseMBps", "indexMBps", "indexSeconds", "indexBytesPerReport", "peakMemoryMB", "searchP50Ms", "compareP50Ms" })
            Assert.True(root.GetProperty(field).GetDouble() > 0, $"{field} should be positive");
        Assert.True(root.GetProperty("searchP95Ms").GetDouble() >= root.GetProperty("searchP50Ms").GetDouble());
        AssertPercentilesOrdered(root, "compareP50Ms", "compareP95Ms");
        // Comparisons really ran over the index: the seeds' copies hold problems that match the relevance set's queries.
        Assert.True(root.GetProperty("search").GetProperty("compareMeanProblems").GetDouble() > 0);

        // Six copies of the two seeds: every one indexed, none failed, and the corpus is what was written.
        Assert.Equal(0, root.GetProperty("indexPhases").GetProperty("failed").GetInt32());
        Assert.True(root.GetProperty("counts").GetProperty("problems").GetInt64() >= 6 * 41);
        var corpusBytes = Directory.GetFiles(Path.Combine(outFolder, "corpus")).Sum(f => new FileInfo(f).Length);
        Assert.Equal(Math.Round(corpusBytes / 1048576.0, 3), root.GetProperty("corpusMB").GetDouble());
        Assert.True(root.GetProperty("search").GetProperty("samplesPerMethod").GetInt32() >= root.GetProperty("counts").GetProperty("queries").GetInt32());

        var byType = root.GetProperty("search").GetProperty("hybridByQueryType").EnumerateObject().ToList();
        Assert.Contains(byType, t => t.Name == "keyword"); // the relevance set's queries were read from the repository
        foreach (var t in byType) AssertPercentilesOrdered(t.Value, "p50Ms", "p95Ms");

        var baselines = root.GetProperty("baselines").EnumerateObject().ToList();
        Assert.Contains(baselines, b => b.Name == "like-scan");
        foreach (var b in baselines)
        {
            Assert.False(string.IsNullOrWhiteSpace(b.Value.GetProperty("what").GetString()));
            Assert.True(b.Value.TryGetProperty("searchP50Ms", out _) && b.Value.TryGetProperty("indexMBps", out _), b.Name);
            AssertPercentilesOrdered(b.Value, "searchP50Ms", "searchP95Ms");
        }
        // The plain-row baseline finds matches for the same queries (the scan really ran over the stored text).
        Assert.True(root.GetProperty("baselines").GetProperty("like-scan").GetProperty("meanMatches").GetDouble() > 0);
        // The engine's pass alone counts every document its query reaches; search without vectors keeps those holding a
        // query word above the floor, so it can never count more.
        var reached = root.GetProperty("baselines").GetProperty("lucene-pass").GetProperty("meanMatches").GetDouble();
        Assert.True(reached > 0);
        Assert.True(reached >= root.GetProperty("baselines").GetProperty("no-embeddings").GetProperty("meanMatches").GetDouble());

        Assert.Equal(run.Out.Trim(), File.ReadAllText(Path.Combine(outFolder, "benchmark.json")).Trim());
    }

    [Fact]
    public async Task Bench_without_json_prints_a_table_and_removes_its_temporary_files()
    {
        var temp = Path.Combine(Path.GetTempPath(), "reportsearch-bench");
        var before = Directory.Exists(temp) ? Directory.GetDirectories(temp).ToHashSet() : [];
        var run = await Run("bench", "--reports", "2");
        Assert.True(run.Code == 0, run.Err);
        Assert.Contains("search     p50", run.Out);
        Assert.Contains("like-scan", run.Out);
        var after = Directory.Exists(temp) ? Directory.GetDirectories(temp).ToHashSet() : [];
        Assert.Empty(after.Except(before));
    }

    [Theory]
    [InlineData("--reports", "0")]
    [InlineData("--reports", "many")]
    [InlineData("--rounds", "3")]
    public async Task Bad_options_exit_1_with_one_line_naming_the_fix(string option, string value)
    {
        var run = await Run("bench", option, value, "--json");
        Assert.Equal(1, run.Code);
        Assert.Equal("", run.Out);
        Assert.Single(run.Err.Trim().Split('\n'));
        Assert.Contains(option, run.Err);
    }

    [Fact]
    public async Task Out_folder_that_is_not_empty_is_refused_and_left_alone()
    {
        Directory.CreateDirectory(_folder);
        var mine = Path.Combine(_folder, "notes.txt");
        File.WriteAllText(mine, "keep me");
        var run = await Run("bench", "--reports", "2", "--out", _folder);
        Assert.Equal(1, run.Code);
        Assert.Contains("not an empty folder", run.Err);
        Assert.Equal(["notes.txt"], Directory.GetFileSystemEntries(_folder).Select(Path.GetFileName));
    }

    private static void AssertPercentilesOrdered(JsonElement e, string p50, string p95)
    {
        var a = e.GetProperty(p50).GetDouble();
        var b = e.GetProperty(p95).GetDouble();
        Assert.True(a > 0 && b >= a, $"{p50} {a} / {p95} {b}");
    }
}
