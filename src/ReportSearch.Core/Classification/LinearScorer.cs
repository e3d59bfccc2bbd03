using System.Numerics.Tensors;

namespace ReportSearch.Core.Classification;

/// <summary>How a problem's summed feature rows are scaled before the bias is added.</summary>
public enum FeatureNorm
{
    /// <summary>Divided by the problem's known feature mass and multiplied by a fixed length (naive Bayes scored as a fixed-length text).</summary>
    Mass,
    /// <summary>Divided by the Euclidean length of the problem's known, weighted features (TF-IDF vectors of unit length).</summary>
    Euclidean,
}

/// <summary>
/// Every trained model as the index applies it: for each feature the training saw, one row of a weight per category and
/// the feature's own weight (its IDF; 1 for naive Bayes); a bias per category; softmax on top. Scoring a problem is one
/// dictionary lookup and one vector multiply-add per feature and a single normalisation — no logarithms, no per-category
/// lookups — so a problem costs microseconds. Features the training never saw say nothing and are skipped.
/// </summary>
public sealed class LinearScorer
{
    private readonly Dictionary<string, int> _rows;
    private readonly float[] _weights;
    private readonly float[] _featureWeights;
    private readonly float[] _bias;

    /// <param name="features">Feature names in row order.</param>
    /// <param name="weights">Row r holds weights[r·n … r·n+n−1] for the n categories.</param>
    public LinearScorer(IReadOnlyList<string> features, float[] weights, float[] featureWeights, float[] bias, FeatureNorm norm, float length)
    {
        if (weights.Length != features.Count * bias.Length || featureWeights.Length != features.Count)
            throw new ArgumentException("weights must hold one row of one weight per category, and one feature weight, for every feature");
        Features = features;
        _rows = new Dictionary<string, int>(features.Count, StringComparer.Ordinal);
        for (var r = 0; r < features.Count; r++) _rows.Add(features[r], r);
        _weights = weights;
        _featureWeights = featureWeights;
        _bias = bias;
        Norm = norm;
        Length = length;
    }

    public IReadOnlyList<string> Features { get; }
    public ReadOnlySpan<float> Weights => _weights;
    public ReadOnlySpan<float> FeatureWeights => _featureWeights;
    public ReadOnlySpan<float> Bias => _bias;
    public FeatureNorm Norm { get; }
    public float Length { get; }
    public int Categories => _bias.Length;

    /// <summary>Probabilities of the categories, in the order of the bias, for a problem's weighted features.</summary>
    public void Probabilities(IReadOnlyDictionary<string, double> features, Span<float> probabilities)
    {
        var n = _bias.Length;
        Span<float> sum = stackalloc float[n];
        sum.Clear();
        var size = 0.0;
        foreach (var (feature, value) in features)
        {
            if (!_rows.TryGetValue(feature, out var r)) continue;
            TensorPrimitives.MultiplyAdd(_weights.AsSpan(r * n, n), (float)value, sum, sum);
            var weighted = value * _featureWeights[r];
            size += Norm == FeatureNorm.Mass ? weighted : weighted * weighted;
        }
        var scale = size <= 0 ? 0f : (float)(Norm == FeatureNorm.Mass ? Length / size : 1 / Math.Sqrt(size));
        TensorPrimitives.MultiplyAdd(sum, scale, _bias, sum);
        TensorPrimitives.SoftMax(sum, probabilities);
    }

    /// <summary>Every category, most probable first (ties by id), with probabilities that sum to 1.</summary>
    public IReadOnlyList<CategoryScore> Score(IReadOnlyList<string> categories, IReadOnlyDictionary<string, double> features)
    {
        var n = _bias.Length;
        Span<float> probabilities = stackalloc float[n];
        Probabilities(features, probabilities);
        var scores = new CategoryScore[n];
        for (var i = 0; i < n; i++) scores[i] = new CategoryScore(categories[i], probabilities[i]);
        Array.Sort(scores, (a, b) => b.Probability != a.Probability
            ? b.Probability.CompareTo(a.Probability)
            : string.CompareOrdinal(a.Category, b.Category));
        return scores;
    }
}
