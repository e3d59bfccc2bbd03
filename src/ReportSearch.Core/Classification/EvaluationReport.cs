using System.Globalization;
using System.Text;

namespace ReportSearch.Core.Classification;

/// <summary>Renders evaluation results for a person: figures per run, per category, the worst confusions, a summary.</summary>
public static class EvaluationReport
{
    public static string Render(IReadOnlyList<EvaluationResult> results, string header)
    {
        var sb = new StringBuilder();
        sb.AppendLine(header);
        foreach (var r in results)
        {
            sb.AppendLine();
            sb.AppendLine($"== {r.Name} ({(r.WithPrior ? "with" : "without")} description prior)");
            sb.AppendLine(Invariant($"problems {r.Problems}  top-1 {r.Top1Accuracy:F3}  top-1 in labels {r.Top1InLabels:F3}  micro-F1 {r.MicroF1:F3}  macro-F1 {r.MacroF1:F3}"));
            sb.AppendLine($"  {"category",-26} {"support",7} {"assigned",8} {"correct",7} {"P",6} {"R",6} {"F1",6}");
            foreach (var c in r.PerCategory)
                sb.AppendLine(Invariant($"  {c.Category,-26} {c.Support,7} {c.Assigned,8} {c.Correct,7} {c.Precision,6:F3} {c.Recall,6:F3} {c.F1,6:F3}"));
            sb.AppendLine(r.WorstConfusions.Count == 0
                ? "  worst confusions: none"
                : "  worst confusions (labelled primary → top prediction): "
                  + string.Join("; ", r.WorstConfusions.Select(c => $"{c.Expected} → {c.Predicted} ×{c.Count}")));
        }
        sb.AppendLine();
        sb.AppendLine("== summary");
        sb.AppendLine($"  {"run",-62} {"prior",5} {"top-1",6} {"macro-F1",8}");
        foreach (var r in results)
            sb.AppendLine(Invariant($"  {r.Name,-62} {(r.WithPrior ? "yes" : "no"),5} {r.Top1Accuracy,6:F3} {r.MacroF1,8:F3}"));
        sb.AppendLine();
        sb.Append(Invariant($"macro-F1 {ClassifierEvaluation.Headline(results).MacroF1:F3}"));
        return sb.ToString();
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
