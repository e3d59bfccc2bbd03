using ReportSearch.Core.Analysis;
using ReportSearch.Core.Model;

namespace ReportSearch.Core.Classification;

/// <summary>
/// How much each part of a problem says about its category. The statement names the problem; the headings name the area the
/// inspection filed it under; the measures are long and mostly about what was done, so they help only when weighted down.
/// Each part is scaled to its weight before the parts are added, so a long measure list cannot drown a short statement.
/// </summary>
public sealed record FeatureOptions
{
    public double StatementWeight { get; init; } = 1.0;
    public double HeadingWeight { get; init; } = 0.5;
    public double MeasureWeight { get; init; } = 0.5;
}

/// <summary>Turns a problem (or any text) into the analysis chain's words and bigrams, weighted: the classifier's input.</summary>
public sealed class ProblemFeatures(ITextAnalyzer analyzer, FeatureOptions options)
{
    public FeatureOptions Options { get; } = options;

    public IReadOnlyDictionary<string, double> Of(Problem problem)
    {
        var bag = new SortedDictionary<string, double>(StringComparer.Ordinal);
        Add(bag, problem.Statement, Options.StatementWeight);
        Add(bag, string.Join('\n', problem.Headings), Options.HeadingWeight);
        Add(bag, string.Join('\n', problem.Measures.Select(m => m.Text)), Options.MeasureWeight);
        return bag;
    }

    /// <summary>A free text (an editor's correction, a category description) with unit weight.</summary>
    public IReadOnlyDictionary<string, double> Of(string text)
    {
        var bag = new SortedDictionary<string, double>(StringComparer.Ordinal);
        Add(bag, text, 1.0);
        return bag;
    }

    private void Add(SortedDictionary<string, double> bag, string text, double weight)
    {
        if (weight <= 0 || string.IsNullOrWhiteSpace(text)) return;
        var analyzed = analyzer.Analyze(text);
        var total = analyzed.Words.Count + analyzed.Bigrams.Count;
        if (total == 0) return;
        // Scaled to the part's weight: the part, not its length, decides its say.
        var each = weight / total;
        foreach (var w in analyzed.Words) Increment(bag, "w:" + w, each);
        foreach (var b in analyzed.Bigrams) Increment(bag, "b:" + b, each);
    }

    private static void Increment(SortedDictionary<string, double> bag, string feature, double by) =>
        bag[feature] = bag.GetValueOrDefault(feature) + by;
}
