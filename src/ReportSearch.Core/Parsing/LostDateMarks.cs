using System.Text.RegularExpressions;
using ReportSearch.Core.Text;

namespace ReportSearch.Core.Parsing;

/// <summary>
/// Puts back the 年 and 月 that some pages lose from their dates, leaving the digits run together before 日
/// ("2024717日至830日" for 2024年7月17日至8月30日). A run is rewritten only when exactly one split into month and day
/// (and a year of 19xx/20xx in front) is a real date; 112日 (1月12日 or 11月2日) stays as it is. A page that lost the
/// 日 as well leaves a bare run of digits; that is taken for a date only where a paragraph opens with it, a year first,
/// and a comma follows ("201617,教育部巡视组向…反馈了巡视意见" for 2016年1月7日): a paragraph does not open with a
/// quantity that way.
/// </summary>
public static partial class LostDateMarks
{
    // Three to eight digits before 日 that no 年, 月 or digit precedes: a date written without its marks.
    [GeneratedRegex(@"(?<![\d年月])(?<digits>\d{3,8})日")]
    private static partial Regex RunTogether();

    // A paragraph opening with a year and two to four more digits, then a comma: a date without any of its marks.
    [GeneratedRegex(@"(?m)^(?<digits>(?:19|20)\d{4,6})(?=[,,])")]
    private static partial Regex OpeningRun();

    public static string Restore(string text)
    {
        text = RunTogether().Replace(text, m => Reading(m.Groups["digits"].Value, 7) is { } date ? date + "日" : m.Value);
        return OpeningRun().Replace(text, m => Reading(m.Groups["digits"].Value, 6) is { } date ? date + "日" : m.Value);
    }

    /// <summary>
    /// The digits with 年 and 月 put back ("2024717" → 2024年7月17), or null unless exactly one reading is a real date.
    /// A run of at least <paramref name="withYear"/> digits starting 19/20 begins with its year: seven before 日
    /// (2024717日), six for a bare run at a paragraph's start (201617).
    /// </summary>
    private static string? Reading(string digits, int withYear)
    {
        var hasYear = digits.Length >= withYear && (digits.StartsWith("19", StringComparison.Ordinal) || digits.StartsWith("20", StringComparison.Ordinal));
        var year = hasYear ? digits[..4] : null;
        var monthDay = hasYear ? digits[4..] : digits;
        if (monthDay.Length is < 2 or > 4) return null;
        var splits = Enumerable.Range(1, monthDay.Length - 1)
            .Where(at => at <= 2 && monthDay.Length - at <= 2)
            .Where(at => Dates.Create(year ?? "2000", monthDay[..at], monthDay[at..]) is not null)
            .ToList();
        if (splits.Count != 1) return null;
        var at = splits[0];
        return $"{(year is null ? "" : year + "年")}{int.Parse(monthDay[..at])}月{int.Parse(monthDay[at..])}";
    }
}
