using ReportSearch.Core.Model;

namespace ReportSearch.Core.Classification;

/// <summary>An editor's categories for one problem (primary first); it overrides the model and any seed label for that problem.</summary>
public sealed record CategoryCorrection(Problem Problem, IReadOnlyList<string> Categories);

/// <summary>
/// Builds the model the index applies: the labelled seeds plus editors' corrections, with the taxonomy's prior.
/// A correction of a labelled problem replaces its label rather than adding a second, contradicting example.
/// </summary>
public sealed class CategoryTrainer(ProblemFeatures features, ClassifierOptions options)
{
    /// <param name="labelledReports">The labelled seed reports as parsed (or as stored in the index), by source file name.</param>
    public CategoryClassifier Train(
        IReadOnlyDictionary<string, RectificationReport> labelledReports,
        LabelledSet labels,
        IReadOnlyList<CategoryCorrection> corrections) =>
        CategoryClassifier.Train(Taxonomy.Default, features, Examples(labelledReports, labels, corrections), options);

    public IReadOnlyList<TrainingExample> Examples(
        IReadOnlyDictionary<string, RectificationReport> labelledReports,
        LabelledSet labels,
        IReadOnlyList<CategoryCorrection> corrections)
    {
        var corrected = corrections.Select(c => c.Problem.Id).ToHashSet(StringComparer.Ordinal);
        return labels.Join(labelledReports)
            .Where(l => !corrected.Contains(l.Problem.Id))
            .Select(l => new TrainingExample(features.Of(l.Problem), l.Categories))
            .Concat(corrections.Select(c => new TrainingExample(features.Of(c.Problem), c.Categories)))
            .ToList();
    }
}
