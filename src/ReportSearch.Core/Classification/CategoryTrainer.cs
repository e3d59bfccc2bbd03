using ReportSearch.Core.Model;

namespace ReportSearch.Core.Classification;

/// <summary>An editor's categories for one problem (primary first); it overrides the model and any seed label for that problem.</summary>
public sealed record CategoryCorrection(Problem Problem, IReadOnlyList<string> Categories);

/// <summary>A trained model and what its next training can warm-start from (the ML.NET L-BFGS model), when there is one.</summary>
public sealed record TrainedCategories(ICategoryModel Model, byte[]? WarmStart);

/// <summary>
/// Builds the model the index applies: the labelled seeds, the real labelled set and the editors' corrections, with the
/// taxonomy's descriptions and terms as the prior, by the trainer the options name.
/// A correction of a labelled problem replaces its label rather than adding a second, contradicting example.
/// </summary>
public sealed class CategoryTrainer(ProblemFeatures features, ClassifierOptions options)
{
    public TrainedCategories Train(IReadOnlyList<TrainingExample> examples, byte[]? warmStart = null) =>
        Fit(CategoryPrior.Of(Taxonomy.Default, features), examples, options.Trainer, options, warmStart);

    /// <summary>Trains one model of <paramref name="kind"/>; the evaluation calls it per trainer and fold.</summary>
    public static TrainedCategories Fit(
        CategoryPrior prior,
        IReadOnlyList<TrainingExample> examples,
        TrainerKind kind,
        ClassifierOptions options,
        byte[]? warmStart = null)
    {
        if (kind == TrainerKind.NaiveBayes) return new(CategoryClassifier.Train(prior, examples, options), null);
        var trained = new MaxEntTrainer(options).Train(prior, examples, kind, warmStart);
        return new(trained.Model, trained.WarmStart);
    }

    /// <param name="labelledReports">The labelled seed reports as parsed (or as stored in the index), by source file name.</param>
    public IReadOnlyList<TrainingExample> Examples(
        IReadOnlyDictionary<string, RectificationReport> labelledReports,
        LabelledSet labels,
        RealLabelledSet real,
        IReadOnlyList<CategoryCorrection> corrections)
    {
        var corrected = corrections.Select(c => c.Problem.Id).ToHashSet(StringComparer.Ordinal);
        return labels.Join(labelledReports)
            .Where(l => !corrected.Contains(l.Problem.Id))
            .Select(l => new TrainingExample(features.Of(l.Problem), l.Categories))
            .Concat(real.Examples(features).Select(e => e.Example))
            .Concat(corrections.Select(c => new TrainingExample(features.Of(c.Problem), c.Categories)))
            .ToList();
    }
}
