namespace ReportSearch.Core.Classification;

/// <summary>One category of TAXONOMY.md: a stable id, the Chinese name the UI shows, what belongs there, and terms typical of it.</summary>
public sealed record Category(string Id, string Name, string Description, IReadOnlyList<string> Terms);

/// <summary>The category scheme of TAXONOMY.md, kept as Data/taxonomy.tsv; ids are API values and never change.</summary>
public sealed class Taxonomy
{
    private readonly Dictionary<string, Category> _byId;

    public IReadOnlyList<Category> Categories { get; }

    public Taxonomy(IReadOnlyList<Category> categories)
    {
        Categories = categories;
        _byId = categories.ToDictionary(c => c.Id, StringComparer.Ordinal);
    }

    public static Taxonomy Default { get; } = Load();

    public bool Contains(string id) => _byId.ContainsKey(id);

    public Category this[string id] => _byId.TryGetValue(id, out var c)
        ? c
        : throw new KeyNotFoundException($"unknown category '{id}'; the ids are those of TAXONOMY.md");

    private static Taxonomy Load() => new(DataFile.ReadTsv("taxonomy.tsv", 4)
        .Select(r => new Category(r[0], r[1], r[2], r[3].Split(' ', StringSplitOptions.RemoveEmptyEntries)))
        .ToList());
}
