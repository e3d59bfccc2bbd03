namespace ReportSearch.Core.Classification;

/// <summary>
/// What the categories are about before any labelled example: each category's name and each of its characteristic terms
/// (TAXONOMY.md, Data/taxonomy.tsv), analysed by the same chain as the problems, as pseudo-examples of that category. Terms
/// count one by one rather than pooled into one document per category: a short statement usually holds one such term, and a
/// pooled document let a category's many other terms dilute it. Leave-one-source-out, naive Bayes, this change alone: seeds
/// top-1 0.787 → 0.843, real set 0.755 → 0.738 (top-2 0.841 → 0.861); with TF-IDF maximum entropy it is what lifts L-BFGS.
/// A category nobody has labelled yet is still found when its vocabulary appears. The terms were about 19 a category until
/// about 39 more each were added, written by a separate agent that saw TAXONOMY.md and the existing terms, never the labelled
/// sets: leave-one-source-out, L-BFGS, real set of 683, top-1 0.726 → 0.751 (odd-numbered sources 0.723 → 0.759, even
/// 0.730 → 0.742), macro-F1 0.717 → 0.731; with a quarter of the real sources 0.684 → 0.731. Seeds top-1 0.899 → 0.876.
/// </summary>
public sealed record CategoryPrior(IReadOnlyList<string> Categories, IReadOnlyList<TrainingExample> Examples)
{
    public static CategoryPrior Of(Taxonomy taxonomy, ProblemFeatures features) => new(
        taxonomy.Categories.Select(c => c.Id).ToList(),
        taxonomy.Categories
            .SelectMany(c => c.Terms.Prepend(c.Name).Select(term => new TrainingExample(features.Of(term), [c.Id])))
            .Where(e => e.Features.Count > 0)
            .ToList());
}
