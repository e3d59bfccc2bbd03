using ReportSearch.Core.Model;

namespace ReportSearch.Core.Classification;

/// <summary>Assigns categories to parsed problems with a trained model: the step between parsing and indexing.</summary>
public sealed class ProblemCategorizer(CategoryClassifier model, ProblemFeatures features)
{
    public CategoryClassifier Model { get; } = model;

    public IReadOnlyList<string> Categorize(Problem problem) => Model.Predict(features.Of(problem));

    /// <summary>The report with every problem's categories set; measures inherit them through their problem.</summary>
    public RectificationReport Apply(RectificationReport report) =>
        report with { Problems = report.Problems.Select(p => p with { Categories = Categorize(p) }).ToList() };
}
