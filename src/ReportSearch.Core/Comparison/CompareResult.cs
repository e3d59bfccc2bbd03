using ReportSearch.Core.Model;

namespace ReportSearch.Core.Comparison;

/// <summary>
/// The compare document of CONTRACT.md: how each report addressed the problems matching a query (or similar to a
/// given problem), best-matching report first, and the measures of all reports lined up by what kind of thing they do.
/// </summary>
public sealed record CompareResult
{
    public required string Query { get; init; }
    /// <summary>The problem the comparison started from (<c>--problem</c>, /api/problems/{id}/similar), else null.</summary>
    public string? ProblemId { get; init; }
    public IReadOnlyList<CompareGroup> Groups { get; init; } = [];
    /// <summary>One row per measure type present, then <c>other</c> for measures that fit none.</summary>
    public IReadOnlyList<AlignmentRow> Alignment { get; init; } = [];
}

/// <summary>One report's answer to the query.</summary>
public sealed record CompareGroup
{
    public required string ReportId { get; init; }
    public string? Unit { get; init; }
    public string? City { get; init; }
    public string? Province { get; init; }
    public DateOnly? PublishedDate { get; init; }
    public string? Title { get; init; }
    /// <summary>The best match's score: the groups' order.</summary>
    public double BestScore { get; init; }
    public IReadOnlyList<CompareMatch> Matches { get; init; } = [];
}

/// <summary>A problem of the report that matches, with everything done about it.</summary>
public sealed record CompareMatch
{
    public required string ProblemId { get; init; }
    public string? Path { get; init; }
    public string? Aspect { get; init; }
    public required string Statement { get; init; }
    public double Score { get; init; }
    public IReadOnlyList<string> Categories { get; init; } = [];
    public IReadOnlyList<ComparedMeasure> Measures { get; init; } = [];
}

/// <summary>A measure as the comparison shows it: the report's measure plus its measure types.</summary>
public sealed record ComparedMeasure
{
    public required string Id { get; init; }
    public string? Ordinal { get; init; }
    public required string Text { get; init; }
    public IReadOnlyList<string> Documents { get; init; } = [];
    public IReadOnlyList<Quantity> Quantities { get; init; } = [];
    public string? Status { get; init; }
    /// <summary>The primary measure type id, or null when the measure fits no type.</summary>
    public string? Type { get; init; }
    /// <summary>Chinese name of <see cref="Type"/>; 未归类 when it is null.</summary>
    public required string TypeName { get; init; }
    /// <summary>Every type the measure fits, primary first.</summary>
    public IReadOnlyList<string> Types { get; init; } = [];
}

/// <summary>One measure type across the compared reports: which measures of each report do that kind of thing.</summary>
public sealed record AlignmentRow
{
    public required string Type { get; init; }
    public required string Name { get; init; }
    /// <summary>One cell per group, in the groups' order; a report that did nothing of the kind has an empty cell.</summary>
    public IReadOnlyList<AlignmentCell> Cells { get; init; } = [];
    /// <summary>Units (or report ids, when a unit is unknown) with no measure of this type: what the others did and they did not.</summary>
    public IReadOnlyList<string> MissingIn { get; init; } = [];
}

public sealed record AlignmentCell
{
    public required string ReportId { get; init; }
    public string? Unit { get; init; }
    /// <summary>Measures of this report that fit the type (as primary or secondary type).</summary>
    public IReadOnlyList<string> MeasureIds { get; init; } = [];
    /// <summary>Those among <see cref="MeasureIds"/> whose primary type it is.</summary>
    public IReadOnlyList<string> PrimaryMeasureIds { get; init; } = [];
}
