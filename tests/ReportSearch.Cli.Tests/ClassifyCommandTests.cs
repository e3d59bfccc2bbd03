using System.Text.Json;
using System.Text.RegularExpressions;
using ReportSearch.Cli;

namespace ReportSearch.Cli.Tests;

public sealed class ClassifyCommandTests
{
    private static Task<CliRun> Run(params string[] args) => InProcessCli.Run(args);

    [Fact]
    public async Task Eval_reports_both_evaluations_and_ends_with_the_macro_F1_line()
    {
        var (code, output, error) = await Run("classify", "--eval");
        Assert.True(code == 0, error);
        var lines = output.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Matches(new Regex(@"^macro-F1 \d\.\d{3}$"), lines[^1]);
        Assert.Contains(lines, l => l.StartsWith("== leave-one-report-out: train 002 → test 000 (with description prior)"));
        Assert.Contains(lines, l => l.StartsWith("== leave-one-report-out: train 000 → test 002 (without description prior)"));
        Assert.Contains(lines, l => l.StartsWith("== 5-fold cross-validation"));
        Assert.Contains(lines, l => l.Contains("labelled problems: 89"));
    }

    [Fact]
    public async Task Eval_as_json_is_one_document_with_the_headline_figure()
    {
        var (code, output, error) = await Run("classify", "--eval", "--json", "--index", Path.Combine(Path.GetTempPath(), "none.db"));
        Assert.True(code == 0, error);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(89, doc.RootElement.GetProperty("labelledProblems").GetInt32());
        var macro = doc.RootElement.GetProperty("macroF1").GetDouble();
        Assert.InRange(macro, 0.0, 1.0);
        Assert.Equal(8, doc.RootElement.GetProperty("results").GetArrayLength());
    }

    [Fact]
    public async Task Classify_without_eval_or_with_a_missing_seeds_folder_is_a_user_error()
    {
        var (code, _, error) = await Run("classify");
        Assert.Equal(1, code);
        Assert.Contains("--eval", error);

        (code, _, error) = await Run("classify", "--eval", "--seeds", Path.Combine(Path.GetTempPath(), "no-such-seeds-folder"));
        Assert.Equal(1, code);
        Assert.Contains("--seeds", error);
    }
}
