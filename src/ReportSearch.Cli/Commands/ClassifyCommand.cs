using System.Text.Json;
using ReportSearch.Core;
using ReportSearch.Core.Analysis;
using ReportSearch.Core.Classification;
using ReportSearch.Core.Model;
using ReportSearch.Core.Parsing;

namespace ReportSearch.Cli.Commands;

/// <summary>
/// <c>classify --eval [--index DB] [--seeds DIR] [--json]</c>: how well the category classifier does on the labelled seeds,
/// leave-one-report-out and k-fold, with and without the description prior. The text report ends with <c>macro-F1 X.XXX</c>
/// (leave-one-report-out, both directions pooled, with the prior).
/// --index names the index whose editors' corrections are to join the training data; reading them is not wired yet
/// (the index's correction store lands separately), so the report says that no corrections were used rather than pretending.
/// </summary>
public sealed class ClassifyCommand : ICommand
{
    private const string UsageLine = "reportsearch classify --eval [--index DB] [--seeds DIR] [--json]";

    public string Name => "classify";
    public string Usage => "--eval [--index DB] [--seeds DIR] [--json]   evaluate the category classifier on the labelled seeds";
    public IReadOnlySet<string> Flags => new HashSet<string> { "json", "eval" };

    public async Task<int> RunAsync(CommandLine line, CliContext context)
    {
        var eval = line.Flag("eval");
        var json = line.Flag("json");
        var index = line.Option("index");
        var seeds = line.Option("seeds");
        line.RejectUnknown(UsageLine);
        if (!eval) throw new InputRejectedException($"say what to do: {UsageLine}");

        seeds ??= DefaultSeeds()
            ?? throw new InputRejectedException("no --seeds given and no seeds/ folder with the labelled reports above the current folder; pass --seeds DIR");
        if (!Directory.Exists(seeds))
            throw new InputRejectedException($"seeds folder {seeds} does not exist; pass --seeds DIR with the labelled seed reports");

        var options = new ClassifierOptions();
        var features = new ProblemFeatures(new ChineseAnalyzer(), new FeatureOptions());
        var labels = LabelledSet.Seeds;
        var examples = new LabelledExamples(new ReportParser(CliSettings.Input()), features).FromFolder(seeds, labels);
        context.Cancellation.ThrowIfCancellationRequested();
        var results = new ClassifierEvaluation(CategoryPrior.Documents(Taxonomy.Default, features), options).Run(examples);

        var corrections = index is null
            ? "corrections: none (no --index given)"
            : $"corrections: none read from {index} (reading editors' corrections from the index is not wired yet)";
        if (json)
        {
            var document = new
            {
                labelledProblems = examples.Count,
                reports = examples.GroupBy(e => e.Report).ToDictionary(g => g.Key, g => g.Count()),
                corrections = 0,
                options,
                macroF1 = ClassifierEvaluation.Headline(results).MacroF1,
                results,
            };
            await context.Out.WriteLineAsync(JsonSerializer.Serialize(document, ReportJson.Options));
            return 0;
        }
        var perReport = string.Join(", ", examples.GroupBy(e => e.Report).Select(g => $"{g.Key}: {g.Count()}"));
        var header = string.Join(Environment.NewLine,
            "classifier: multinomial naive Bayes over the analysis chain's words and bigrams (statement, headings, measures),",
            "            each category's description and terms counted as a pseudo-example (the prior); threshold calibrated by internal CV",
            $"labelled problems: {examples.Count} ({perReport}); categories: {Taxonomy.Default.Categories.Count}; {corrections}");
        await context.Out.WriteLineAsync(EvaluationReport.Render(results, header));
        return 0;
    }

    // The repository's seeds/, looked for upwards from the current folder, then from the binary (dotnet run, tests).
    // When the index's RepositoryRoot is on main this becomes RepositoryRoot.Find() + "seeds".
    private static string? DefaultSeeds() =>
        new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory }
            .SelectMany(start => Ancestors(new DirectoryInfo(start)))
            .Select(dir => Path.Combine(dir.FullName, "seeds"))
            .FirstOrDefault(seeds => LabelledSet.Seeds.Reports.All(name => File.Exists(Path.Combine(seeds, name))));

    private static IEnumerable<DirectoryInfo> Ancestors(DirectoryInfo? dir)
    {
        for (; dir is not null; dir = dir.Parent) yield return dir;
    }
}
