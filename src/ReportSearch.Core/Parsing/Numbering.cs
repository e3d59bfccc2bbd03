using System.Text.RegularExpressions;

namespace ReportSearch.Core.Parsing;

/// <summary>The levels of Chinese official numbering, outermost first.</summary>
public enum LabelKind
{
    Chapter = 1,   // 一、
    Aspect = 2,    // 第一方面问题
    Section = 3,   // (一)
    Item = 4,      // 1.
    SubItem = 5,   // (1)
    Circled = 6,   // ①
}

/// <summary>A numbering label as found, with the half-width form used in problem paths (二, 第一方面, (一), 3, (12), ①).</summary>
public sealed record Label(LabelKind Kind, string PathPart, int Length);

/// <summary>
/// Recognises numbering labels in normalised text (brackets are already half-width there). A label counts at the
/// start of a paragraph, or inside one right after sentence punctuation or a space — reports that run items together keep
/// their numbering that way, while "2.4%" or "第5次" never follow a 。.
/// </summary>
public static partial class Numbering
{
    private const string ChineseDigits = "一二三四五六七八九十";

    [GeneratedRegex(@"\G(?:(?<chapter>[一二三四五六七八九十]{1,3})、|第(?<aspect>[一二三四五六七八九十]{1,3})方面(?:问题)?|\((?<section>[一二三四五六七八九十]{1,3})\)|(?<item>\d{1,2})(?:\.|、)(?![\d%])|\((?<sub>\d{1,2})\)|(?<circled>[①-⑳]))")]
    private static partial Regex LabelPattern();

    public static Label? Match(string normal, int at)
    {
        var m = LabelPattern().Match(normal, at);
        if (!m.Success) return null;
        if (m.Groups["chapter"].Success) return new(LabelKind.Chapter, m.Groups["chapter"].Value, m.Length);
        if (m.Groups["aspect"].Success) return new(LabelKind.Aspect, $"第{m.Groups["aspect"].Value}方面", m.Length);
        if (m.Groups["section"].Success) return new(LabelKind.Section, $"({m.Groups["section"].Value})", m.Length);
        if (m.Groups["item"].Success) return new(LabelKind.Item, m.Groups["item"].Value, m.Length);
        if (m.Groups["sub"].Success) return new(LabelKind.SubItem, $"({m.Groups["sub"].Value})", m.Length);
        return new(LabelKind.Circled, m.Groups["circled"].Value, m.Length);
    }

    public static bool StartsWithLabel(string normal) => Match(normal, 0) is not null;

    [GeneratedRegex(@"^[一二三四五六七八九十]{1,3}是")]
    private static partial Regex Enumeration();

    /// <summary>Starts with 一是, 二是…: a measure of the enumeration, never the tail of a wrapped line.</summary>
    public static bool StartsWithEnumeration(string normal) => Enumeration().IsMatch(normal);

    /// <summary>Where labels start inside a paragraph: offset 0 when it opens with one, then after each sentence end.</summary>
    public static IEnumerable<int> LabelOffsets(string normal)
    {
        for (var i = 0; i < normal.Length; i++)
        {
            if (i > 0 && !EndsSentenceBefore(normal, i)) continue;
            if (Match(normal, i) is not null) yield return i;
        }
    }

    private static bool EndsSentenceBefore(string normal, int at)
    {
        var j = at - 1;
        while (j >= 0 && normal[j] == ' ') j--;
        // A space also ends a run-on heading ("…问题 1.针对…"): headings carry no punctuation of their own.
        return j >= 0 && (j < at - 1 || "。;!?\n".Contains(normal[j]));
    }

    /// <summary>1 → 一, 12 → 十二, 21 → 二十一: the ordinals of 一是, 二是….</summary>
    public static string ChineseNumber(int n) => n switch
    {
        <= 0 => throw new ArgumentOutOfRangeException(nameof(n)),
        < 10 => ChineseDigits[n - 1].ToString(),
        10 => "十",
        < 20 => "十" + ChineseDigits[n - 11],
        _ => ChineseDigits[n / 10 - 1] + "十" + (n % 10 == 0 ? "" : ChineseDigits[n % 10 - 1].ToString()),
    };
}
