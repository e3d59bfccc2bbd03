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
    public double HeadingWeight { get; init; } = 0.3;
    public double MeasureWeight { get; init; } = 0.5;
    /// <summary>
    /// Weight of each Chinese character of the words, relative to a word or bigram; 0 leaves characters out. A character
    /// links a word the training never saw (医共体) to the words it did (医院), which a short statement often needs.
    /// Leave-one-source-out, L-BFGS, real set of 325: top-1 0.763 → 0.778, top-2 0.871 → 0.889, macro-F1 0.739 → 0.766.
    /// The half of the sources chosen to pick the weight (odd ids) could not tell 0.5, 1 and 2 apart (top-1 0.781 each);
    /// 1, a character counting as much as a word, is the plain choice.
    /// </summary>
    public double CharacterWeight { get; init; } = 1;
    /// <summary>
    /// Words every report's headings use whatever the area (巡视反馈问题整改…): left out of the heading part, and bigrams inside
    /// them too, so that a generic heading cannot decide a problem's category.
    /// </summary>
    public IReadOnlyList<string> GenericHeadingWords { get; init; } =
        ["巡视", "巡察", "反馈", "问题", "整改", "落实", "情况", "方面", "关于", "意见", "进展", "存在", "具体", "主要"];
}

/// <summary>Turns a problem (or any text) into the analysis chain's words and bigrams, weighted: the classifier's input.</summary>
public sealed class ProblemFeatures(ITextAnalyzer analyzer, FeatureOptions options)
{
    private readonly HashSet<string> _generic = options.GenericHeadingWords.ToHashSet(StringComparer.Ordinal);

    public FeatureOptions Options { get; } = options;

    public IReadOnlyDictionary<string, double> Of(Problem problem) =>
        Of(problem.Statement, problem.Headings, problem.Measures.Select(m => m.Text).ToList());

    /// <summary>A statement found on a page, with whatever headings and measures came with it.</summary>
    public IReadOnlyDictionary<string, double> Of(string statement, IReadOnlyList<string> headings, IReadOnlyList<string> measures)
    {
        var bag = new SortedDictionary<string, double>(StringComparer.Ordinal);
        Add(bag, statement, Options.StatementWeight, keep: _ => true);
        Add(bag, string.Join('\n', headings), Options.HeadingWeight, keep: IsSpecific);
        Add(bag, string.Join('\n', measures), Options.MeasureWeight, keep: _ => true);
        return bag;
    }

    /// <summary>A free text (an editor's correction, a category description) with unit weight.</summary>
    public IReadOnlyDictionary<string, double> Of(string text)
    {
        var bag = new SortedDictionary<string, double>(StringComparer.Ordinal);
        Add(bag, text, 1.0, keep: _ => true);
        return bag;
    }

    private bool IsSpecific(string term) => !_generic.Contains(term) && !_generic.Any(g => g.Contains(term, StringComparison.Ordinal));

    private void Add(SortedDictionary<string, double> bag, string text, double weight, Func<string, bool> keep)
    {
        if (weight <= 0 || string.IsNullOrWhiteSpace(text)) return;
        var analyzed = analyzer.Analyze(text);
        var words = analyzed.Words.Where(keep).ToList();
        var bigrams = analyzed.Bigrams.Where(keep).ToList();
        var characters = Options.CharacterWeight > 0
            ? words.SelectMany(w => w.EnumerateRunes()).Where(CjkText.IsCjk).Select(r => r.ToString()).Where(keep).ToList()
            : [];
        var total = words.Count + bigrams.Count + Options.CharacterWeight * characters.Count;
        if (total == 0) return;
        // Scaled to the part's weight: the part, not its length, decides its say.
        var each = weight / total;
        foreach (var w in words) Increment(bag, "w:" + w, each);
        foreach (var b in bigrams) Increment(bag, "b:" + b, each);
        foreach (var c in characters) Increment(bag, "c:" + c, each * Options.CharacterWeight);
    }

    private static void Increment(SortedDictionary<string, double> bag, string feature, double by) =>
        bag[feature] = bag.GetValueOrDefault(feature) + by;
}
