using System.Globalization;
using System.Text;

namespace ReportSearch.Core.Classification;

/// <summary>Renders evaluation results for a person: per trainer and kind of source, per category, the most confused pairs, a summary.</summary>
public static class EvaluationReport
{
    /// <param name="misses">Also list every problem whose top prediction is not its labelled primary category.</param>
    public static string Render(IReadOnlyList<EvaluationResult> results, string header, EvaluationResult headline, bool misses = false)
    {
        var sb = new StringBuilder();
        sb.AppendLine(header);
        foreach (var r in results)
        {
            sb.AppendLine();
            sb.AppendLine($"== {r.Trainer}, leave-one-source-out, {r.Kind}");
            sb.AppendLine(Invariant($"problems {r.Problems}  top-1 {r.Top1:F3}  top-2 {r.Top2:F3}  micro-F1 {r.MicroF1:F3}  macro-F1 {r.MacroF1:F3}  labels/problem {r.LabelsPerProblem:F2}"));
            sb.AppendLine($"  {"category",-26} {"support",7} {"assigned",8} {"correct",7} {"P",6} {"R",6} {"F1",6}");
            foreach (var c in r.PerCategory)
                sb.AppendLine(Invariant($"  {c.Category,-26} {c.Support,7} {c.Assigned,8} {c.Correct,7} {c.Precision,6:F3} {c.Recall,6:F3} {c.F1,6:F3}"));
            sb.AppendLine(r.WorstConfusions.Count == 0
                ? "  most confused: none"
                : "  most confused (labelled primary → top prediction): "
                  + string.Join("; ", r.WorstConfusions.Select(c => $"{c.Expected} → {c.Predicted} ×{c.Count}")));
            if (misses && r.Kind != ClassifierEvaluation.AllKinds)
                foreach (var m in r.Misses)
                    sb.AppendLine($"  miss {m.Path}: labelled {string.Join(';', m.Labelled)}, predicted {string.Join(';', m.TopTwo)}");
        }
        sb.AppendLine();
        sb.AppendLine("== summary (leave-one-source-out: every figure is out of sample)");
        sb.AppendLine($"  {"trainer",-12} {"kind",-6} {"problems",8} {"top-1",6} {"top-2",6} {"macro-F1",8} {"labels",6}");
        foreach (var r in results)
            sb.AppendLine(Invariant($"  {r.Trainer,-12} {r.Kind,-6} {r.Problems,8} {r.Top1,6:F3} {r.Top2,6:F3} {r.MacroF1,8:F3} {r.LabelsPerProblem,6:F2}"));
        sb.AppendLine(Invariant($"  headline: {headline.Trainer} on the {headline.Kind} set"));
        sb.AppendLine();
        sb.Append(Invariant($"macro-F1 {headline.MacroF1:F3}"));
        return sb.ToString();
    }

    /// <summary>Learning curves: figures by share of the kind's sources, the fitted power law and where it reaches each target.</summary>
    public static string Render(IReadOnlyList<LearningCurve> curves, int draws, IReadOnlyList<double> targets)
    {
        var sb = new StringBuilder();
        foreach (var c in curves)
        {
            sb.AppendLine($"== {c.Trainer}, learning curve on the {c.Kind} set (leave-one-source-out; each model trains on a share of the other {c.Kind} sources, mean of {draws} draws below all)");
            sb.AppendLine($"  {"share",5} {"trained",8} {"top-1",6} {"top-2",6} {"macro-F1",8}");
            foreach (var p in c.Points)
                sb.AppendLine(Invariant($"  {p.Share,5:F2} {p.TrainingProblems,8:F0} {p.Top1,6:F3} {p.Top2,6:F3} {p.MacroF1,8:F3}"));
            var (a, b) = c.Fit;
            sb.AppendLine(Invariant($"  fit: 1 − top-1 = {a:F3} · n^(−{b:F3}) over n {c.Kind} training problems"));
            foreach (var t in targets)
            {
                var n = c.ProblemsFor(t);
                sb.AppendLine(n switch
                {
                    null => Invariant($"  top-1 {t:F2}: not reached on this slope"),
                    > 1e7 => Invariant($"  top-1 {t:F2}: more than ten million {c.Kind} training problems if the slope holds"),
                    _ => Invariant($"  top-1 {t:F2}: about {n.Value:N0} {c.Kind} training problems if the slope holds"),
                });
            }
            sb.AppendLine();
        }
        return sb.ToString().TrimEnd();
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
