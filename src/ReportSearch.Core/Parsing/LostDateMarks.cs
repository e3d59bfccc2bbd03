using System.Text.RegularExpressions;
using ReportSearch.Core.Text;

namespace ReportSearch.Core.Parsing;

/// <summary>
/// Puts back the 年 and 月 that some pages lose from their dates, leaving the digits run together before 日
/// ("2024717日至830日" for 2024年7月17日至8月30日). A run is rewritten only when exactly one split into month and day
/// (and a year of 19xx/20xx in front) is a real date; 112日 (1月12日 or 11月2日) stays as it is.
/// </summary>
public static partial class LostDateMarks
{
    // Three to eight digits before 日 that no 年, 月 or digit precedes: a date written without its marks.
    [GeneratedRegex(@"(?<![\d年月])(?<digits>\d{3,8})日")]
    private static partial Regex RunTogether();

    public static string Restore(string text) => RunTogether().Replace(text, m =>
    {
        var digits = m.Groups["digits"].Value;
        var hasYear = digits.Length >= 7 && (digits.StartsWith("19", StringComparison.Ordinal) || digits.StartsWith("20", StringComparison.Ordinal));
        var year = hasYear ? digits[..4] : null;
        var monthDay = hasYear ? digits[4..] : digits;
        if (monthDay.Length is < 2 or > 4) return m.Value;
        var splits = Enumerable.Range(1, monthDay.Length - 1)
            .Where(at => at <= 2 && monthDay.Length - at <= 2)
            .Where(at => Dates.Create(year ?? "2000", monthDay[..at], monthDay[at..]) is not null)
            .ToList();
        if (splits.Count != 1) return m.Value;
        var at = splits[0];
        return $"{(year is null ? "" : year + "年")}{int.Parse(monthDay[..at])}月{int.Parse(monthDay[at..])}日";
    });
}
