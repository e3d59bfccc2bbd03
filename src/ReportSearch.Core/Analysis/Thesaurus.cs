namespace ReportSearch.Core.Analysis;

/// <summary>Groups of equivalent terms of the genre (借调 | 混编混岗 | 违规借调). A term may sit in several groups.</summary>
internal sealed class Thesaurus
{
    private readonly Dictionary<string, List<string[]>> _groupsByTerm = new(StringComparer.Ordinal);

    public Thesaurus(IEnumerable<string[]> groups)
    {
        foreach (var group in groups)
        {
            var distinct = group.Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
            if (distinct.Length < 2) continue;
            GroupCount++;
            foreach (var term in distinct)
            {
                if (!_groupsByTerm.TryGetValue(term, out var list)) _groupsByTerm[term] = list = [];
                list.Add(distinct);
            }
        }
    }

    public int GroupCount { get; }

    public IEnumerable<string> Terms => _groupsByTerm.Keys;

    /// <summary>The other terms of every group holding <paramref name="term"/>, in file order.</summary>
    public IEnumerable<string> EquivalentsOf(string term) =>
        _groupsByTerm.TryGetValue(term, out var groups)
            ? groups.SelectMany(g => g).Where(t => t != term).Distinct(StringComparer.Ordinal)
            : [];

    /// <summary>Parses "a | b | c" lines; each term goes through <paramref name="normalize"/> like any text.</summary>
    public static IEnumerable<string[]> ParseGroups(IEnumerable<string> lines, Func<string, string> normalize) =>
        lines.Select(line => line.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(t => normalize(t).Trim()).ToArray());
}
