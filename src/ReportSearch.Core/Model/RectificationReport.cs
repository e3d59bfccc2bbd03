namespace ReportSearch.Core.Model;

/// <summary>
/// One 巡视整改进展情况通报 as parsed: who was inspected, by whom, and problem by problem what was done.
/// Serialised as the Report document of CONTRACT.md (camelCase, absent values null).
/// </summary>
public sealed record RectificationReport
{
    /// <summary>Stable for the same file content: derived from a hash of the bytes.</summary>
    public required string Id { get; init; }
    public string? Title { get; init; }
    public required InspectedUnit Unit { get; init; }
    public required Inspection Inspection { get; init; }
    public DateOnly? PublishedDate { get; init; }
    public string? Issuer { get; init; }
    public IReadOnlyList<Problem> Problems { get; init; } = [];
    /// <summary>Parts that are not problems: the preamble, how rectification was organised, the closing plans.</summary>
    public IReadOnlyList<Section> Sections { get; init; } = [];
    public IReadOnlyList<string> Warnings { get; init; } = [];
    /// <summary>The file name the report came from, for display and for re-indexing.</summary>
    public string? SourceName { get; init; }
    /// <summary>txt, html or docx.</summary>
    public string? Format { get; init; }

    /// <summary>
    /// Whether the text reads as a rectification report at all: problems, or at least the inspection it answers (unit,
    /// team or dates). An opening or a short notice is one without problems; a text with neither is not a report.
    /// </summary>
    public bool IsRecognised() =>
        Problems.Count > 0 || Unit.Name is not null || Inspection.Team is not null || Inspection.Start is not null;
}

/// <summary>The district, city, department, university, enterprise or town that was inspected.</summary>
/// <param name="Kind">What sort of body it is: one of <see cref="UnitKind"/>, or null when the name does not say.</param>
public sealed record InspectedUnit(string? Name, string? FullName, string? City, string? Province, string? Level, string? Kind = null)
{
    public static InspectedUnit Unknown { get; } = new(null, null, null, null, null);
}

/// <summary>The kinds of inspected body (<see cref="InspectedUnit.Kind"/>), read from its name.</summary>
public static class UnitKind
{
    /// <summary>A province, city or county (district) and its party committee: 高陵区, 上海市徐汇区.</summary>
    public const string PartyCommittee = "party_committee";
    /// <summary>A department, bureau or institution of a government or party committee: 武汉市文化和旅游局.</summary>
    public const string Department = "department";
    public const string University = "university";
    /// <summary>A state enterprise or bank: …集团有限公司.</summary>
    public const string Enterprise = "enterprise";
    /// <summary>A town, township or sub-district: 徐庄镇.</summary>
    public const string Town = "town";
}

/// <summary>Which inspection this report answers.</summary>
public sealed record Inspection(string? Body, string? Team, string? Round, DateOnly? Start, DateOnly? End, DateOnly? FeedbackDate)
{
    public static Inspection Unknown { get; } = new(null, null, null, null, null, null);
}

/// <summary>A problem the inspection found, with what the unit did about it.</summary>
public sealed record Problem
{
    public required string Id { get; init; }
    /// <summary>Numbering labels from the top of the report, half-width, joined by '/': 二/(一)/1/(1).</summary>
    public required string Path { get; init; }
    /// <summary>Heading of the aspect the problem sits under (the nearest enclosing heading), or null.</summary>
    public string? Aspect { get; init; }
    /// <summary>Every enclosing heading, outermost first: search needs words that sit only in headings.</summary>
    public IReadOnlyList<string> Headings { get; init; } = [];
    /// <summary>The problem as the inspection stated it.</summary>
    public required string Statement { get; init; }
    /// <summary>Category ids from TAXONOMY.md, primary first.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];
    /// <summary>
    /// Contract extension: the category model's probability per category id (those of at least 0.005, rounded to 4 places),
    /// or null when no model scored the problem (it was never categorised, or it was indexed before the store kept scores).
    /// </summary>
    public IReadOnlyDictionary<string, double>? CategoryScores { get; init; }
    public IReadOnlyList<Measure> Measures { get; init; } = [];
}

/// <summary>One thing done about a problem (一是…, (1)…).</summary>
public sealed record Measure
{
    public required string Id { get; init; }
    /// <summary>一是, (1), or null when the problem has a single unnumbered measure.</summary>
    public string? Ordinal { get; init; }
    public required string Text { get; init; }
    /// <summary>《…》 titles cited, without the brackets' duplicates.</summary>
    public IReadOnlyList<string> Documents { get; init; } = [];
    public IReadOnlyList<Quantity> Quantities { get; init; } = [];
    /// <summary>done, in_progress, planned or null: see <see cref="MeasureStatus"/>.</summary>
    public string? Status { get; init; }
    /// <summary>The (1), (2)… sub-items written inside this measure; their text is also part of <see cref="Text"/>.</summary>
    public IReadOnlyList<MeasureItem> Items { get; init; } = [];
}

/// <summary>A numbered sub-item inside a measure: "(1)", "狠抓学思践悟…".</summary>
public sealed record MeasureItem(string Ordinal, string Text);

/// <summary>A number with its unit as written: 187人, 650多万元, 94.81%.</summary>
public sealed record Quantity(decimal Value, string Unit, string Text);

/// <summary>The status values of CONTRACT.md.</summary>
public static class MeasureStatus
{
    public const string Done = "done";
    public const string InProgress = "in_progress";
    public const string Planned = "planned";
}

/// <summary>A part of the report that is not a problem.</summary>
public sealed record Section(string Path, string? Heading, string Text, string Kind);

/// <summary>The kinds of <see cref="Section"/>.</summary>
public static class SectionKind
{
    public const string Preamble = "preamble";
    public const string Organisation = "organisation";
    public const string Plans = "plans";
    public const string Closing = "closing";
    public const string Other = "other";
}
