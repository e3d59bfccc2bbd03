using System.Reflection;

namespace ReportSearch.Core.Parsing;

/// <summary>A province-level or prefecture-level division with the province it belongs to.</summary>
public sealed record Place(string Name, string Kind, string Province)
{
    public bool IsProvince => Kind is "province" or "municipality";
    public bool IsCity => Kind is "prefecture" or "municipality";
}

/// <summary>
/// All provinces and prefecture-level divisions under their standard names (Data/gazetteer.tsv), so a report that
/// names only 西安市 still gets 陕西省. County-level names are not listed: a unit's county is read from its own text.
/// </summary>
public sealed class Gazetteer
{
    private readonly List<Place> _places;

    public Gazetteer(IEnumerable<Place> places) =>
        // Longest first so 海南藏族自治州 wins over 海南省's prefix and 吉林市 is found after 吉林省 is stripped.
        _places = places.OrderByDescending(p => p.Name.Length).ToList();

    public static Gazetteer Default { get; } = Load();

    public IReadOnlyList<Place> Places => _places;

    /// <summary>The place whose name <paramref name="text"/> starts with at <paramref name="at"/>, preferring <paramref name="kind"/>.</summary>
    public Place? MatchAt(string text, int at, Func<Place, bool> kind) =>
        _places.FirstOrDefault(p => kind(p) && string.CompareOrdinal(text, at, p.Name, 0, p.Name.Length) == 0);

    private static Gazetteer Load()
    {
        const string name = "ReportSearch.Data.gazetteer.tsv";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing from the build");
        using var reader = new StreamReader(stream);
        var places = new List<Place>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var cols = line.Split('\t');
            places.Add(new Place(cols[0], cols[1], cols[2]));
        }
        return new Gazetteer(places);
    }
}
