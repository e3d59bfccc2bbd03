using System.Text.RegularExpressions;
using ReportSearch.Core.Model;
using ReportSearch.Core.Text;

namespace ReportSearch.Core.Parsing;

/// <summary>The report's facts about itself, as read from its text.</summary>
public sealed record ReportMetadata(string? Title, InspectedUnit Unit, Inspection Inspection, DateOnly? PublishedDate, string? Issuer);

/// <summary>
/// Reads who was inspected, by whom and when from the opening paragraph ("根据省委统一部署,2020年10月21日至12月15日,
/// 省委第三巡视组对西安市高陵区开展了常规巡视。2021年2月23日反馈了巡视意见"), the round from the breadcrumb, title or
/// opening, the issuer from the signature, the title or the page's 发布机构, and the publication date from the signature,
/// the page's date fields, the title or the breadcrumb. Nothing is filled that the text does not state.
/// </summary>
public sealed partial class MetadataReader(UnitResolver units)
{
    // A team is numbered ("市委第四巡察组", "区委专项巡察第二组") or, for a special inspection, named by its subject
    // ("区委营商环境专项巡察组"). A ministry inspects the universities and bodies under it with teams of its own, named
    // after it ("教育部第三巡视组", "教育部党组第六巡视组"); its name starts a clause, so that the words before it in
    // "根据教育部巡视工作统一部署,教育部第三巡视组" stay out.
    [GeneratedRegex(@"(?<body>中央|省委|自治区党委|市委|州委|盟委|区委|县委|旗委)(?:第[一二三四五六七八九十]{1,3}(?:专项|机动|联动|提级)?(?:巡视|巡察)组|(?:专项|机动|联动|提级)(?:巡视|巡察)第?[一二三四五六七八九十]{1,3}组|[\u3400-\u9fff-[第委对]]{2,10}?专项(?:巡视|巡察)组)|(?<=^|[\s,,。;;::、(]|[年月日由经])(?<body>[\u3400-\u9fff-[第委对部]]{1,8}部)(?:党组)?第[一二三四五六七八九十]{1,3}巡视组")]
    private static partial Regex Team();

    // Who ordered the inspection, when no team is named: "根据区委统一部署", "根据四届区委第二轮巡察工作统一部署".
    [GeneratedRegex(@"(?:根据|按照)(?:[一二三四五六七八九十]{1,3}届)?(?<body>党中央|中央|省委|自治区党委|市委|州委|区委|县委|旗委)(?:第[一二三四五六七八九十]{1,3}轮(?:巡视|巡察)(?:工作)?)?(?:的)?(?:统一)?(?:部署|安排)")]
    private static partial Regex OrderedBy();

    [GeneratedRegex(@"(?:[一二三四五六七八九十]{1,3}届)?(?:中央|省委|自治区党委|市委|州委|区委|县委)第[一二三四五六七八九十]{1,3}轮")]
    private static partial Regex Round();

    // The verb of an inspection after the body named: "进行了巡察", "开展了为期两个月的常规巡视".
    private const string Inspected = @"(?:开展了?|进行了?|实施了?)(?:为期[^,。]*)?(?:常规|专项|机动|提级|交叉|政治)?(?:巡视|巡察)";

    // A body with two names gives the second in brackets after its party organisation: "对省教育厅党组(省委教育工委)开展了巡视";
    // a short name comes in brackets too: "(以下简称…)", "(简称明珠湾管理局)".
    [GeneratedRegex(@"对(?<unit>[^,。;:、()\s]{2,30}?)(?:\((?:以下)?简称[^)]{1,20}\))?(?:党委|党组|委员会)?(?:\([^)]{1,20}\))?" + Inspected)]
    private static partial Regex Unit();

    // A body inspected together with the organisations under it names itself first: "对洪梅镇党委及洪屋涡、梅沙…十个村
    // (社区)党组织进行了巡察" (a town with its villages).
    [GeneratedRegex(@"对(?<unit>[^,。;:、()\s]{2,30}?)(?:党委|党组|党工委)及[^。]{1,120}?党组织" + Inspected)]
    private static partial Regex UnitWithSubordinates();

    [GeneratedRegex(@"(?<y1>\d{4})年(?<m1>\d{1,2})月(?<d1>\d{1,2})日\s*(?:至|到|-|~)\s*(?:(?<y2>\d{4})年)?(?<m2>\d{1,2})月(?<d2>\d{1,2})日")]
    private static partial Regex Period();

    // A date as reports write it; the year is often left out when the sentence already gave it ("并于12月22日进行了反馈").
    [GeneratedRegex(@"(?:(?<y>\d{4})年)?(?<m>\d{1,2})月(?<d>\d{1,2})日")]
    private static partial Regex DateInText();

    // The issuing party organisation and the body it stands for: 中共上海市徐汇区委员会 → 上海市徐汇区; a zone or
    // sub-district is led by a working committee (中共武汉经开区党工委 → 武汉经开区).
    [GeneratedRegex(@"^中共(?<unit>.+?)(?:委员会|党委|党组|党工委|(?<=[区县市旗州省])委)$")]
    private static partial Regex PartyOrganisation();

    // The title names its issuer before 关于: "中共三门峡市文化广电和旅游局党组关于…", "徐庄镇党委关于…".
    [GeneratedRegex(@"^(?<issuer>(?<formal>中共)?(?<unit>.{2,30}?)(?:委员会|党委|党组|党工委|(?<=[区县市旗州省])委))关于")]
    private static partial Regex TitleIssuer();

    // The inspected body named from the inside ("对我单位进行了巡察", "对本局"): the issuer itself.
    [GeneratedRegex(@"^(?:我|本)(?:单位|局|委|办|厅|部|院|校|公司|集团|中心|镇|乡|街道)$")]
    private static partial Regex FirstPerson();

    public ReportMetadata Read(ReportTitle? title, string opening, PageFurniture furniture, IReadOnlyList<Passage> closing)
    {
        title ??= furniture.Field("标题", "文件名称") is { } fielded ? new ReportTitle(fielded, null) : null;
        opening = LostDateMarks.Restore(opening);
        var team = Team().Match(opening);
        var period = Period().Match(opening);
        var round = Round().Match(string.Join("\n", furniture.Breadcrumb, title?.Text, opening));
        var (signer, signed) = Signature(closing);
        var titleIssuer = title is null ? null : TitleIssuer().Match(title.Text);
        var issuer = signer
            ?? (titleIssuer is { Success: true } && titleIssuer.Groups["formal"].Success ? titleIssuer.Groups["issuer"].Value : null)
            ?? (furniture.Field("发布机构") is { } publisher && PartyOrganisation().IsMatch(publisher) ? publisher : null);

        var issuerUnit = issuer is not null && PartyOrganisation().Match(issuer) is { Success: true } p ? p.Groups["unit"].Value
            : titleIssuer is { Success: true } ? titleIssuer.Groups["unit"].Value
            : null;
        var unit = units.Resolve(ChooseUnit(InspectedName(opening), issuerUnit));

        DateOnly? start = null, end = null;
        if (period.Success)
        {
            start = Dates.Create(period.Groups["y1"].Value, period.Groups["m1"].Value, period.Groups["d1"].Value);
            var endYear = period.Groups["y2"].Success ? period.Groups["y2"].Value : period.Groups["y1"].Value;
            end = Dates.Create(endYear, period.Groups["m2"].Value, period.Groups["d2"].Value);
        }
        var body = team.Success ? team.Groups["body"].Value
            : OrderedBy().Match(opening) is { Success: true } o ? o.Groups["body"].Value.Replace("党中央", "中央")
            : null;

        var inspection = new Inspection(body, team.Success ? team.Value : null, round.Success ? round.Value : null,
            start, end, FeedbackDate(opening, period, end));
        var published = signed ?? furniture.PageDate ?? title?.Date ?? PageFurnitureFilter.ParseDate(furniture.Breadcrumb ?? "");
        return new ReportMetadata(title?.Text, unit, inspection, published, issuer);
    }

    /// <summary>
    /// The inspected body as the opening names it ("对长宁区委进行了巡视" → 长宁区; "对中共上海虹桥国际中央商务区管理委员会
    /// 党组开展专项巡视" → 上海虹桥国际中央商务区管理委员会: 中共 names the party organisation of that body); none when
    /// the opening says 我单位, which leaves the issuer's name.
    /// </summary>
    private static string? InspectedName(string opening)
    {
        var m = Unit().Match(opening);
        if (!m.Success) m = UnitWithSubordinates().Match(opening);
        if (!m.Success) return null;
        var name = m.Groups["unit"].Value;
        if (FirstPerson().IsMatch(name)) return null;
        if (name.StartsWith("中共", StringComparison.Ordinal) && name.Length > 4) name = name[2..];
        // 区委, 县委: the district's committee stands for the district.
        return name.Length > 2 && name[^1] == '委' && "区县市旗州".Contains(name[^2]) ? name[..^1] : name;
    }

    /// <summary>
    /// The opening's name for the inspected body, unless the issuer's name is the same body written in full:
    /// 徐汇区 in 上海市徐汇区, or a self-reference like 区文旅体局 (the district's own bureau) when the issuer is
    /// 中共金华市婺城区文化和旅游体育局党组.
    /// </summary>
    private static string? ChooseUnit(string? inspected, string? issuerUnit)
    {
        if (inspected is null) return issuerUnit;
        if (issuerUnit is null) return inspected;
        if (issuerUnit.EndsWith(inspected, StringComparison.Ordinal)) return issuerUnit;
        var selfReference = "省市区县镇乡".Contains(inspected[0]) && issuerUnit.Length > inspected.Length
            && issuerUnit[^1] == inspected[^1];
        return selfReference ? issuerUnit : inspected;
    }

    /// <summary>
    /// The date on which the inspection's findings were fed back: the last date before 反馈 in its sentence, not
    /// counting the visit's period ("于2023年3月29日至6月16日对徐汇区进行了巡视,并于2023年8月29日反馈了巡视意见").
    /// A date without a year takes the year of the last full date before it, and the next year when that would put
    /// the feedback before the end of the visit.
    /// </summary>
    private static DateOnly? FeedbackDate(string opening, Match period, DateOnly? visitEnd)
    {
        for (var at = opening.IndexOf("反馈", StringComparison.Ordinal); at >= 0; at = opening.IndexOf("反馈", at + 2, StringComparison.Ordinal))
        {
            var sentenceStart = opening.LastIndexOf('。', Math.Max(0, at - 1)) + 1;
            Match? last = null;
            foreach (Match d in DateInText().Matches(opening[..at], sentenceStart))
            {
                var inPeriod = period.Success && d.Index >= period.Index && d.Index < period.Index + period.Length;
                if (!inPeriod) last = d;
            }
            if (last is null) continue;
            if (last.Groups["y"].Success) return Dates.Create(last.Groups["y"].Value, last.Groups["m"].Value, last.Groups["d"].Value);
            var year = DateInText().Matches(opening[..last.Index]).LastOrDefault(d => d.Groups["y"].Success)?.Groups["y"].Value;
            if (year is null) continue;
            var date = Dates.Create(year, last.Groups["m"].Value, last.Groups["d"].Value);
            return date is { } f && visitEnd is { } e && f < e ? f.AddYears(1) : date;
        }
        return null;
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
