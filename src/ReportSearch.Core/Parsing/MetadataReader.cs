using System.Text.RegularExpressions;
using ReportSearch.Core.Model;
using ReportSearch.Core.Text;

namespace ReportSearch.Core.Parsing;

/// <summary>The report's facts about itself, as read from its text.</summary>
public sealed record ReportMetadata(string? Title, InspectedUnit Unit, Inspection Inspection, DateOnly? PublishedDate, string? Issuer);

/// <summary>
/// Reads who was inspected, by whom and when from the opening paragraph ("根据省委统一部署,2020年10月21日至12月15日,
/// 省委第三巡视组对西安市高陵区开展了常规巡视。2021年2月23日反馈了巡视意见"), the round from the breadcrumb or opening,
/// and issuer and publication date from the signature. Nothing is filled that the text does not state.
/// </summary>
public sealed partial class MetadataReader(UnitResolver units)
{
    [GeneratedRegex(@"(?<body>中央|省委|自治区党委|市委|州委|盟委|区委|县委|旗委)第[一二三四五六七八九十]{1,3}(?:巡视|巡察)组")]
    private static partial Regex Team();

    [GeneratedRegex(@"(?:[一二三四五六七八九十]{1,3}届)?(?:中央|省委|自治区党委|市委|州委|区委|县委)第[一二三四五六七八九十]{1,3}轮")]
    private static partial Regex Round();

    [GeneratedRegex(@"对(?<unit>[^,。;:、\s]{2,30}?)(?:党委|党组|委员会)?(?:开展了?|进行了?|实施了?)(?:为期[^,。]*)?(?:常规|专项|机动|提级|交叉)?(?:巡视|巡察)")]
    private static partial Regex Unit();

    [GeneratedRegex(@"(?<y1>\d{4})年(?<m1>\d{1,2})月(?<d1>\d{1,2})日\s*(?:至|到|-|~)\s*(?:(?<y2>\d{4})年)?(?<m2>\d{1,2})月(?<d2>\d{1,2})日")]
    private static partial Regex Period();

    [GeneratedRegex(@"(?<y>\d{4})年(?<m>\d{1,2})月(?<d>\d{1,2})日[^。]{0,40}?反馈")]
    private static partial Regex Feedback();

    [GeneratedRegex(@"^中共(?<unit>.+?(?:区|县|市|旗))委$")]
    private static partial Regex PartyCommittee();

    public ReportMetadata Read(string? title, string opening, PageFurniture furniture, IReadOnlyList<Passage> closing)
    {
        var team = Team().Match(opening);
        var period = Period().Match(opening);
        var feedback = Feedback().Match(opening);
        var round = Round().Match(string.Join("\n", furniture.Breadcrumb, title, opening));
        var (issuer, signed) = Signature(closing);

        var unitName = Unit().Match(opening) is { Success: true } u ? u.Groups["unit"].Value
            : issuer is not null && PartyCommittee().Match(issuer) is { Success: true } p ? p.Groups["unit"].Value
            : null;

        DateOnly? start = null, end = null;
        if (period.Success)
        {
            start = Dates.Create(period.Groups["y1"].Value, period.Groups["m1"].Value, period.Groups["d1"].Value);
            var endYear = period.Groups["y2"].Success ? period.Groups["y2"].Value : period.Groups["y1"].Value;
            end = Dates.Create(endYear, period.Groups["m2"].Value, period.Groups["d2"].Value);
        }

        var inspection = new Inspection(
            team.Success ? team.Groups["body"].Value : null,
            team.Success ? team.Value : null,
            round.Success ? round.Value : null,
            start,
            end,
            feedback.Success ? Dates.Create(feedback.Groups["y"].Value, feedback.Groups["m"].Value, feedback.Groups["d"].Value) : null);

        return new ReportMetadata(title, units.Resolve(unitName), inspection, signed ?? furniture.PageDate, issuer);
    }

    /// <summary>The signature: a date line at the end, and the issuer on the line above it.</summary>
    private static (string? Issuer, DateOnly? Date) Signature(IReadOnlyList<Passage> closing)
    {
        for (var i = closing.Count - 1; i >= 0; i--)
        {
            var line = closing[i].Trim();
            if (!ClosingSplitter.DateLine().IsMatch(line.Normal)) continue;
            var date = PageFurnitureFilter.ParseDate(line.Normal);
            var above = i > 0 ? closing[i - 1].Trim() : null;
            var issuer = above is not null && ClosingSplitter.IsIssuerLine(above.Normal) ? above.Original : null;
            return (issuer, date);
        }
        var last = closing.LastOrDefault(p => ClosingSplitter.IsIssuerLine(p.Trim().Normal));
        return (last?.Trim().Original, null);
    }
}
