using System.Text.Json;
using System.Text.RegularExpressions;
using ReportSearch.Cli;

namespace ReportSearch.Cli.Tests;

public sealed class ClassifyCommandTests
{
    private static Task<CliRun> Run(params string[] args) => InProcessCli.Run(args);

    [Fact]
    public async Task Eval_reports_per_kind_figures_and_ends_with_the_macro_F1_line()
    {
        var (code, output, error) = await Run("classify", "--eval", "--trainer", "naive-bayes");
        Assert.True(code == 0, error);
        var lines = output.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Matches(new Regex(@"^macro-F1 \d\.\d{3}$"), lines[^1]);
        Assert.Contains(lines, l => l.StartsWith("== naive-bayes, leave-one-source-out, real"));
        Assert.Contains(lines, l => l.StartsWith("== naive-bayes, leave-one-source-out, seeds"));
        Assert.Contains(lines, l => l.Contains("most confused"));
        Assert.Contains(lines, l => l.Contains("labelled problems: 772"));
    }

    [Fact]
    public async Task Eval_as_json_counts_the_index_corrections_rather_than_a_constant()
    {
        var (code, output, error) = await Run("classify", "--eval", "--trainer", "naive-bayes", "--json");
        Assert.True(code == 0, error);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(772, doc.RootElement.GetProperty("labelledProblems").GetInt32());
        Assert.Equal(0, doc.RootElement.GetProperty("corrections").GetInt32());
        Assert.InRange(doc.RootElement.GetProperty("macroF1").GetDouble(), 0.0, 1.0);
        Assert.Equal(3, doc.RootElement.GetProperty("results").GetArrayLength());
    }

    [Fact]
    public async Task Curve_reports_each_share_of_the_real_sources_and_where_its_slope_leads()
    {
        var (code, output, error) = await Run("classify", "--eval", "--curve", "--draws", "1", "--trainer", "naive-bayes", "--json");
        Assert.True(code == 0, error);
        using var doc = JsonDocument.Parse(output);
        var curve = doc.RootElement.GetProperty("curves").EnumerateArray().Single();
        Assert.Equal("naive-bayes", curve.GetProperty("trainer").GetString());
        Assert.Equal("real", curve.GetProperty("kind").GetString());
        var points = curve.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal([0.25, 0.5, 0.75, 1.0], points.Select(p => p.GetProperty("share").GetDouble()).ToArray());
        var trained = points.Select(p => p.GetProperty("trainingProblems").GetDouble()).ToList();
        Assert.Equal(trained.Order().ToList(), trained);
        Assert.All(points, p => Assert.InRange(p.GetProperty("top1").GetDouble(), 0.3, 1.0));
        Assert.Equal(3, curve.GetProperty("projections").GetArrayLength());
        Assert.Equal(1, doc.RootElement.GetProperty("draws").GetInt32());
    }

    [Fact]
    public async Task Bad_arguments_are_user_errors()
    {
        var (code, _, error) = await Run("classify");
        Assert.Equal(1, code);
        Assert.Contains("--eval", error);

        (code, _, error) = await Run("classify", "--eval", "--seeds", Path.Combine(Path.GetTempPath(), "no-such-seeds-folder"));
        Assert.Equal(1, code);
        Assert.Contains("--seeds", error);

        (code, _, error) = await Run("classify", "--eval", "--trainer", "forest");
        Assert.Equal(1, code);
        Assert.Contains("naive-bayes", error);

        (code, _, error) = await Run("classify", "--eval", "--curve", "--draws", "0");
        Assert.Equal(1, code);
        Assert.Contains("--draws", error);

        // --draws shapes only the learning curve: without --curve it is named, not silently ignored.
        (code, _, error) = await Run("classify", "--eval", "--draws", "3");
        Assert.Equal(1, code);
        Assert.Contains("--draws", error);
    }
}
