using System.Text.RegularExpressions;
using ReportSearch.Core.Text;

namespace ReportSearch.Core.Parsing;

/// <summary>A report's title as it reads once page decoration is gone, and the date a page writes after it.</summary>
public sealed record ReportTitle(string Text, DateOnly? Date);

/// <summary>
/// Finds the report's own title among the short lines above its first sentence. A title of this kind says
/// "…关于…的通报" (or 情况, 报告); pages split it over two or three lines (issuer, 关于…, …的通报), repeat it, prefix it with their
/// channel ("上级巡视:") and follow it with the date ("(2024-07-26)"). Those lines are taken out of the body; without a
/// 关于… line, a short first line with no sentence in it is the title, as before.
/// </summary>
public static partial class TitleReader
{
    [GeneratedRegex(@"关于.{2,80}(?:通报|情况|报告|公告|公示)$")]
    private static partial Regex TitleSentence();

    // A channel name before the title: "上级巡视:中共…关于…".
    [GeneratedRegex(@"^[^:,。关]{2,8}:(?=.*关于)")]
    private static partial Regex ChannelPrefix();

    [GeneratedRegex(@"\s*[(\[]\s*(?<date>\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?)\s*[)\]]\s*$")]
    private static partial Regex TrailingDate();

    // Spaces between two Chinese characters are layout (a title centred in two parts), not text.
    [GeneratedRegex(@"(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])")]
    private static partial Regex SpaceBetweenHan();

    // The lines above the opening are few: a title, its repeat, an issuer line.
    private const int MaxHeadLines = 8;
    private const int MaxTitleLength = 80;
    // The 关于… part of a long title runs over at most two lines; the issuer line above it is joined separately.
    private const int MaxSubjectLines = 2;

    public static (ReportTitle? Title, List<Passage> Body) Split(List<Passage> paragraphs)
    {
        var head = paragraphs.TakeWhile(p => IsShortLine(p.Trim().Normal)).Take(MaxHeadLines).ToList();
        var cleaned = head.Select(p => Clean(p.Trim())).ToList();
        var (at, span) = FindTitle(cleaned);
        if (at < 0)
        {
            // The original rule: a short first paragraph with no sentence in it.
            if (paragraphs.Count > 1 && head.Count > 0 && paragraphs[0].Trim().Length <= MaxTitleLength)
                return (new ReportTitle(cleaned[0].Text, cleaned[0].Date), paragraphs.Skip(1).ToList());
            return (null, paragraphs);
        }

        var title = string.Concat(cleaned.Skip(at).Take(span).Select(c => Compact(c.Text)));
        // "中共…委员会" on the line above "关于…的通报" is the first half of the title.
        if (at > 0 && title.StartsWith("关于", StringComparison.Ordinal) && !TitleSentence().IsMatch(Compact(cleaned[at - 1].Text)))
            title = Compact(cleaned[at - 1].Text) + title;
        var date = cleaned[at + span - 1].Date;
        var body = new List<Passage>();
        for (var i = 0; i < paragraphs.Count; i++)
        {
            // The title's lines and their repeats (whole or in parts) go; other head lines stay in the body.
            if (i < head.Count && IsPartOf(Compact(cleaned[i].Text), title)) continue;
            body.Add(paragraphs[i]);
        }
        return (new ReportTitle(title, date), body);
    }

    /// <summary>
    /// The first head line that is a whole title sentence, or a 关于… line that the next line or two complete
    /// ("关于十二届市委第一轮巡视集中整改" / "进展情况的通报"): where it starts and how many lines it takes.
    /// </summary>
    private static (int At, int Span) FindTitle(List<(string Text, DateOnly? Date)> cleaned)
    {
        for (var at = 0; at < cleaned.Count; at++)
        {
            var joined = Compact(cleaned[at].Text);
            if (TitleSentence().IsMatch(joined)) return (at, 1);
            if (!joined.Contains("关于", StringComparison.Ordinal)) continue;
            for (var span = 2; span <= MaxSubjectLines && at + span <= cleaned.Count; span++)
            {
                joined += Compact(cleaned[at + span - 1].Text);
                if (joined.Length > MaxTitleLength) break;
                if (TitleSentence().IsMatch(joined)) return (at, span);
            }
        }
        return (-1, 0);
    }

    private static bool IsShortLine(string normal) =>
        normal.Length is > 0 and <= MaxTitleLength + 20 && !normal.Contains('。') && !ClosingSplitter.DateLine().IsMatch(normal)
        && !Numbering.StartsWithLabel(normal);

    private static bool IsPartOf(string line, string title) => line.Length > 0 && title.Contains(line, StringComparison.Ordinal);

    private static (string Text, DateOnly? Date) Clean(Passage line)
    {
        var normal = line.Normal;
        var original = line.Original;
        DateOnly? date = null;
        if (TrailingDate().Match(normal) is { Success: true } d)
        {
            date = PageFurnitureFilter.ParseDate(d.Groups["date"].Value);
            normal = normal[..d.Index];
            original = original[..d.Index];
        }
        if (ChannelPrefix().Match(normal) is { Success: true } c) original = original[c.Length..];
        return (original.Trim(), date);
    }

    private static string Compact(string text) => SpaceBetweenHan().Replace(text.Trim(), "");
}
