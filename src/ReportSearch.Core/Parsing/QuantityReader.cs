using System.Globalization;
using System.Text.RegularExpressions;
using ReportSearch.Core.Model;
using ReportSearch.Core.Text;

namespace ReportSearch.Core.Parsing;

/// <summary>
/// Reads the numbers a measure reports with their units: 187人, 94.81%, 2.03公里, 1200元/月.
/// The rule: <see cref="Quantity.Value"/> is the number in the unit's base form — the magnitude characters
/// 千/万/亿 are multiplied in and dropped from the unit (650多万元 → 6500000 元, 14万㎡ → 140000 ㎡);
/// approximation words (多, 余, 约, 左右) are dropped from the value; <see cref="Quantity.Text"/> keeps the wording.
/// Dates (年/月/日) and ordinals (第5次) are not quantities.
/// </summary>
public static partial class QuantityReader
{
    // Longer units first so 人次 is not read as 人, 平方米 not as 米.
    [GeneratedRegex(@"(?<![\d.第])(?<num>\d+(?:\.\d+)?)(?<approx1>多|余)?(?<mag>[千万亿]{1,2})?(?<approx2>多|余)?(?<unit>平方公里|平方米|公里|人次|台次|个工作日|工作日|小时|公顷|吨|㎡|米|亩|元|%|人|名|个|家|件|宗|项|次|处|户|条|起|辆|台|张|座|间|所|份|批|期|轮|栋|套|场|篇|册|眼|千瓦)(?<per>/(?:月|日|年|天|人|次))?")]
    private static partial Regex Pattern();

    public static List<Quantity> Find(Passage text)
    {
        var found = new List<Quantity>();
        foreach (Match m in Pattern().Matches(text.Normal))
        {
            if (!decimal.TryParse(m.Groups["num"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
                continue;
            foreach (var c in m.Groups["mag"].Value) value *= Magnitude(c);
            found.Add(new Quantity(value, m.Groups["unit"].Value + m.Groups["per"].Value, text.Original.Substring(m.Index, m.Length)));
        }
        return found;
    }

    private static decimal Magnitude(char c) => c switch
    {
        '千' => 1_000m,
        '万' => 10_000m,
        _ => 100_000_000m,
    };
}
