namespace ReportSearch.Core.Classification;

/// <summary>
/// A labelled problem ready for evaluation: the source it came from (a seed report file or a real set's page), the kind of
/// source (seeds, real), and where in it.
/// </summary>
public sealed record EvaluationExample(string Source, string Kind, string Path, TrainingExample Example);

/// <summary>Precision, recall and F1 of one category over assigned category sets.</summary>
public sealed record CategoryFigures(string Category, int Support, int Assigned, int Correct, double Precision, double Recall, double F1);

/// <summary>How often problems whose primary category is <see cref="Expected"/> got <see cref="Predicted"/> as their top category.</summary>
public sealed record Confusion(string Expected, string Predicted, int Count);

/// <summary>A problem whose labelled primary category was not the top prediction: what a labeller checks first.</summary>
public sealed record Miss(string Path, IReadOnlyList<string> Labelled, IReadOnlyList<string> TopTwo);

/// <summary>
/// Figures of one trainer on one kind of source, every problem scored by a model that never saw its source.
/// Top-1: the top category is the labelled primary one; top-2: the labelled primary is among the top two. Macro-F1 averages,
/// over the categories labelled in this kind, the F1 of the assigned category sets; labels per problem is how many it assigns.
/// </summary>
public sealed record EvaluationResult(
    string Trainer,
    string Kind,
    int Problems,
    double Top1,
    double Top2,
    double MicroF1,
    double MacroF1,
    double LabelsPerProblem,
    IReadOnlyList<CategoryFigures> PerCategory,
    IReadOnlyList<Confusion> WorstConfusions,
    IReadOnlyList<Miss> Misses);

/// <summary>
/// Measures each trainer the way the index uses it, on text from a source it has not seen: leave-one-source-out over the
/// seeds and the real set together (every seed report and every real page is held out once while the model trains on all
/// the others), then figures per kind of source.
/// </summary>
public sealed class ClassifierEvaluation(
    CategoryPrior prior,
    ClassifierOptions options)
{
    public const string AllKinds = "all";

    public IReadOnlyList<EvaluationResult> Run(IReadOnlyList<EvaluationExample> examples, IReadOnlyList<TrainerKind> trainers, CancellationToken cancel = default)
    {
        var results = new List<EvaluationResult>();
        var kinds = examples.Select(e => e.Kind).Distinct().OrderBy(k => k, StringComparer.Ordinal).Append(AllKinds).ToList();
        foreach (var trainer in trainers)
        {
            var outcome = Outcomes(examples, trainer, held => examples.Where(e => e.Source != held), cancel);
            foreach (var kind in kinds)
                results.Add(Figures(Name(trainer), kind, outcome.Where(o => kind == AllKinds || o.Example.Kind == kind).ToList()));
        }
        return results;
    }

    /// <summary>
    /// How the figures on one kind of source grow with that kind's training data: leave-one-source-out as in <see cref="Run"/>,
    /// but each held-out source's model trains on only a share of the kind's other sources (drawn afresh per source and draw;
    /// the other kinds train in full). Whether more labelled sources would reach a target is read from its slope.
    /// </summary>
    public LearningCurve Curve(
        IReadOnlyList<EvaluationExample> examples, TrainerKind trainer, string kind,
        IReadOnlyList<double> shares, int draws, CancellationToken cancel = default)
    {
        var ofKind = examples.Where(e => e.Kind == kind).Select(e => e.Source).Distinct().OrderBy(s => s, StringComparer.Ordinal).ToList();
        var points = new List<CurvePoint>();
        foreach (var share in shares)
        {
            var figures = new List<(EvaluationResult Result, double Trained)>();
            for (var draw = 0; draw < (share >= 1 ? 1 : draws); draw++)
            {
                var trained = new double[ofKind.Count];
                IEnumerable<EvaluationExample> Training(string held)
                {
                    var at = ofKind.IndexOf(held);
                    // Seeded by the draw and the held-out source (not HashCode, which is seeded per process), so a run repeats exactly.
                    var random = new Random(draw * 100_003 + at);
                    var others = ofKind.Where(s => s != held).ToList();
                    var kept = others.OrderBy(_ => random.Next()).Take((int)Math.Round(share * others.Count)).ToHashSet(StringComparer.Ordinal);
                    var training = examples.Where(e => e.Source != held && (e.Kind != kind || kept.Contains(e.Source))).ToList();
                    if (at >= 0) trained[at] = training.Count(e => e.Kind == kind);
                    return training;
                }
                var outcome = Outcomes(examples, trainer, Training, cancel).Where(o => o.Example.Kind == kind).ToList();
                figures.Add((Figures(Name(trainer), kind, outcome), trained.Average()));
            }
            points.Add(new CurvePoint(share, figures.Average(f => f.Trained),
                figures.Average(f => f.Result.Top1), figures.Average(f => f.Result.Top2), figures.Average(f => f.Result.MacroF1)));
        }
        return new LearningCurve(Name(trainer), kind, points);
    }

    private (IReadOnlyList<CategoryScore> Ranked, IReadOnlyList<string> Predicted, EvaluationExample Example)[] Outcomes(
        IReadOnlyList<EvaluationExample> examples, TrainerKind trainer,
        Func<string, IEnumerable<EvaluationExample>> trainingFor, CancellationToken cancel)
    {
        var sources = examples.Select(e => e.Source).Distinct().OrderBy(s => s, StringComparer.Ordinal).ToList();
        var outcome = new (IReadOnlyList<CategoryScore> Ranked, IReadOnlyList<string> Predicted, EvaluationExample Example)[examples.Count];
        // Folds are independent; two at a time is what this two-core machine can spare.
        Parallel.ForEach(sources, new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = cancel }, held =>
        {
            var model = CategoryTrainer.Fit(prior, trainingFor(held).Select(e => e.Example).ToList(), trainer, options).Model;
            for (var i = 0; i < examples.Count; i++)
            {
                if (examples[i].Source != held) continue;
                var ranked = model.Score(examples[i].Example.Features);
                outcome[i] = (ranked, model.Select(ranked), examples[i]);
            }
        });
        return outcome;
    }

    public static string Name(TrainerKind trainer) => trainer switch
    {
        TrainerKind.NaiveBayes => "naive-bayes",
        TrainerKind.Lbfgs => "lbfgs",
        TrainerKind.Sdca => "sdca",
        _ => throw new ArgumentOutOfRangeException(nameof(trainer)),
    };

    /// <summary>The figure the CLI ends with: the configured trainer's macro-F1 on the real set, out of sample.</summary>
    public static EvaluationResult Headline(IReadOnlyList<EvaluationResult> results, TrainerKind trainer) =>
        results.FirstOrDefault(r => r.Trainer == Name(trainer) && r.Kind == RealLabelledSet.Kind)
        ?? results.First(r => r.Kind == RealLabelledSet.Kind);

    private EvaluationResult Figures(
        string trainer, string kind,
        IReadOnlyList<(IReadOnlyList<CategoryScore> Ranked, IReadOnlyList<string> Predicted, EvaluationExample Example)> outcome)
    {
        var categories = prior.Categories.OrderBy(k => k, StringComparer.Ordinal).ToList();
        var perCategory = new List<CategoryFigures>();
        int totalTp = 0, totalFp = 0, totalFn = 0;
        foreach (var c in categories)
        {
            var support = outcome.Count(o => o.Example.Example.Categories.Contains(c));
            var assigned = outcome.Count(o => o.Predicted.Contains(c));
            var correct = outcome.Count(o => o.Example.Example.Categories.Contains(c) && o.Predicted.Contains(c));
            totalTp += correct; totalFp += assigned - correct; totalFn += support - correct;
            if (support == 0 && assigned == 0) continue;
            var precision = assigned == 0 ? 0 : (double)correct / assigned;
            var recall = support == 0 ? 0 : (double)correct / support;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perCategory.Add(new CategoryFigures(c, support, assigned, correct, precision, recall, f1));
        }
        var withSupport = perCategory.Where(f => f.Support > 0).ToList();
        var confusions = outcome
            .Where(o => o.Ranked[0].Category != o.Example.Example.Categories[0])
            .GroupBy(o => (Expected: o.Example.Example.Categories[0], Predicted: o.Ranked[0].Category))
            .Select(g => new Confusion(g.Key.Expected, g.Key.Predicted, g.Count()))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Expected, StringComparer.Ordinal).ThenBy(c => c.Predicted, StringComparer.Ordinal)
            .Take(5)
            .ToList();
        double Share(Func<(IReadOnlyList<CategoryScore> Ranked, IReadOnlyList<string> Predicted, EvaluationExample Example), bool> hit) =>
            outcome.Count == 0 ? 0 : outcome.Count(hit) / (double)outcome.Count;
        return new EvaluationResult(
            trainer, kind, outcome.Count,
            Top1: Share(o => o.Ranked[0].Category == o.Example.Example.Categories[0]),
            Top2: Share(o => o.Ranked.Take(2).Any(s => s.Category == o.Example.Example.Categories[0])),
            MicroF1: totalTp == 0 ? 0 : 2.0 * totalTp / (2.0 * totalTp + totalFp + totalFn),
            MacroF1: withSupport.Count == 0 ? 0 : withSupport.Average(f => f.F1),
            LabelsPerProblem: outcome.Count == 0 ? 0 : outcome.Average(o => o.Predicted.Count),
            perCategory, confusions,
            outcome.Where(o => o.Ranked[0].Category != o.Example.Example.Categories[0])
                .Select(o => new Miss(o.Example.Path, o.Example.Example.Categories, o.Ranked.Take(2).Select(s => s.Category).ToList()))
                .ToList());
    }
}
