using ReportSearch.Core.Classification;

namespace ReportSearch.Api;

/// <summary>GET /api/categories: the scheme of TAXONOMY.md with how many indexed problems carry each category.</summary>
internal sealed record CategoryScheme(IReadOnlyList<CategoryEntry> Categories)
{
    public static CategoryScheme Of(IReadOnlyDictionary<string, (int Problems, int Primary)> counts) =>
        new(Taxonomy.Default.Categories
            .Select(c => counts.TryGetValue(c.Id, out var n)
                ? new CategoryEntry(c.Id, c.Name, c.Description, n.Problems, n.Primary)
                : new CategoryEntry(c.Id, c.Name, c.Description, 0, 0))
            .ToList());
}

internal sealed record CategoryEntry(string Id, string Name, string Description, int Problems, int Primary);

/// <summary>The body of PUT /api/problems/{id}/categories: category ids, primary first.</summary>
internal sealed record CategoryChange(IReadOnlyList<string>? Categories);
