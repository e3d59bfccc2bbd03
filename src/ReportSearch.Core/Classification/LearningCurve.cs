namespace ReportSearch.Core.Classification;

/// <summary>
/// One point of a learning curve: the share of a kind's sources each model trained on, how many of that kind's problems
/// that came to on average, and the out-of-sample figures (means over the draws).
/// </summary>
public sealed record CurvePoint(double Share, double TrainingProblems, double Top1, double Top2, double MacroF1);

/// <summary>
/// Top-1 against training problems, with the power law that fits its errors: error = a · n^(−b), fitted by least squares on
/// log error against log n, the usual shape of a learning curve. Its projection says how much more labelled data a target
/// would take if the curve keeps its slope; read it as an order of magnitude, not a promise.
/// </summary>
public sealed record LearningCurve(string Trainer, string Kind, IReadOnlyList<CurvePoint> Points)
{
    /// <summary>The fitted a and b; b ≤ 0 means more data did not help.</summary>
    public (double A, double B) Fit { get; } = PowerLaw(Points);

    /// <summary>Training problems of this kind at which the fitted curve reaches <paramref name="top1"/>; null if it never does.</summary>
    public double? ProblemsFor(double top1)
    {
        var (a, b) = Fit;
        if (b <= 0 || top1 >= 1) return null;
        return Math.Pow(a / (1 - top1), 1 / b);
    }

    private static (double A, double B) PowerLaw(IReadOnlyList<CurvePoint> points)
    {
        var xs = points.Select(p => Math.Log(p.TrainingProblems)).ToList();
        var ys = points.Select(p => Math.Log(Math.Max(1 - p.Top1, 1e-6))).ToList();
        var mx = xs.Average();
        var my = ys.Average();
        var sxx = xs.Sum(x => (x - mx) * (x - mx));
        if (points.Count < 2 || sxx == 0) return (Math.Exp(my), 0);
        var slope = xs.Zip(ys, (x, y) => (x - mx) * (y - my)).Sum() / sxx;
        return (Math.Exp(my - slope * mx), -slope);
    }
}
