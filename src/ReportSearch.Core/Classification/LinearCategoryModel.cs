using System.Numerics.Tensors;
using System.Text;

namespace ReportSearch.Core.Classification;

/// <summary>
/// When a second or third category is assigned: its probability is at least <see cref="SecondRatio"/> of the first's and at
/// least <see cref="MinProbability"/>, and no more than <see cref="MaxCategories"/> are assigned.
/// </summary>
public sealed record CategorySelection(double SecondRatio, double MinProbability, int MaxCategories)
{
    public IReadOnlyList<string> Apply(IReadOnlyList<CategoryScore> ranked) =>
        ranked.Where((s, i) => i == 0
                || (i < MaxCategories && s.Probability >= SecondRatio * ranked[0].Probability && s.Probability >= MinProbability))
            .Select(s => s.Category).ToList();
}

/// <summary>
/// A multiclass linear model (maximum entropy) as the index applies it: one weight per hashed feature slot and category, a bias
/// per category, softmax on top. Scoring a problem is a sparse dot product over its few dozen features — microseconds —
/// instead of a trip through an ML.NET prediction engine.
/// </summary>
public sealed class LinearCategoryModel : ICategoryModel
{
    private static readonly byte[] Magic = "RSLM1\n"u8.ToArray();
    private readonly string[] _classes;
    private readonly float[] _weights;
    private readonly float[] _bias;

    public LinearCategoryModel(string trainer, IReadOnlyList<string> classes, int bits, float[] weights, float[] bias, CategorySelection selection)
    {
        if (weights.Length != (1 << bits) * classes.Count || bias.Length != classes.Count)
            throw new ArgumentException("weights must hold one row of one weight per category for each of the 2^bits slots");
        Trainer = trainer;
        _classes = [.. classes];
        Bits = bits;
        _weights = weights;
        _bias = bias;
        Selection = selection;
    }

    public string Trainer { get; }
    public int Bits { get; }
    public CategorySelection Selection { get; }
    public IReadOnlyList<string> Categories => _classes;

    public IReadOnlyList<CategoryScore> Score(IReadOnlyDictionary<string, double> features)
    {
        var n = _classes.Length;
        Span<float> logits = stackalloc float[n];
        _bias.CopyTo(logits);
        foreach (var (feature, value) in features)
        {
            var row = _weights.AsSpan(FeatureHasher.Slot(feature, Bits) * n, n);
            TensorPrimitives.MultiplyAdd(row, (float)value, logits, logits);
        }
        Span<float> probabilities = stackalloc float[n];
        TensorPrimitives.SoftMax(logits, probabilities);
        var scores = new CategoryScore[n];
        for (var i = 0; i < n; i++) scores[i] = new CategoryScore(_classes[i], probabilities[i]);
        Array.Sort(scores, (a, b) => b.Probability != a.Probability
            ? b.Probability.CompareTo(a.Probability)
            : string.CompareOrdinal(a.Category, b.Category));
        return scores;
    }

    public IReadOnlyList<string> Select(IReadOnlyList<CategoryScore> ranked) => Selection.Apply(ranked);

    public static bool IsLinear(ReadOnlySpan<byte> bytes) => bytes.StartsWith(Magic);

    /// <summary>Only the slots some feature reached are written: the rest are zero (L2 training leaves unseen slots at 0).</summary>
    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        stream.Write(Magic);
        using (var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Trainer);
            w.Write(Bits);
            w.Write(_classes.Length);
            foreach (var c in _classes) w.Write(c);
            w.Write(Selection.SecondRatio); w.Write(Selection.MinProbability); w.Write(Selection.MaxCategories);
            foreach (var b in _bias) w.Write(b);
            var n = _classes.Length;
            var used = Enumerable.Range(0, 1 << Bits).Where(s => _weights.AsSpan(s * n, n).ContainsAnyExcept(0f)).ToList();
            w.Write(used.Count);
            foreach (var slot in used)
            {
                w.Write(slot);
                foreach (var v in _weights.AsSpan(slot * n, n)) w.Write(v);
            }
        }
        return stream.ToArray();
    }

    public static LinearCategoryModel FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (!IsLinear(bytes)) throw new InvalidDataException("not a linear category model");
        using var r = new BinaryReader(new MemoryStream(bytes[Magic.Length..].ToArray()), Encoding.UTF8);
        var trainer = r.ReadString();
        var bits = r.ReadInt32();
        var classes = Enumerable.Range(0, r.ReadInt32()).Select(_ => r.ReadString()).ToArray();
        var selection = new CategorySelection(r.ReadDouble(), r.ReadDouble(), r.ReadInt32());
        var n = classes.Length;
        var bias = Enumerable.Range(0, n).Select(_ => r.ReadSingle()).ToArray();
        var weights = new float[(1 << bits) * n];
        var rows = r.ReadInt32();
        for (var k = 0; k < rows; k++)
        {
            var slot = r.ReadInt32();
            for (var i = 0; i < n; i++) weights[slot * n + i] = r.ReadSingle();
        }
        return new LinearCategoryModel(trainer, classes, bits, weights, bias, selection);
    }
}
