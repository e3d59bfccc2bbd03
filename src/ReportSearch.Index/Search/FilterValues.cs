namespace ReportSearch.Index.Search;

/// <summary>How a multi-valued filter is written: repeated, or comma-separated (half- or full-width commas).</summary>
public static class FilterValues
{
    public static IReadOnlyList<string> Split(IEnumerable<string?> raw) =>
        raw.SelectMany(v => (v ?? "").Split([',', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.Ordinal).ToList();
}
