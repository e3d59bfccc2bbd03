using System.Text.RegularExpressions;

namespace ReportSearch.Core.Text;

/// <summary>What a web page wraps around a report: kept for metadata, never part of the report's text.</summary>
public sealed record PageFurniture(string? Breadcrumb, DateOnly? PageDate);

/// <summary>
/// Removes web-page furniture from a report's lines, whatever format it came in (a page saved as text keeps it too):
/// the breadcrumb (所在位置:首页 > …), the 来源/日期 line, and the site footer (主办单位, ICP备, 投稿邮箱 …,
/// often after an empty 附件: line). The breadcrumb and the page date are returned because they carry metadata.
/// </summary>
public static partial class PageFurnitureFilter
{
    [GeneratedRegex(@"^(?:所在位置|当前位置|您的位置|您现在的位置|现在位置|位置)\s*:|首页\s*(?:>|›|»|>>)")]
    private static partial Regex Breadcrumb();

    [GeneratedRegex(@"^(?:来源|信息来源|文章来源|稿件来源|发布时间|发布日期|日期|时间|作者|编辑|责任编辑|浏览次数|点击数|阅读次数|字号)\s*:")]
    private static partial Regex SourceLine();

    [GeneratedRegex(@"主办单位|承办单位|合作单位|协办单位|技术支持|版权所有|Copyright|ICP备|ICP证|公网安备|网站标识码|投稿邮箱|联系我们|网站地图|关于我们")]
    private static partial Regex FooterMarker();

    [GeneratedRegex(@"^附件\s*:?$")]
    private static partial Regex EmptyAttachment();

    [GeneratedRegex(@"(\d{4})\s*[-/年.]\s*(\d{1,2})\s*[-/月.]\s*(\d{1,2})")]
    private static partial Regex Date();

    public static (List<Passage> Lines, PageFurniture Furniture) Strip(IReadOnlyList<Passage> lines)
    {
        string? breadcrumb = null;
        DateOnly? pageDate = null;
        var kept = new List<Passage>();
        var end = FooterStart(lines);
        for (var i = 0; i < end; i++)
        {
            var text = lines[i].Trim().Normal;
            if (Breadcrumb().IsMatch(text))
            {
                breadcrumb ??= text;
                continue;
            }
            if (SourceLine().IsMatch(text))
            {
                pageDate ??= ParseDate(text);
                continue;
            }
            kept.Add(lines[i]);
        }
        return (kept, new PageFurniture(breadcrumb, pageDate));
    }

    /// <summary>The first line from which everything is footer: a footer marker or a bare 附件: followed only by short lines.</summary>
    private static int FooterStart(IReadOnlyList<Passage> lines)
    {
        var start = lines.Count;
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            var text = lines[i].Trim().Normal;
            if (text.Length == 0) continue;
            if (FooterMarker().IsMatch(text) || EmptyAttachment().IsMatch(text)) { start = i; continue; }
            // Footers also hold bare e-mail addresses, phone numbers and link lists: short, no sentence.
            if (start < lines.Count && text.Length <= 40 && !text.Contains('。')) continue;
            break;
        }
        return start;
    }

    public static DateOnly? ParseDate(string text)
    {
        var m = Date().Match(text);
        return m.Success ? Dates.Create(m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value) : null;
    }
}

/// <summary>Builds dates from the parts a report writes, refusing impossible ones rather than guessing.</summary>
public static class Dates
{
    public static DateOnly? Create(string year, string month, string day) =>
        int.TryParse(year, out var y) && int.TryParse(month, out var m) && int.TryParse(day, out var d)
        && y is >= 1949 and <= 2100 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m)
            ? new DateOnly(y, m, d)
            : null;
}
