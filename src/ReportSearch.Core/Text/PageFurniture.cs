using System.Text.RegularExpressions;

namespace ReportSearch.Core.Text;

/// <summary>
/// What a web page wraps around a report: kept for metadata, never part of the report's text. <see cref="Fields"/> are the
/// disclosure header's labelled values (标题, 发布机构, 成文日期 …) under their label with its spaces removed.
/// </summary>
public sealed record PageFurniture(string? Breadcrumb, DateOnly? PageDate, IReadOnlyDictionary<string, string> Fields)
{
    public PageFurniture(string? breadcrumb, DateOnly? pageDate) : this(breadcrumb, pageDate, new Dictionary<string, string>()) { }

    public string? Field(params string[] labels) =>
        labels.Select(l => Fields.TryGetValue(l, out var v) ? v : null).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}

/// <summary>
/// Removes web-page furniture from a report's lines, whatever format it came in (a page saved as text keeps it too):
/// the breadcrumb (所在位置:首页 > …) and the channel name repeated under it, the 来源/日期 line, the government
/// disclosure header ("• 信息索引号:", "- 索 引 号:", 成文日期, 发布机构 …, the value on the same line or the next), the
/// share and read-aloud buttons, and the site footer (主办单位, ICP备, 投稿邮箱 …, often after an empty 附件: line).
/// The breadcrumb, the page date and the header's fields are returned because they carry metadata.
/// </summary>
public static partial class PageFurnitureFilter
{
    [GeneratedRegex(@"^(?:所在位置|当前位置|您的位置|您现在的位置|现在位置|位置)\s*:|首页\s*(?:>|›|»|>>)")]
    private static partial Regex Breadcrumb();

    // Some pages put the date (and time) first: "2021-02-23 12:42:06来源:广州市住房和城乡建设局".
    [GeneratedRegex(@"^(?:\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?\s*(?:\d{1,2}:\d{2}(?::\d{2})?)?\s*)?(?:来源|信息来源|文章来源|稿件来源|发布时间|发布日期|日期|时间|作者|编辑|责任编辑|浏览次数|点击数|阅读次数|字号)\s*:")]
    private static partial Regex SourceLine();

    // Labels of the disclosure header of government sites (政府信息公开), written with spaces inside at times (索 引 号).
    [GeneratedRegex(@"^(?<label>(?:信\s*息\s*)?索\s*引\s*号|文\s*件\s*名\s*称|主\s*题\s*分\s*类|发\s*布\s*机\s*构|成\s*文\s*(?:日\s*期|时\s*间)|发\s*文\s*(?:日\s*期|时\s*间)|公\s*开\s*(?:方\s*式|日\s*期|时\s*间)|文\s*号|标\s*题|效\s*力\s*状\s*态|生\s*效\s*日\s*期|有\s*效\s*性|公\s*开\s*范\s*围|所\s*属\s*机\s*构|体\s*裁\s*分\s*类|主\s*题\s*词|发\s*布\s*单\s*位)\s*:\s*(?<value>.*)$")]
    private static partial Regex HeaderField();

    // Buttons and counters a page shows around the article, bracketed at times: "【浏览字号 :大 中 小】".
    [GeneratedRegex(@"^【?\s*(?:分享|分享到|朗读|打印|关闭|收藏|浏览量|阅读量|(?:浏览)?字[体号](?:大小)?|扫一扫)\s*:?\s*(?:大|中|小|\s)*】?$")]
    private static partial Regex PageControl();

    // A bullet or dash a page puts before its header lines.
    [GeneratedRegex(@"^[•·●▪■◆\-–—*]\s*")]
    private static partial Regex Bullet();

    // Bullets kept out of a line of text (not dashes: ——… opens list items in report bodies).
    [GeneratedRegex(@"^[•·●▪■◆]\s*")]
    private static partial Regex ListBullet();

    [GeneratedRegex(@"主办单位|承办单位|合作单位|协办单位|技术支持|版权所有|Copyright|ICP备|ICP证|公网安备|网站标识码|投稿邮箱|联系我们|网站地图|关于我们")]
    private static partial Regex FooterMarker();

    [GeneratedRegex(@"^附件\s*:?$")]
    private static partial Regex EmptyAttachment();

    [GeneratedRegex(@"(\d{4})\s*[-/年.]\s*(\d{1,2})\s*[-/月.]\s*(\d{1,2})")]
    private static partial Regex Date();

    // A channel or breadcrumb segment repeated alone on a line (公告公示) is short and has no sentence in it.
    private const int MaxChannelName = 12;
    private const int MaxFieldValue = 80;

    public static (List<Passage> Lines, PageFurniture Furniture) Strip(IReadOnlyList<Passage> lines)
    {
        string? breadcrumb = null;
        DateOnly? pageDate = null;
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var kept = new List<Passage>();
        var end = FooterStart(lines);
        string? awaiting = null;
        for (var i = 0; i < end; i++)
        {
            var trimmed = lines[i].Trim();
            var text = Bullet().Replace(trimmed.Normal, "");
            if (text.Length == 0)
            {
                // A bare bullet or dash on its own line ("-" under the font-size buttons) is decoration, not a blank.
                if (trimmed.Normal.Length == 0) kept.Add(lines[i]);
                continue;
            }
            if (awaiting is not null)
            {
                // A header label alone on its line: its value is the next non-blank line, unless that is already text.
                var value = awaiting;
                awaiting = null;
                if (text.Length <= MaxFieldValue && !text.Contains('。'))
                {
                    fields.TryAdd(value, text.Trim());
                    continue;
                }
            }
            if (Breadcrumb().IsMatch(text))
            {
                breadcrumb ??= text;
                continue;
            }
            if (HeaderField().Match(text) is { Success: true } field)
            {
                var label = field.Groups["label"].Value.Replace(" ", "");
                var value = field.Groups["value"].Value.Trim();
                if (value.Length == 0) awaiting = label;
                else fields.TryAdd(label, value);
                continue;
            }
            if (SourceLine().IsMatch(text))
            {
                pageDate ??= ParseDate(text);
                continue;
            }
            if (PageControl().IsMatch(text) || IsChannelName(text, breadcrumb)) continue;
            var bullet = ListBullet().Match(trimmed.Normal);
            kept.Add(bullet.Success ? trimmed.Slice(bullet.Length) : lines[i]);
        }
        var fieldDate = new[] { "发布日期", "发文时间", "发文日期", "成文日期", "成文时间", "公开日期", "公开时间" }
            .Select(l => fields.TryGetValue(l, out var v) ? ParseDate(v) : null).FirstOrDefault(d => d is not null);
        return (kept, new PageFurniture(breadcrumb, pageDate ?? fieldDate, fields));
    }

    private static bool IsChannelName(string text, string? breadcrumb) =>
        breadcrumb is not null && text.Length <= MaxChannelName
        && breadcrumb.Split(['>', '›', '»'], StringSplitOptions.TrimEntries).Contains(text, StringComparer.Ordinal);

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
