using Microsoft.Data.Sqlite;
using ReportSearch.Index.Embeddings;
using ReportSearch.Index.Storage;

namespace ReportSearch.Index.Tests;

/// <summary>Vectors are stored as 16-bit floats: half the bytes, and the seeds' problems keep their neighbours.</summary>
public sealed class StoredVectorTests
{
    [Fact]
    public async Task Stored_vectors_take_two_bytes_a_dimension_and_every_seed_problem_keeps_its_nearest_neighbours()
    {
        using var t = new TestIndex();
        await t.IndexSeedsAsync();
        await t.Index.Embeddings.RefreshAsync();
        var model = Assert.IsType<LsaEmbeddingGenerator>(t.Index.Embeddings.CurrentSpace()!.Generator).Model;

        using (var c = t.Store.Connect())
        {
            Assert.Equal((long)model.Dimensions * 2, IndexStore.Scalar(c, null, "SELECT max(length(vector)) FROM embeddings;"));
            Assert.Equal(16L, IndexStore.Scalar(c, null, "SELECT min(bits) FROM embeddings;"));
        }

        // The same problems embedded afresh in 32-bit floats, as they were before they were stored.
        var exact = t.Store.ProblemsLackingEmbedding("none")
            .Select(p => (p.ProblemId, Vector: model.Embed(p.Text, TestIndex.Analyzer))).OrderBy(r => r.ProblemId, StringComparer.Ordinal).ToList();
        var stored = t.Store.LoadEmbeddings(model.Version);
        Assert.Equal(exact.Select(r => r.ProblemId), stored.Select(r => r.ProblemId));
        Assert.All(exact.Zip(stored), p => Assert.All(p.First.Vector.Zip(p.Second.Vector), c => Assert.True(Math.Abs(c.First - c.Second) < 1e-3)));

        // Each problem's five nearest, searched with its exact vector: the stored vectors may swap only near-ties, a
        // neighbour whose exact score is within 2·10⁻³ of the fifth's.
        var fromExact = new VectorIndex(exact);
        var fromStored = new VectorIndex(stored);
        var exactById = exact.ToDictionary(r => r.ProblemId, r => r.Vector);
        var same = 0;
        foreach (var (id, query) in exact)
        {
            var truth = fromExact.Nearest(query, 5);
            var got = fromStored.Nearest(query, 5);
            if (truth.Select(n => n.Id).Order().SequenceEqual(got.Select(n => n.Id).Order())) same++;
            foreach (var n in got.Where(g => truth.All(x => x.Id != g.Id)))
            {
                var score = System.Numerics.Tensors.TensorPrimitives.Dot(query, exactById[n.Id]);
                Assert.True(score >= truth[^1].Score - 2e-3, $"{id}: {n.Id} at {score} came in for the fifth at {truth[^1].Score}");
            }
        }
        Assert.True(same >= exact.Count * 0.95, $"{same} of {exact.Count} problems kept their five nearest");
    }

    [Fact]
    public async Task Vectors_written_as_32_bit_floats_before_schema_6_read_back_exactly()
    {
        using var t = new TestIndex();
        await t.IndexSeedsAsync();
        var problem = t.Store.ProblemsLackingEmbedding("none", limit: 1)[0].ProblemId;
        float[] vector = [0.1f, -0.33333334f, 0.6f, 1e-7f];
        using (var c = new SqliteConnection($"Data Source={t.DbPath};Pooling=False"))
        {
            c.Open();
            using var insert = c.CreateCommand();
            // As migrations 6 and 8 carry such a row over: 32 bits, its model's name numbered.
            insert.CommandText = """
                DELETE FROM embeddings WHERE problem_id = $p;
                INSERT INTO embedding_models(name) VALUES('old');
                INSERT INTO embeddings(problem_id, model, vector, bits) VALUES($p, (SELECT id FROM embedding_models WHERE name = 'old'), $v, 32);
                """;
            insert.Parameters.AddWithValue("$p", problem);
            insert.Parameters.AddWithValue("$v", System.Runtime.InteropServices.MemoryMarshal.AsBytes(vector.AsSpan()).ToArray());
            insert.ExecuteNonQuery();
        }
        Assert.Equal(vector, Assert.Single(t.Store.LoadEmbeddings("old")).Vector);
    }
}
