using System.Numerics.Tensors;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Cloud.Unum.USearch;

namespace ReportSearch.Index.Embeddings;

/// <summary>
/// Nearest-neighbour search over every problem's unit vector, in two passes. The first scores every row of one contiguous
/// int8 matrix (each row scaled to ±127, a quarter of float32's bytes to stream) and keeps a few times k candidates; the
/// second rescores those candidates exactly with <see cref="TensorPrimitives"/> from one contiguous float32 matrix. Scores
/// returned are therefore exact; only the choice of candidates is quantized, which costs almost no recall as the candidate
/// pool is wide (docs/performance.md). Half precision was measured as the rescoring matrix too: it saves a third of the
/// memory but its scores differ from float32 in the fifth decimal, enough to reorder near-ties. Above <see cref="VectorSearchOptions.ApproximateAboveRows"/>
/// the first pass is a USearch HNSW graph instead of the scan.
/// </summary>
public sealed class VectorIndex : IDisposable
{
    private readonly sbyte[] _codes;   // Count × Dimensions, row-major
    private readonly float[] _scales;  // per row: code × scale ≈ component
    private readonly float[] _rows;    // Count × Dimensions, row-major
    private readonly VectorSearchOptions _options;
    private readonly USearchIndex? _graph;

    public IReadOnlyList<string> Ids { get; }
    public int Dimensions { get; }
    public int Count => Ids.Count;
    /// <summary>True when candidates come from the HNSW graph rather than the full scan.</summary>
    public bool IsApproximate => _graph is not null;

    public VectorIndex(IReadOnlyList<(string Id, float[] Vector)> rows, VectorSearchOptions? options = null)
    {
        _options = options ?? new VectorSearchOptions();
        Ids = rows.Select(r => r.Id).ToArray();
        Dimensions = rows.Count == 0 ? 0 : rows[0].Vector.Length;
        _codes = new sbyte[rows.Count * Dimensions];
        _scales = new float[rows.Count];
        _rows = new float[rows.Count * Dimensions];
        for (var i = 0; i < rows.Count; i++)
        {
            var v = rows[i].Vector;
            if (v.Length != Dimensions)
                throw new InvalidOperationException($"embedding of {rows[i].Id} has {v.Length} dimensions, expected {Dimensions}");
            v.CopyTo(_rows, i * Dimensions);
            _scales[i] = Quantize(v, _codes.AsSpan(i * Dimensions, Dimensions));
        }
        if (rows.Count > _options.ApproximateAboveRows) _graph = BuildGraph(rows);
    }

    public static VectorIndex Empty { get; } = new([]);

    /// <summary>The k rows most similar to <paramref name="query"/> with similarity at least <paramref name="minScore"/>, best first.</summary>
    public IReadOnlyList<(string Id, float Score)> Nearest(ReadOnlySpan<float> query, int k, float minScore = float.NegativeInfinity)
    {
        if (Count == 0 || k <= 0) return [];
        if (query.Length != Dimensions)
            throw new ArgumentException($"query has {query.Length} dimensions, the index {Dimensions}", nameof(query));
        var pool = Math.Min(Count, Math.Max(k * _options.CandidateFactor, _options.MinCandidates));
        var candidates = _graph is null ? ScanCodes(query, pool, minScore - _options.QuantizationMargin) : SearchGraph(query, pool);
        return Rescore(query, candidates, k, minScore);
    }

    /// <summary>First pass: int8 dot products over every row, the best <paramref name="pool"/> kept by a bounded min-heap.</summary>
    private List<int> ScanCodes(ReadOnlySpan<float> query, int pool, float floor)
    {
        Span<sbyte> q = stackalloc sbyte[Dimensions];
        var queryScale = Quantize(query, q);
        var heap = new PriorityQueue<int, float>(pool + 1);
        for (var i = 0; i < Count; i++)
        {
            var score = Dot(q, new ReadOnlySpan<sbyte>(_codes, i * Dimensions, Dimensions)) * _scales[i] * queryScale;
            if (score < floor) continue;
            if (heap.Count < pool) heap.Enqueue(i, score);
            else if (heap.TryPeek(out _, out var worst) && score > worst) heap.EnqueueDequeue(i, score);
        }
        return heap.UnorderedItems.Select(x => x.Element).ToList();
    }

    private List<int> SearchGraph(ReadOnlySpan<float> query, int pool)
    {
        var found = _graph!.Search(query.ToArray(), pool, out var keys, out _);
        return keys.Take(found).Select(k => (int)k).ToList();
    }

    /// <summary>Second pass: exact float32 dot products of the candidates.</summary>
    private (string, float)[] Rescore(ReadOnlySpan<float> query, List<int> candidates, int k, float minScore)
    {
        var scored = new List<(int Row, float Score)>(candidates.Count);
        foreach (var i in candidates)
        {
            var score = TensorPrimitives.Dot(query, new ReadOnlySpan<float>(_rows, i * Dimensions, Dimensions));
            if (score >= minScore) scored.Add((i, score));
        }
        return scored.OrderByDescending(s => s.Score).ThenBy(s => s.Row).Take(k).Select(s => (Ids[s.Row], s.Score)).ToArray();
    }

    /// <summary>Codes of <paramref name="v"/> in ±127 (symmetric, so two codes' product fits a 16-bit lane); returns the scale.</summary>
    private static float Quantize(ReadOnlySpan<float> v, Span<sbyte> codes)
    {
        var max = TensorPrimitives.MaxMagnitude(v);
        if (max == 0) { codes.Clear(); return 0; }
        var scale = max / 127f;
        for (var j = 0; j < v.Length; j++) codes[j] = (sbyte)MathF.Round(v[j] / scale);
        return scale;
    }

    /// <summary>Integer dot product: sign-extended to 16 bits and multiply-added pairwise into 32-bit lanes (AVX2 vpmaddwd).</summary>
    private static int Dot(ReadOnlySpan<sbyte> a, ReadOnlySpan<sbyte> b)
    {
        var j = 0;
        var sum = 0;
        if (Avx2.IsSupported)
        {
            var acc = Vector256<int>.Zero;
            for (; j + 16 <= a.Length; j += 16)
                acc += Avx2.MultiplyAddAdjacent(Avx2.ConvertToVector256Int16(Vector128.Create(a.Slice(j, 16))),
                                                Avx2.ConvertToVector256Int16(Vector128.Create(b.Slice(j, 16))));
            sum = Vector256.Sum(acc);
        }
        else
        {
            var acc = Vector128<int>.Zero;
            for (; j + 16 <= a.Length; j += 16)
            {
                var (alo, ahi) = Vector128.Widen(Vector128.Create(a.Slice(j, 16)));
                var (blo, bhi) = Vector128.Widen(Vector128.Create(b.Slice(j, 16)));
                var (plo, phi) = Vector128.Widen(alo * blo + ahi * bhi); // each lane ≤ 2 × 127² < 2¹⁵
                acc += plo + phi;
            }
            sum = Vector128.Sum(acc);
        }
        for (; j < a.Length; j++) sum += a[j] * b[j];
        return sum;
    }

    private USearchIndex BuildGraph(IReadOnlyList<(string Id, float[] Vector)> rows)
    {
        var graph = new USearchIndex(MetricKind.Cos, ScalarKind.Int8, (ulong)Dimensions, (ulong)_options.GraphConnectivity,
            (ulong)_options.GraphExpansionAdd, (ulong)_options.GraphExpansionSearch, false);
        for (var i = 0; i < rows.Count; i++) graph.Add((ulong)i, rows[i].Vector);
        return graph;
    }

    public void Dispose() => _graph?.Dispose();

    public static float[] Normalize(float[] v)
    {
        var norm = TensorPrimitives.Norm(v);
        if (norm > 0) TensorPrimitives.Divide(v, norm, v);
        return v;
    }
}

/// <summary>How <see cref="VectorIndex"/> searches (configuration section <c>ReportSearch:Embedding:Search</c>); the defaults are measured in docs/performance.md.</summary>
public sealed class VectorSearchOptions
{
    /// <summary>Candidates the first pass keeps per result asked for (at least <see cref="MinCandidates"/>), rescored exactly.</summary>
    public int CandidateFactor { get; set; } = 4;
    public int MinCandidates { get; set; } = 64;
    /// <summary>int8 scores may fall this far below the exact score; the first pass keeps rows down to minScore minus this.</summary>
    public float QuantizationMargin { get; set; } = 0.05f;
    /// <summary>
    /// Above this many vectors the first pass is an HNSW graph (USearch) rather than the exact int8 scan. The graph is built when
    /// the index is loaded, at tens of thousands of rows per second, so it only pays where the scan no longer answers in time.
    /// </summary>
    public int ApproximateAboveRows { get; set; } = 1_000_000;
    public int GraphConnectivity { get; set; } = 16;
    public int GraphExpansionAdd { get; set; } = 128;
    public int GraphExpansionSearch { get; set; } = 64;
}
