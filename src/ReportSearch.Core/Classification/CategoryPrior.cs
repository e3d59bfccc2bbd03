namespace ReportSearch.Core.Classification;

/// <summary>
/// What a category is about before any labelled example: its name, description and characteristic terms, analysed by the same
/// chain as the problems. The model counts it as a pseudo-problem of that category, so a category nobody has labelled yet
/// is still found when its vocabulary appears.
/// </summary>
public static class CategoryPrior
{
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Documents(Taxonomy taxonomy, ProblemFeatures features) =>
        taxonomy.Categories.ToDictionary(
            c => c.Id,
            c => features.Of(string.Join('\n', [c.Name, c.Description, .. c.Terms])),
            StringComparer.Ordinal);
}
