namespace ReportSearch.Core.Classification;

/// <summary>
/// How rare each feature is among the training problems: log((N + 1) / (df + 1)). Words in nearly every statement
/// (不到位, 问题) weigh almost nothing; a feature no problem has (one only a category's terms have) weighs most.
/// </summary>
public sealed class InverseDocumentFrequency
{
    private readonly Dictionary<string, int> _documentFrequency;
    private readonly int _documents;

    private InverseDocumentFrequency(Dictionary<string, int> documentFrequency, int documents)
    {
        _documentFrequency = documentFrequency;
        _documents = documents;
    }

    public static InverseDocumentFrequency Of(IReadOnlyList<TrainingExample> examples)
    {
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var e in examples)
            foreach (var feature in e.Features.Keys)
                frequency[feature] = frequency.GetValueOrDefault(feature) + 1;
        return new InverseDocumentFrequency(frequency, examples.Count);
    }

    public double this[string feature] => Math.Log((_documents + 1.0) / (_documentFrequency.GetValueOrDefault(feature) + 1.0));

    /// <summary>The features weighted by their IDF and scaled to unit Euclidean length, as the trainer sees them.</summary>
    public IReadOnlyDictionary<string, double> Vector(IReadOnlyDictionary<string, double> features)
    {
        var vector = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var (feature, value) in features) vector[feature] = value * this[feature];
        var length = Math.Sqrt(vector.Values.Sum(v => v * v));
        if (length > 0)
            foreach (var feature in vector.Keys.ToList()) vector[feature] /= length;
        return vector;
    }
}
