using ReportSearch.Core.Model;

namespace ReportSearch.Core.Parsing;

/// <summary>
/// Splits an inspected unit's name as written (佛山市高明区) into province, city and the unit itself, and says
/// which level it is. Only what the text and the gazetteer support is filled; the rest stays null.
/// </summary>
public sealed class UnitResolver(Gazetteer gazetteer)
{
    private static readonly string[] CountySuffixes = ["自治县", "自治旗", "林区", "特区", "区", "县", "旗", "市"];

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
            return new(city.Name, shown, city.Name, provinceName, city.Kind == "municipality" ? "province" : "city");
        if (rest.Length == 0 && province is not null)
            return new(province.Name, province.Name, null, province.Name, "province");
        var level = CountySuffixes.Any(rest.EndsWith) && !rest.Contains('委') && !rest.Contains('局') ? "county" : "other";
        return new(rest, shown, city?.Name, provinceName, level);
    }
}
