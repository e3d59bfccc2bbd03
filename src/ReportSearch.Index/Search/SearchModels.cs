namespace ReportSearch.Index.Search;

public enum SearchSort { Relevance, Date }

/// <summary>
/// A search as the CLI and GET /api/search ask it. Every filter takes several values: OR within a field, AND across fields;
/// an empty list does not filter. An empty query with at least one filter lists every match, newest first.
/// </summary>
public sealed record SearchRequest(string? Query)
{
    public int Top { get; init; } = 10;
    public int Offset { get; init; }
    public IReadOnlyList<string> Units { get; init; } = [];
    public IReadOnlyList<string> Cities { get; init; } = [];
    public IReadOnlyList<string> Provinces { get; init; } = [];
    public IReadOnlyList<string> Categories { get; init; } = [];
    /// <summary>problem, measure and/or section (the sections of a report in which no problem was recognised).</summary>
    public IReadOnlyList<string> Kinds { get; init; } = [];
    /// <summary>The report's published year.</summary>
    public IReadOnlyList<string> Years { get; init; } = [];
    /// <summary>Inclusive range over the report's publishedDate; reports without a date are left out when a bound is set.</summary>
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public SearchSort Sort { get; init; } = SearchSort.Relevance;
    /// <summary>Also return the hits below the relevance floor, after the others.</summary>
    public bool IncludeLow { get; init; }
    /// <summary>
    /// Mark the matched terms in each hit's snippet (else the snippet is the text's opening, escaped). Comparison asks for
    /// hundreds of hits and only needs which problems matched: highlighting them was most of its search time.
    /// </summary>
    public bool Snippets { get; init; } = true;
    /// <summary>
    /// Count the facets of the matches above the floor (else they are empty). Comparison needs only the hits: counting every
    /// match's values was work for nothing on its path.
    /// </summary>
    public bool Facets { get; init; } = true;

    public bool HasFilters => Units.Count + Cities.Count + Provinces.Count + Categories.Count + Kinds.Count + Years.Count > 0
                              || From is not null || To is not null;
}

/// <summary>
/// The search document of docs/contract.md: <see cref="Total"/> counts the hits at or above the relevance floor,
/// <see cref="Folded"/> those below it.
/// </summary>
public sealed record SearchResult(string Query, int Total, double TookMs, IReadOnlyList<SearchHit> Hits, SearchFacets Facets)
{
    public int Folded { get; init; }
}

public sealed record SearchHit(
    string ReportId, string? Unit, string? City, string? Province, string ProblemId, string Kind, string Path,
    string Text, string Snippet, double Score, IReadOnlyList<string> Categories)
{
    public string? MeasureId { get; init; }
    public string? PublishedDate { get; init; }
    /// <summary>The query's words or thesaurus equivalents found in the hit, in query order; empty when only the vector matched.</summary>
    public IReadOnlyList<string> MatchedTerms { get; init; } = [];
    /// <summary>terms, vector or both.</summary>
    public string MatchedBy { get; init; } = "terms";
    public bool LowRelevance { get; init; }
}

/// <summary>
/// Counts over the matches at or above the floor. A field's counts apply every filter but that field's own, so a
/// multi-select list keeps showing the values one could add.
/// </summary>
public sealed record SearchFacets(
    IReadOnlyDictionary<string, int> Unit, IReadOnlyDictionary<string, int> City, IReadOnlyDictionary<string, int> Province,
    IReadOnlyDictionary<string, int> Category, IReadOnlyDictionary<string, int> Kind, IReadOnlyDictionary<string, int> Year);
