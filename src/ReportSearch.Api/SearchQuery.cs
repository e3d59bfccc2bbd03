using System.Globalization;
using ReportSearch.Core;
using ReportSearch.Index.Search;

namespace ReportSearch.Api;

/// <summary>Reads GET /api/search's query string into a <see cref="SearchRequest"/>, rejecting malformed values by name.</summary>
internal static class SearchQuery
{
    public static SearchRequest From(IQueryCollection query) => new(query["q"].FirstOrDefault())
    {
        Top = Int(query, "top", 10, 1, 100),
        Offset = Int(query, "offset", 0, 0, 100_000),
        Units = FilterValues.Split(query["unit"]),
        Cities = FilterValues.Split(query["city"]),
        Provinces = FilterValues.Split(query["province"]),
        Categories = FilterValues.Split(query["category"]),
        Kinds = FilterValues.Split(query["kind"]),
        Years = FilterValues.Split(query["year"]),
        From = Date(query, "from"),
        To = Date(query, "to"),
        Sort = Text(query, "sort") switch
        {
            null or "relevance" => SearchSort.Relevance,
            "date" => SearchSort.Date,
            var other => throw new InputRejectedException($"'sort' must be relevance or date, not '{other}'"),
        },
        IncludeLow = Text(query, "low") is { } low && (low == "true" || low == "1"
            ? true
            : low is "false" or "0" ? false : throw new InputRejectedException($"'low' must be true or false, not '{low}'")),
    };

    public static string? Text(IQueryCollection query, string name) =>
        query[name].FirstOrDefault() is { Length: > 0 } value ? value : null;

    public static int Int(IQueryCollection query, string name, int fallback, int min, int max)
    {
        var raw = Text(query, name);
        if (raw is null) return fallback;
        return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new InputRejectedException($"'{name}' must be a whole number from {min} to {max}, not '{raw}'");
    }

    private static DateOnly? Date(IQueryCollection query, string name)
    {
        var raw = Text(query, name);
        if (raw is null) return null;
        return DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new InputRejectedException($"'{name}' must be a date written yyyy-MM-dd, not '{raw}'");
    }
}
