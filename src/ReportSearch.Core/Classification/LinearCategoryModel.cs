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
/// A multiclass linear model (maximum entropy) as the index applies it: a <see cref="LinearScorer"/> over the features the
/// training saw, softmax on top. Scoring a problem is a sparse dot product over its few dozen features — microseconds —
/// instead of a trip through an ML.NET prediction engine.
/// </summary>
public sealed class LinearCategoryModel : ICategoryModel
{
    private static readonly byte[] Magic = "RSLM2\n"u8.ToArray();
    private readonly string[] _classes;
    private readonly LinearScorer _scorer;

    public LinearCategoryModel(string trainer, IReadOnlyList<string> classes, LinearScorer scorer, CategorySelection selection)
    {
        if (scorer.Categories != classes.Count) throw new ArgumentException("the scorer must have one bias per category");
        Trainer = trainer;
        _classes = [.. classes];
        _scorer = scorer;
        Selection = selection;
    }

    public string Trainer { get; }
    public CategorySelection Selection { get; }
    public IReadOnlyList<string> Categories => _classes;

    public IReadOnlyList<CategoryScore> Score(IReadOnlyDictionary<string, double> features) => _scorer.Score(_classes, features);

    public IReadOnlyList<string> Select(IReadOnlyList<CategoryScore> ranked) => Selection.Apply(ranked);

    public static bool IsLinear(ReadOnlySpan<byte> bytes) => bytes.StartsWith(Magic);

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        stream.Write(Magic);
        using (var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Trainer);
            w.Write(_classes.Length);
            foreach (var c in _classes) w.Write(c);
            w.Write(Selection.SecondRatio); w.Write(Selection.MinProbability); w.Write(Selection.MaxCategories);
            w.Write((int)_scorer.Norm); w.Write(_scorer.Length);
            foreach (var b in _scorer.Bias) w.Write(b);
            w.Write(_scorer.Features.Count);
            var n = _classes.Length;
            for (var r = 0; r < _scorer.Features.Count; r++)
            {
                w.Write(_scorer.Features[r]);
                w.Write(_scorer.FeatureWeights[r]);
                foreach (var v in _scorer.Weights.Slice(r * n, n)) w.Write(v);
            }
        }
        return stream.ToArray();
    }

    public static LinearCategoryModel FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (!IsLinear(bytes)) throw new InvalidDataException("not a linear category model of this version; retrain it");
        using var r = new BinaryReader(new MemoryStream(bytes[Magic.Length..].ToArray()), Encoding.UTF8);
        var trainer = r.ReadString();
        var classes = Enumerable.Range(0, r.ReadInt32()).Select(_ => r.ReadString()).ToArray();
        var selection = new CategorySelection(r.ReadDouble(), r.ReadDouble(), r.ReadInt32());
        var norm = (FeatureNorm)r.ReadInt32();
        var length = r.ReadSingle();
        var n = classes.Length;
        var bias = Enumerable.Range(0, n).Select(_ => r.ReadSingle()).ToArray();
        var count = r.ReadInt32();
        var features = new string[count];
        var featureWeights = new float[count];
        var weights = new float[count * n];
        for (var k = 0; k < count; k++)
        {
            features[k] = r.ReadString();
            featureWeights[k] = r.ReadSingle();
            for (var i = 0; i < n; i++) weights[k * n + i] = r.ReadSingle();
        }
        return new LinearCategoryModel(trainer, classes, new LinearScorer(features, weights, featureWeights, bias, norm, length), selection);
    }
}
