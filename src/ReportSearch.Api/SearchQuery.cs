using System.Globalization;
using ReportSearch.Core;
using ReportSearch.Index.Search;

namespace ReportSearch.Api;

/// <summary>Reads GET /api/search's query string into a <see cref="SearchRequest"/>, rejecting malformed values by name.</summary>
internal static class SearchQuery
{
    public static SearchRequest From(IQueryCollection query) => new(query["q"].FirstOrDefault())
    {
        Top = Int(query, "top", 10, 1, 1000),
        Unit = Text(query, "unit"),
        City = Text(query, "city"),
        Province = Text(query, "province"),
        Category = Text(query, "category"),
        Kind = Text(query, "kind"),
        From = Date(query, "from"),
        To = Date(query, "to"),
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
