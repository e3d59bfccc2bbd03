using System.Text.Json;
using ReportSearch.Core.Model;
using ReportSearch.Index.Embeddings;
using ReportSearch.Index.Storage;

namespace ReportSearch.Index.Search;

/// <summary>What search filters, facets and labels a passage by, held in memory.</summary>
public sealed record PassageEntry(
    long Id, string Kind, string ReportId, string ProblemId, string? MeasureId, string Path,
    string? Unit, string? City, string? Province, string? PublishedDate, IReadOnlyList<string> Categories);

/// <summary>
/// Passages and problem vectors of one index generation, loaded together so a search never mixes two states of the index.
/// </summary>
internal sealed class PassageCatalog
{
    public long Generation { get; }
    public IReadOnlyDictionary<long, PassageEntry> Passages { get; }
    public IReadOnlyDictionary<string, long> ProblemPassage { get; }
    public VectorIndex Vectors { get; }
    public EmbeddingSpace? Space { get; }

    private PassageCatalog(long generation, IReadOnlyDictionary<long, PassageEntry> passages, VectorIndex vectors, EmbeddingSpace? space)
    {
        Generation = generation;
        Passages = passages;
        ProblemPassage = passages.Values.Where(p => p.Kind == "problem").ToDictionary(p => p.ProblemId, p => p.Id);
        Vectors = vectors;
        Space = space;
    }

    public static PassageCatalog Load(IndexStore store, EmbeddingMaintenance? embeddings)
    {
        var generation = store.Generation();
        using var c = store.Connect();
        var passages = IndexStore.Query(c, IndexSql.SelectPassageCatalog, r => new PassageEntry(
            r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4), r.GetString(5),
            r.IsDBNull(6) ? null : r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7), r.IsDBNull(8) ? null : r.GetString(8),
            r.IsDBNull(9) ? null : r.GetString(9), JsonSerializer.Deserialize<string[]>(r.GetString(10), ReportJson.Compact)!))
            .ToDictionary(p => p.Id);
        var space = embeddings?.CurrentSpace();
        var vectors = space is null ? VectorIndex.Empty : embeddings!.LoadVectors(space);
        return new PassageCatalog(generation, passages, vectors, space);
    }
}
