namespace ReportSearch.Index.Search;

/// <summary>A search as the CLI and GET /api/search ask it. Null filters do not filter.</summary>
public sealed record SearchRequest(string? Query)
{
    public int Top { get; init; } = 10;
    public string? Unit { get; init; }
    public string? City { get; init; }
    public string? Province { get; init; }
    public string? Category { get; init; }
    /// <summary>problem or measure; null for both.</summary>
    public string? Kind { get; init; }
    /// <summary>Inclusive range over the report's publishedDate; reports without a date are left out when a bound is set.</summary>
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
}

/// <summary>The search document of CONTRACT.md.</summary>
public sealed record SearchResult(string Query, int Total, double TookMs, IReadOnlyList<SearchHit> Hits, SearchFacets Facets);

public sealed record SearchHit(
    string ReportId, string? Unit, string? City, string? Province, string ProblemId, string Kind, string Path,
    string Text, string Snippet, double Score, IReadOnlyList<string> Categories)
{
    public string? MeasureId { get; init; }
    public string? PublishedDate { get; init; }
}

/// <summary>Counts over every match (not only the page shown).</summary>
public sealed record SearchFacets(
    IReadOnlyDictionary<string, int> Unit, IReadOnlyDictionary<string, int> Category, IReadOnlyDictionary<string, int> Province);
