using System.Text.RegularExpressions;
using ReportSearch.Core.Model;

namespace ReportSearch.Core.Parsing;

/// <summary>
/// Splits an inspected unit's name as written (佛山市高明区, 金华市婺城区文化和旅游体育局, 西安科技大学) into province, city
/// and the unit itself, and says which level and kind of body it is. Only what the text and the gazetteer support is
/// filled; the rest stays null.
/// </summary>
public sealed partial class UnitResolver(Gazetteer gazetteer)
{
    private static readonly string[] CountySuffixes = ["自治县", "自治旗", "林区", "特区", "区", "县", "旗", "市"];

    // A county-level division at the start of what follows the city: 婺城区文化和旅游体育局 (not 城市管理局).
    [GeneratedRegex(@"^[\u3400-\u9fff]{2,6}?(?:自治县|自治旗|林区|特区|区|县|旗|市)")]
    private static partial Regex LeadingCounty();

    [GeneratedRegex(@"(?:大学|学院|学校)$")]
    private static partial Regex University();

    [GeneratedRegex(@"(?:公司|集团|银行)$")]
    private static partial Regex Enterprise();

    [GeneratedRegex(@"(?:镇|乡|街道|街道办事处|苏木)$")]
    private static partial Regex Town();

    // A development or new zone, which is named after its city without the 市 (武汉经开区, 南京江北新区).
    [GeneratedRegex(@"(?:开发区|经开区|高新区|新区|园区|管理区|试验区)$")]
    private static partial Regex Zone();

    public InspectedUnit Resolve(string? fullName)
    {
        if (string.IsNullOrWhiteSpace(fullName)) return InspectedUnit.Unknown;
        var at = 0;
        var province = gazetteer.MatchAt(fullName, 0, p => p.IsProvince);
        if (province is not null && province.Kind == "province") at = province.Name.Length;
        var city = gazetteer.MatchAt(fullName, at, p => p.IsCity);
        if (city is not null) at += city.Name.Length;
        var rest = fullName[at..];
        var provinceName = city?.Province ?? province?.Name;
        var shown = fullName[(province?.Kind == "province" ? province.Name.Length : 0)..];

        if (rest.Length == 0 && city is not null)
            return new(city.Name, shown, city.Name, provinceName, city.Kind == "municipality" ? "province" : "city", UnitKind.PartyCommittee);
        if (rest.Length == 0 && province is not null)
            return new(province.Name, province.Name, null, province.Name, "province", UnitKind.PartyCommittee);

        var kind = KindOf(rest);
        var level = kind == UnitKind.PartyCommittee ? "county" : "other";
        if (city is null && province is null) (city, province) = NamedAfter(fullName, kind);
        // A body of the city or province itself keeps the place in its name (武汉市文化和旅游局); a body of a county is
        // named from the county on (婺城区文化和旅游体育局).
        var name = at > 0 && kind != UnitKind.PartyCommittee && !LeadingCounty().IsMatch(rest) ? fullName : rest;
        return new(name, at > 0 && name == fullName ? fullName : shown, city?.Name, city?.Province ?? province?.Name ?? provinceName, level, kind);
    }

    private static string KindOf(string name) =>
        University().IsMatch(name) ? UnitKind.University
        : Enterprise().IsMatch(name) ? UnitKind.Enterprise
        : Town().IsMatch(name) ? UnitKind.Town
        : CountySuffixes.Any(name.EndsWith) && !name.Contains('委') && !name.Contains('局') ? UnitKind.PartyCommittee
        : UnitKind.Department;

    /// <summary>
    /// A university, enterprise, public body or development zone named after its city or province without the 市/省
    /// (西安科技大学, 山东大学, 上海虹桥国际中央商务区管理委员会, 武汉经开区): the place whose short name it starts with,
    /// the province when both a province and a city would fit. A county or a town is never named this way (朝阳区 is
    /// not of 朝阳市).
    /// </summary>
    private (Place? City, Place? Province) NamedAfter(string name, string kind)
    {
        var namedAfterPlace = kind is UnitKind.University or UnitKind.Enterprise or UnitKind.Department
            || (kind == UnitKind.PartyCommittee && Zone().IsMatch(name));
        if (!namedAfterPlace) return (null, null);
        var match = gazetteer.Places
            .Where(p => p.Name.Length >= 3 && (p.Name.EndsWith('市') || p.Name.EndsWith('省')))
            .Where(p => name.StartsWith(p.Name[..^1], StringComparison.Ordinal))
            .OrderBy(p => p.IsProvince && !p.IsCity ? 0 : 1)
            .FirstOrDefault();
        return match is null ? (null, null) : match.IsCity ? (match, null) : (null, match);
    }
}
