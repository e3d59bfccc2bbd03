using System.Diagnostics;
using System.Text.Json;
using ReportSearch.Index;

namespace ReportSearch.Api.Tests;

/// <summary>
/// Runs each notebook of notebooks/ as its README says: Debian's /usr/bin/python3 (pandas, matplotlib, nbconvert from apt,
/// not a pyenv python on PATH) executing every cell headless from the repository root against the app on loopback, with a
/// kernel timeout. A failing cell fails the test with its error; each notebook must show a chart inline.
/// </summary>
public sealed class NotebookTests(SeededApp app) : IClassFixture<SeededApp>
{
    private const string Python = "/usr/bin/python3";
    private static readonly string Root = RepositoryRoot.FindFrom(AppContext.BaseDirectory) ?? throw new InvalidOperationException("tests run below the repository");
    private static readonly TimeSpan CellTimeout = TimeSpan.FromMinutes(3), RunTimeout = TimeSpan.FromMinutes(8);

    [Theory]
    [InlineData("matrix")]
    [InlineData("comparison")]
    public async Task Categories_by_district_plots_an_export(string input)
    {
        // The exports an analyst would load: the category matrix, or a comparison workbook.
        var file = input == "matrix" ? app.Index.Export.MatrixFile("csv") : await app.Index.Export.ComparisonAsync("干部借调", "xlsx");
        var export = Path.Combine(app.Folder, file.FileName);
        await File.WriteAllBytesAsync(export, file.Content);
        var figure = Path.Combine(app.Folder, $"figure-{input}.png");
        var executed = await Execute("categories_by_district.ipynb", new() { ["REPORTSEARCH_EXPORT"] = export, ["REPORTSEARCH_FIGURE"] = figure });

        Assert.True(new FileInfo(figure).Length > 10_000, "the figure was not saved");
        Assert.Contains("高陵区", executed);
        Assert.Contains("高明区", executed);
    }

    [Fact]
    public async Task Categories_by_district_runs_with_the_readme_paths_relative_to_the_repository_root()
    {
        // The README: export to notebooks/out/, then run nbconvert from the root with that relative path.
        var name = $"categories_by_district-{Guid.NewGuid():n}";
        var export = Path.Combine("notebooks", "out", name + ".csv");
        var figure = Path.Combine("notebooks", "out", name + ".png");
        Directory.CreateDirectory(Path.Combine(Root, "notebooks", "out"));
        await File.WriteAllBytesAsync(Path.Combine(Root, export), app.Index.Export.MatrixFile("csv").Content);
        try
        {
            var executed = await Execute("categories_by_district.ipynb", new() { ["REPORTSEARCH_EXPORT"] = export, ["REPORTSEARCH_FIGURE"] = figure });
            Assert.True(new FileInfo(Path.Combine(Root, figure)).Length > 10_000, "the figure was not saved beside the export");
            Assert.Contains("legend: ", executed);
        }
        finally
        {
            File.Delete(Path.Combine(Root, export));
            File.Delete(Path.Combine(Root, figure));
        }
    }

    [Fact]
    public async Task Api_comparison_builds_its_table_from_the_running_service()
    {
        var table = Path.Combine(app.Folder, "comparison-table.csv");
        var executed = await Execute("api_comparison.ipynb", new() { ["REPORTSEARCH_TABLE"] = table });

        var lines = await File.ReadAllLinesAsync(table);
        Assert.StartsWith("query,rank,unit", lines[0].TrimStart('\uFEFF'));
        Assert.Contains(lines, l => l.StartsWith("干部借调,") && l.Contains("高陵区"));
        Assert.Contains(lines, l => l.StartsWith("干部借调,") && l.Contains("高明区"));
        Assert.Contains(lines, l => l.StartsWith("大棚房,") && l.Contains("高陵区"));
        Assert.DoesNotContain(lines, l => l.StartsWith("大棚房,") && l.Contains("高明区"));
        Assert.Contains("混编混岗", executed);
    }

    /// <summary>Executes a notebook into the temp folder; returns the executed notebook's JSON.</summary>
    private async Task<string> Execute(string notebook, Dictionary<string, string> environment)
    {
        Assert.True(File.Exists(Python), $"{Python} is missing: scripts/test.sh installs python3 with pandas, matplotlib and nbconvert");
        var output = Directory.CreateDirectory(Path.Combine(app.Folder, "executed", Guid.NewGuid().ToString("n"))).FullName;
        var start = new ProcessStartInfo(Python)
        {
            ArgumentList = { "-m", "nbconvert", "--to", "notebook", "--execute", $"--ExecutePreprocessor.timeout={(int)CellTimeout.TotalSeconds}",
                             "--output-dir", output, Path.Combine("notebooks", notebook) },
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["REPORTSEARCH_URL"] = app.Http.BaseAddress!.ToString().TrimEnd('/');
        start.Environment["PYDEVD_DISABLE_FILE_VALIDATION"] = "1";
        // No MPLBACKEND: the kernel's own inline backend is what puts the charts into the notebook.
        start.Environment.Remove("MPLBACKEND");
        foreach (var (key, value) in environment) start.Environment[key] = value;

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(RunTimeout);
        try { await process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{notebook} did not finish within {RunTimeout}");
        }
        Assert.True(process.ExitCode == 0, $"{notebook} failed (exit {process.ExitCode}):\n{Tail(await stderr)}\n{Tail(await stdout)}");

        var executed = await File.ReadAllTextAsync(Path.Combine(output, notebook));
        using var json = JsonDocument.Parse(executed);
        var errors = json.RootElement.GetProperty("cells").EnumerateArray()
            .Where(c => c.TryGetProperty("outputs", out _))
            .SelectMany(c => c.GetProperty("outputs").EnumerateArray())
            .Where(o => o.GetProperty("output_type").GetString() == "error").ToList();
        Assert.Empty(errors);
        var charts = json.RootElement.GetProperty("cells").EnumerateArray()
            .Where(c => c.TryGetProperty("outputs", out _))
            .SelectMany(c => c.GetProperty("outputs").EnumerateArray())
            .Count(o => o.TryGetProperty("data", out var data) && data.TryGetProperty("image/png", out _));
        Assert.True(charts >= 1, $"{notebook} shows no chart inline");
        return executed;
    }

    private static string Tail(string text) => text.Length <= 4000 ? text : text[^4000..];
}
