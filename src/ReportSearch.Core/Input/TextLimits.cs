namespace ReportSearch.Core.Input;

/// <summary>
/// One pass over a report's lines before the parser sees them, counting lines, numbered outline items (一、 （一） 1. 1、
/// (1) …) and the longest line. The parser's outline building is fast on real reports but grows with the item count;
/// 2.8 million 一、 headings took 45 s and 2.5 GB. The scan reads each character once and allocates nothing.
/// </summary>
internal sealed class TextLimits(ReportInputOptions options, string name)
{
    private int _lines;
    private int _items;

    public static void Check(string text, string name, ReportInputOptions options)
    {
        var limits = new TextLimits(options, name);
        foreach (var line in text.AsSpan().EnumerateLines()) limits.Add(line);
    }

    public static void Check(IEnumerable<string> lines, string name, ReportInputOptions options)
    {
        var limits = new TextLimits(options, name);
        foreach (var line in lines) limits.Add(line);
    }

    private void Add(ReadOnlySpan<char> line)
    {
        if (++_lines > options.MaxLines)
            throw TooLarge($"more than {options.MaxLines:N0} lines", "MaxLines");
        if (line.Length > options.MaxLineChars)
            throw TooLarge($"a line of {line.Length:N0} characters (at line {_lines:N0}; the limit is {options.MaxLineChars:N0})", "MaxLineChars");
        if (IsOutlineItem(line) && ++_items > options.MaxOutlineItems)
            throw TooLarge($"more than {options.MaxOutlineItems:N0} numbered headings and items", "MaxOutlineItems");
    }

    private InputRejectedException TooLarge(string what, string setting) =>
        new($"{name} is too large to be one report: it has {what}; split it, or raise ReportSearch:Input:{setting}", InputRejection.TooLarge);

    /// <summary>A line opening with a number and its mark: 一、 十二、 （三） (4) 5. 6、 ⑦.</summary>
    internal static bool IsOutlineItem(ReadOnlySpan<char> line)
    {
        line = line.TrimStart();
        if (line.IsEmpty) return false;
        if (line[0] is >= '\u2460' and <= '\u2473') return true; // ①…⑳
        var open = line[0] is '(' or '（';
        var i = open ? 1 : 0;
        var start = i;
        while (i < line.Length && i - start < 4 && IsNumeral(line[i])) i++;
        if (i == start || i >= line.Length) return false;
        return open ? line[i] is ')' or '）' : line[i] is '、' or '.' or '．' or '，';
    }

    private static bool IsNumeral(char c) => c is >= '0' and <= '9' or >= '０' and <= '９'
        or '一' or '二' or '三' or '四' or '五' or '六' or '七' or '八' or '九' or '十' or '百' or '零' or '〇';
}
