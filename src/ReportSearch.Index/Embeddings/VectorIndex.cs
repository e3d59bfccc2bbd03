using System.Numerics.Tensors;

namespace ReportSearch.Index.Embeddings;

/// <summary>
/// Exact nearest-neighbour search: every problem's unit vector in one contiguous row-major matrix, scored with SIMD dot
/// products (cosine, as the vectors are normalised), the best k kept by a bounded min-heap. No approximation.
/// </summary>
public sealed class VectorIndex
{
    private readonly float[] _matrix;

    public IReadOnlyList<string> Ids { get; }
    public int Dimensions { get; }
    public int Count => Ids.Count;

    public VectorIndex(IReadOnlyList<(string Id, float[] Vector)> rows)
    {
        Ids = rows.Select(r => r.Id).ToArray();
        Dimensions = rows.Count == 0 ? 0 : rows[0].Vector.Length;
        _matrix = new float[rows.Count * Dimensions];
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Vector.Length != Dimensions)
                throw new InvalidOperationException($"embedding of {rows[i].Id} has {rows[i].Vector.Length} dimensions, expected {Dimensions}");
            rows[i].Vector.CopyTo(_matrix, i * Dimensions);
        }
    }

    public static VectorIndex Empty { get; } = new([]);

    /// <summary>The k rows most similar to <paramref name="query"/> with similarity at least <paramref name="minScore"/>, best first.</summary>
    public IReadOnlyList<(string Id, float Score)> Nearest(ReadOnlySpan<float> query, int k, float minScore = float.NegativeInfinity)
    {
        if (Count == 0 || k <= 0) return [];
        if (query.Length != Dimensions)
            throw new ArgumentException($"query has {query.Length} dimensions, the index {Dimensions}", nameof(query));
        var heap = new PriorityQueue<int, float>(k + 1);
        for (var i = 0; i < Count; i++)
        {
            var score = TensorPrimitives.Dot(query, new ReadOnlySpan<float>(_matrix, i * Dimensions, Dimensions));
            if (score < minScore) continue;
            if (heap.Count < k) heap.Enqueue(i, score);
            else if (heap.TryPeek(out _, out var worst) && score > worst) heap.EnqueueDequeue(i, score);
        }
        var result = new (string, float)[heap.Count];
        for (var j = result.Length - 1; j >= 0; j--)
        {
            heap.TryDequeue(out var row, out var score);
            result[j] = (Ids[row], score);
        }
        return result;
    }

    public static float[] Normalize(float[] v)
    {
        var norm = TensorPrimitives.Norm(v);
        if (norm > 0) TensorPrimitives.Divide(v, norm, v);
        return v;
    }
}
