namespace ReportSearch.Core.Classification;

/// <summary>A labelled problem ready for evaluation: which report it came from (for leave-one-report-out) and where.</summary>
public sealed record EvaluationExample(string Report, string Path, TrainingExample Example);

/// <summary>Precision, recall and F1 of one category over assigned category sets.</summary>
public sealed record CategoryFigures(string Category, int Support, int Assigned, int Correct, double Precision, double Recall, double F1);

/// <summary>How often problems whose primary category is <see cref="Expected"/> got <see cref="Predicted"/> as their top category.</summary>
public sealed record Confusion(string Expected, string Predicted, int Count);

/// <summary>
/// Figures of one evaluation run. Top-1 accuracy: the top prediction is the labelled primary category. Macro-F1 averages the
/// categories that occur in the test labels (a category nobody labelled cannot be recalled).
/// </summary>
public sealed record EvaluationResult(
    string Name,
    bool WithPrior,
    int Problems,
    double Top1Accuracy,
    double Top1InLabels,
    double MicroF1,
    double MacroF1,
    IReadOnlyList<CategoryFigures> PerCategory,
    IReadOnlyList<Confusion> WorstConfusions);

/// <summary>
/// Measures the classifier the way it will be used: trained on some reports, applied to another. Leave-one-report-out trains on
/// every report but one and tests on that one; k-fold cross-validation mixes problems of all reports. Both are run with and
/// without the description prior, to show what the prior adds over the labels alone.
/// </summary>
public sealed class ClassifierEvaluation(
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> priorDocuments,
    ClassifierOptions options)
{
    public const int Folds = 5;

    public IReadOnlyList<EvaluationResult> Run(IReadOnlyList<EvaluationExample> examples)
    {
        var results = new List<EvaluationResult>();
        foreach (var withPrior in new[] { true, false })
        {
            var runOptions = withPrior ? options : options with { PriorWeight = 0 };
            var reports = examples.Select(e => e.Report).Distinct().OrderBy(r => r, StringComparer.Ordinal).ToList();
            var pooled = new List<(IReadOnlyList<CategoryScore>, IReadOnlyList<string>, IReadOnlyList<string>)>();
            foreach (var held in reports)
            {
                var outcome = TrainAndTest(runOptions,
                    examples.Where(e => e.Report != held).ToList(),
                    examples.Where(e => e.Report == held).ToList());
                pooled.AddRange(outcome);
                var trainedOn = string.Join('+', reports.Where(r => r != held).Select(ShortName));
                results.Add(Figures($"leave-one-report-out: train {trainedOn} → test {ShortName(held)}", withPrior, outcome));
            }
            results.Add(Figures("leave-one-report-out: both directions pooled", withPrior, pooled));

            var folds = new List<(IReadOnlyList<CategoryScore>, IReadOnlyList<string>, IReadOnlyList<string>)>();
            for (var fold = 0; fold < Folds; fold++)
            {
                folds.AddRange(TrainAndTest(runOptions,
                    examples.Where((_, i) => i % Folds != fold).ToList(),
                    examples.Where((_, i) => i % Folds == fold).ToList()));
            }
            results.Add(Figures($"{Folds}-fold cross-validation over all labelled problems", withPrior, folds));
        }
        return results;
    }

    /// <summary>The figure the CLI ends with: leave-one-report-out, both directions pooled, with the prior.</summary>
    public static EvaluationResult Headline(IReadOnlyList<EvaluationResult> results) =>
        results.First(r => r.WithPrior && r.Name.Contains("pooled", StringComparison.Ordinal));

    private List<(IReadOnlyList<CategoryScore> Ranked, IReadOnlyList<string> Predicted, IReadOnlyList<string> Gold)> TrainAndTest(
        ClassifierOptions runOptions, IReadOnlyList<EvaluationExample> train, IReadOnlyList<EvaluationExample> test)
    {
        var model = CategoryClassifier.Train(priorDocuments, train.Select(e => e.Example).ToList(), runOptions);
        return test.Select(e =>
        {
            var ranked = model.Score(e.Example.Features);
            return (ranked, model.Predict(e.Example.Features), e.Example.Categories);
        }).ToList();
    }

    private EvaluationResult Figures(
        string name, bool withPrior,
        IReadOnlyList<(IReadOnlyList<CategoryScore> Ranked, IReadOnlyList<string> Predicted, IReadOnlyList<string> Gold)> outcome)
    {
        var categories = priorDocuments.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList();
        var perCategory = new List<CategoryFigures>();
        int totalTp = 0, totalFp = 0, totalFn = 0;
        foreach (var c in categories)
        {
            var support = outcome.Count(o => o.Gold.Contains(c));
            var assigned = outcome.Count(o => o.Predicted.Contains(c));
            var correct = outcome.Count(o => o.Gold.Contains(c) && o.Predicted.Contains(c));
            totalTp += correct; totalFp += assigned - correct; totalFn += support - correct;
            if (support == 0 && assigned == 0) continue;
            var precision = assigned == 0 ? 0 : (double)correct / assigned;
            var recall = support == 0 ? 0 : (double)correct / support;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perCategory.Add(new CategoryFigures(c, support, assigned, correct, precision, recall, f1));
        }
        var withSupport = perCategory.Where(f => f.Support > 0).ToList();
        var confusions = outcome
            .Where(o => o.Ranked[0].Category != o.Gold[0])
            .GroupBy(o => (Expected: o.Gold[0], Predicted: o.Ranked[0].Category))
            .Select(g => new Confusion(g.Key.Expected, g.Key.Predicted, g.Count()))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Expected, StringComparer.Ordinal).ThenBy(c => c.Predicted, StringComparer.Ordinal)
            .Take(5)
            .ToList();
        return new EvaluationResult(
            name, withPrior, outcome.Count,
            Top1Accuracy: outcome.Count(o => o.Ranked[0].Category == o.Gold[0]) / (double)outcome.Count,
            Top1InLabels: outcome.Count(o => o.Gold.Contains(o.Ranked[0].Category)) / (double)outcome.Count,
            MicroF1: totalTp == 0 ? 0 : 2.0 * totalTp / (2.0 * totalTp + totalFp + totalFn),
            MacroF1: withSupport.Count == 0 ? 0 : withSupport.Average(f => f.F1),
            perCategory, confusions);
    }

    private static string ShortName(string report) => report.Split('_')[0];
}
