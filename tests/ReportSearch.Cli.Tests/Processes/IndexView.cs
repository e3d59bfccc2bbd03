using System.Text.Json;

namespace ReportSearch.Cli.Tests.Processes;

/// <summary>One report as `reports --json` shows it.</summary>
internal sealed record ListedReport(string Id, string? SourceName, string Unit, int Problems, int Measures);

/// <summary>
/// An index as a reader sees it through the CLI (`reports --json`, `search --json`), never through its tables: the
/// engine underneath may change, these promises may not. Every test corpus is made of seed copies, so what each report
/// must hold is known from the seeds alone (<see cref="SeedBaseline"/>).
/// </summary>
internal sealed record IndexView(IReadOnlyList<ListedReport> Reports, IReadOnlyDictionary<string, int> HitsPerUnit)
{
    /// <summary>A query both seeds answer with several problems and measures.</summary>
    public const string ProbeQuery = "借调";

    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Opens the index with two read commands; either failing (exit ≠ 0) fails the test with its stderr.</summary>
    public static async Task<IndexView> ReadAsync(Sandbox sandbox, string indexPath)
    {
        var reports = await sandbox.Cli(ReadTimeout, "reports", "--index", indexPath, "--json");
        Assert.True(reports.Code == 0, $"reports --json exit {reports.Code}: {reports.Err}");
        var search = await sandbox.Cli(ReadTimeout, "search", ProbeQuery, "--index", indexPath, "--json", "--top", "1");
        Assert.True(search.Code == 0, $"search --json exit {search.Code}: {search.Err}");

        using var list = JsonDocument.Parse(reports.Out);
        var listed = list.RootElement.GetProperty("reports").EnumerateArray().Select(r => new ListedReport(
            r.GetProperty("id").GetString()!, r.GetProperty("sourceName").GetString(),
            r.GetProperty("unit").GetProperty("name").GetString()!,
            r.GetProperty("problemCount").GetInt32(), r.GetProperty("measureCount").GetInt32())).ToList();
        Assert.Equal(list.RootElement.GetProperty("total").GetInt32(), listed.Count);

        using var hits = JsonDocument.Parse(search.Out);
        var units = hits.RootElement.GetProperty("facets").GetProperty("unit").EnumerateObject().ToDictionary(u => u.Name, u => u.Value.GetInt32());
        return new IndexView(listed, units);
    }

    /// <summary>
    /// The index agrees with itself: no report twice (by id or by source), every report holds exactly what its seed
    /// holds (a torn write would show fewer problems or measures), and search sees each report's problems exactly once.
    /// </summary>
    public void AssertAgrees(SeedBaseline seeds)
    {
        Assert.Equal(Reports.Count, Reports.Select(r => r.Id).Distinct().Count());
        Assert.Equal(Reports.Count, Reports.Select(r => r.SourceName).Distinct().Count());
        foreach (var report in Reports)
            Assert.True(seeds.PerUnit[report.Unit] == (report.Problems, report.Measures),
                $"{report.SourceName} holds {report.Problems} problems / {report.Measures} measures, its seed {seeds.PerUnit[report.Unit]}");
        foreach (var (unit, perReport) in seeds.HitsPerUnit)
        {
            var expected = Reports.Count(r => r.Unit == unit) * perReport;
            Assert.True(HitsPerUnit.GetValueOrDefault(unit) == expected,
                $"search '{ProbeQuery}' finds {HitsPerUnit.GetValueOrDefault(unit)} hits in {unit}, {Reports.Count(r => r.Unit == unit)} reports of it hold {expected}");
        }
    }
}

/// <summary>What one copy of each seed holds, read once per test run from an index of the seeds alone.</summary>
internal sealed record SeedBaseline(IReadOnlyDictionary<string, (int Problems, int Measures)> PerUnit, IReadOnlyDictionary<string, int> HitsPerUnit)
{
    private static readonly Lazy<Task<SeedBaseline>> Shared = new(ReadAsync);

    public static Task<SeedBaseline> Get() => Shared.Value;

    private static async Task<SeedBaseline> ReadAsync()
    {
        using var sandbox = new Sandbox();
        var run = await sandbox.Cli(TimeSpan.FromSeconds(120), "index", sandbox.Seeds, "--index", sandbox.IndexPath);
        Assert.True(run.Code == 0, run.Err);
        var view = await IndexView.ReadAsync(sandbox, sandbox.IndexPath);
        Assert.Equal(view.Reports.Count, view.Reports.Select(r => r.Unit).Distinct().Count()); // one seed per unit
        return new SeedBaseline(view.Reports.ToDictionary(r => r.Unit, r => (r.Problems, r.Measures)), view.HitsPerUnit);
    }
}
