using ReportSearch.Core.Model;

namespace ReportSearch.Core.Classification;

/// <summary>Assigns categories to parsed problems with a trained model: the step between parsing and indexing.</summary>
public sealed class ProblemCategorizer(ICategoryModel model, ProblemFeatures features)
{
    /// <summary>Probabilities below this are left out of <see cref="Problem.CategoryScores"/>: they only make the JSON longer.</summary>
    public const double ShownProbability = 0.005;

    public ICategoryModel Model { get; } = model;

    public IReadOnlyList<CategoryScore> Score(Problem problem) => Model.Score(features.Of(problem));

    public IReadOnlyList<string> Categorize(Problem problem) => Model.Select(Score(problem));

    /// <summary>The report with every problem's categories and scores set; measures inherit the categories through their problem.</summary>
    public RectificationReport Apply(RectificationReport report) =>
        report with { Problems = report.Problems.Select(Apply).ToList() };

    private Problem Apply(Problem problem)
    {
        var ranked = Score(problem);
        return problem with
        {
            Categories = Model.Select(ranked),
            CategoryScores = ranked.Where(s => s.Probability >= ShownProbability)
                .ToDictionary(s => s.Category, s => Math.Round(s.Probability, 4), StringComparer.Ordinal),
        };
    }
}
