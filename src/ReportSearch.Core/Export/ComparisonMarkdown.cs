using System.Globalization;
using System.Text;
using ReportSearch.Core.Comparison;

namespace ReportSearch.Core.Export;

/// <summary>
/// A comparison to read: first a side-by-side table (measure types down, districts across, "—" where a district did
/// nothing of the kind), then each district's problems with all their measures.
/// </summary>
public sealed class ComparisonMarkdown : IDocumentExporter<CompareResult>
{
    private const int CellTextLength = 40;

    public ExportFormat Format => ExportFormat.Markdown;

    public void Write(CompareResult document, Stream output)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        writer.Write(Render(document));
    }

    public static string Render(CompareResult result)
    {
        var md = new StringBuilder();
        md.Append("# 对比：").AppendLine(Inline(result.Query)).AppendLine();
        if (result.Groups.Count == 0)
        {
            md.AppendLine("没有报告含有与查询相关的问题。");
            return md.ToString();
        }
        md.Append(CultureInfo.InvariantCulture, $"{result.Groups.Count} 份报告，按相关度排序：")
          .AppendLine(string.Join("、", result.Groups.Select(Heading))).AppendLine();

        var measures = result.Groups.SelectMany(g => g.Matches).SelectMany(m => m.Measures).ToDictionary(m => m.Id);
        md.AppendLine("## 并列对照（按措施类型）").AppendLine();
        md.Append("| 措施类型 | ").AppendJoin(" | ", result.Groups.Select(g => Inline(Heading(g)))).AppendLine(" |");
        md.Append("|---|").AppendJoin("", result.Groups.Select(_ => "---|")).AppendLine();
        foreach (var row in result.Alignment)
        {
            md.Append("| ").Append(row.Name).Append(" | ")
              .AppendJoin(" | ", row.Cells.Select(c => c.MeasureIds.Count == 0
                  ? "—"
                  : string.Join("<br>", c.MeasureIds.Select(id => Inline(Short(measures[id]))))))
              .AppendLine(" |");
        }
        md.AppendLine();

        foreach (var group in result.Groups)
        {
            md.Append("## ").AppendLine(Inline(Heading(group)));
            var where = string.Join("", new[] { group.Province, group.City }.Where(s => !string.IsNullOrEmpty(s)));
            md.AppendLine().Append("报告 `").Append(group.ReportId).Append('`');
            if (where.Length > 0) md.Append(" · ").Append(where);
            if (group.PublishedDate is { } date) md.Append(" · 发布 ").Append(date.ToString("yyyy-MM-dd"));
            md.AppendLine().AppendLine();
            foreach (var match in group.Matches)
            {
                md.Append("### ").AppendLine(Inline(match.Statement)).AppendLine();
                md.Append(CultureInfo.InvariantCulture, $"问题 `{match.ProblemId}` · 路径 {match.Path} · 相关度 {match.Score:0.###}");
                if (match.Categories.Count > 0) md.Append(" · 类别 ").Append(ComparisonTables.CategoryNames(match.Categories).Replace("; ", "、"));
                md.AppendLine().AppendLine();
                if (match.Measures.Count == 0) md.AppendLine("（报告未写明整改措施）").AppendLine();
                var n = 1;
                foreach (var measure in match.Measures)
                {
                    md.Append(CultureInfo.InvariantCulture, $"{n++}. 【{measure.TypeName}】").AppendLine(Inline(measure.Text));
                    var facts = new List<string>();
                    if (measure.Documents.Count > 0) facts.Add("文件：" + string.Join("", measure.Documents.Select(d => d.StartsWith('《') ? d : $"《{d}》")));
                    if (measure.Quantities.Count > 0) facts.Add("数量：" + string.Join("、", measure.Quantities.Select(q => q.Text)));
                    if (measure.Status is not null) facts.Add("状态：" + measure.Status);
                    if (facts.Count > 0) md.Append("   ").AppendLine(Inline(string.Join(" · ", facts)));
                }
                md.AppendLine();
            }
        }
        return md.ToString();
    }

    private static string Heading(CompareGroup group) =>
        group.Unit is null ? group.ReportId : group.City is null ? group.Unit : $"{group.Unit}（{group.City}）";

    /// <summary>A table cell's view of a measure: its ordinal and the start of its text.</summary>
    private static string Short(ComparedMeasure measure)
    {
        var text = measure.Text.Length <= CellTextLength ? measure.Text : measure.Text[..CellTextLength] + "…";
        return measure.Ordinal is null || text.StartsWith(measure.Ordinal, StringComparison.Ordinal) ? text : $"{measure.Ordinal} {text}";
    }

    /// <summary>Text safe inside a Markdown table cell or heading line.</summary>
    private static string Inline(string text) =>
        text.Replace("\r", "").Replace("\n", " ").Replace("|", "\\|").Trim();
}
