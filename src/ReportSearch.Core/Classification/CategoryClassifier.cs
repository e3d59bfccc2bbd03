using System.Text.Json;

namespace ReportSearch.Core.Classification;

/// <summary>
/// Multinomial naive Bayes over the analysis chain's words and bigrams, with each category's description and terms counted as a
/// pseudo-example (the prior), word probabilities smoothed towards the pooled distribution of all categories, and a threshold calibrated by internal cross-validation for the second and further categories.
/// It keeps counts rather than probabilities, so it serialises exactly and a retrained model with one more correction differs
/// only by that correction. Deterministic: features are summed in ordinal order, folds are taken in example order.
/// </summary>
public sealed class CategoryClassifier : ICategoryModel
{
    private readonly ModelState _state;
    // Derived from the counts once; not serialised.
    private readonly double[] _logClassPrior;
    private readonly double[] _logDenominator;
    private readonly Dictionary<string, double> _background;

    private CategoryClassifier(ModelState state)
    {
        _state = state;
        var n = state.Categories.Count;
        var totalDocuments = state.Categories.Sum(c => c.Documents);
        _logClassPrior = new double[n];
        _logDenominator = new double[n];
        var pooled = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var c in state.Categories)
            foreach (var (feature, count) in c.Counts.OrderBy(f => f.Key, StringComparer.Ordinal))
                pooled[feature] = pooled.GetValueOrDefault(feature) + count;
        var pooledTotal = state.Categories.Sum(c => c.Total) + state.Options.Smoothing * pooled.Count;
        _background = pooled.ToDictionary(f => f.Key, f => (f.Value + state.Options.Smoothing) / pooledTotal, StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            var c = state.Categories[i];
            // One pseudo-document per category keeps unlabelled categories possible rather than impossible.
            _logClassPrior[i] = Math.Log((c.Documents + 1) / (totalDocuments + n));
            _logDenominator[i] = Math.Log(c.Total + state.Options.BackgroundWeight);
        }
    }

    public ClassifierOptions Options => _state.Options;

    public string Trainer => "naive-bayes";

    /// <summary>Probability a category other than the top one needs to be assigned.</summary>
    public double Threshold => _state.Threshold;

    public IReadOnlyList<string> Categories => _state.Categories.Select(c => c.Id).ToList();

    /// <summary>Trains on the examples with the taxonomy's descriptions and terms as the prior.</summary>
    public static CategoryClassifier Train(
        Taxonomy taxonomy, ProblemFeatures features, IReadOnlyList<TrainingExample> examples, ClassifierOptions options) =>
        Train(CategoryPrior.Documents(taxonomy, features), examples, options);

    /// <summary>
    /// Trains on the examples plus the prior documents (category id → features of its description and terms).
    /// Examples' categories not in the prior's scheme are an error: ids are fixed by TAXONOMY.md.
    /// </summary>
    public static CategoryClassifier Train(
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> priorDocuments,
        IReadOnlyList<TrainingExample> examples,
        ClassifierOptions options)
    {
        var model = Fit(priorDocuments, examples, options, options.DefaultThreshold);
        if (examples.Count < 2 * options.CalibrationFolds) return model;
        var threshold = CalibrateThreshold(priorDocuments, examples, options);
        return new CategoryClassifier(model._state with { Threshold = threshold });
    }

    /// <summary>Every category, most probable first, with posterior probabilities that sum to 1.</summary>
    public IReadOnlyList<CategoryScore> Score(IReadOnlyDictionary<string, double> features)
    {
        var n = _state.Categories.Count;
        var logPosterior = new double[n];
        // Features no category has seen say nothing about which category it is.
        var known = features.Where(f => _background.ContainsKey(f.Key)).OrderBy(f => f.Key, StringComparer.Ordinal).ToList();
        var mass = known.Sum(f => f.Value);
        var scale = mass > 0 ? _state.Options.ScoringLength / mass : 0;
        for (var i = 0; i < n; i++)
        {
            var c = _state.Categories[i];
            var logLikelihood = 0.0;
            foreach (var (feature, weight) in known)
            {
                // Smoothed towards the pooled distribution (Dirichlet smoothing): a word common to every category costs a
                // sparsely trained category (one known only by its description) no more than it costs the others.
                var count = c.Counts.GetValueOrDefault(feature) + _state.Options.BackgroundWeight * _background[feature];
                logLikelihood += weight * (Math.Log(count) - _logDenominator[i]);
            }
            logPosterior[i] = _logClassPrior[i] + scale * logLikelihood;
        }
        var max = logPosterior.Max();
        var z = logPosterior.Sum(l => Math.Exp(l - max));
        return _state.Categories
            .Select((c, i) => new CategoryScore(c.Id, Math.Exp(logPosterior[i] - max) / z))
            .OrderByDescending(s => s.Probability)
            .ThenBy(s => s.Category, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The categories to assign: the most probable always, then every other above the calibrated threshold.</summary>
    public IReadOnlyList<string> Select(IReadOnlyList<CategoryScore> ranked) => Select(ranked, _state.Threshold);

    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(_state);

    public static CategoryClassifier FromBytes(ReadOnlySpan<byte> bytes)
    {
        var state = JsonSerializer.Deserialize<ModelState>(bytes)
            ?? throw new InvalidDataException("classifier model is empty");
        if (state.Version != ModelState.CurrentVersion)
            throw new InvalidDataException($"classifier model version {state.Version} is not {ModelState.CurrentVersion}; retrain it");
        return new CategoryClassifier(state);
    }

    private static IReadOnlyList<string> Select(IReadOnlyList<CategoryScore> ranked, double threshold) =>
        ranked.Where((s, i) => i == 0 || s.Probability >= threshold).Select(s => s.Category).ToList();

    private static CategoryClassifier Fit(
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> priorDocuments,
        IReadOnlyList<TrainingExample> examples,
        ClassifierOptions options,
        double threshold)
    {
        var ids = priorDocuments.Keys.ToList();
        var counts = ids.ToDictionary(id => id, _ => new Dictionary<string, double>(StringComparer.Ordinal), StringComparer.Ordinal);
        var documents = ids.ToDictionary(id => id, _ => 0.0, StringComparer.Ordinal);

        void Add(string category, IReadOnlyDictionary<string, double> features, double weight)
        {
            if (!counts.TryGetValue(category, out var bag))
                throw new ArgumentException($"unknown category '{category}'; the ids are those of TAXONOMY.md");
            var mass = features.Values.Sum();
            if (mass <= 0 || weight <= 0) return;
            var scale = weight * options.ExampleLength / mass;
            foreach (var (feature, value) in features)
            {
                bag[feature] = bag.GetValueOrDefault(feature) + value * scale;
            }
        }

        foreach (var id in ids) Add(id, priorDocuments[id], options.PriorWeight);
        foreach (var example in examples)
        {
            for (var rank = 0; rank < example.Categories.Count; rank++)
            {
                var weight = rank == 0 ? 1.0 : options.SecondaryWeight;
                Add(example.Categories[rank], example.Features, weight);
                documents[example.Categories[rank]] += weight;
            }
        }

        var categories = ids.Select(id => new CategoryCounts(id, documents[id], counts[id].Values.Sum(), counts[id])).ToList();
        return new CategoryClassifier(new ModelState(ModelState.CurrentVersion, options, categories, threshold));
    }

    /// <summary>
    /// The threshold that maximises micro-F1 of the assigned sets over held-out folds of the training examples,
    /// so it fits the data the model has rather than a constant chosen once.
    /// </summary>
    private static double CalibrateThreshold(
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> priorDocuments,
        IReadOnlyList<TrainingExample> examples,
        ClassifierOptions options)
    {
        var heldOut = new List<(IReadOnlyList<CategoryScore> Ranked, IReadOnlyList<string> Gold)>();
        var k = options.CalibrationFolds;
        for (var fold = 0; fold < k; fold++)
        {
            var train = examples.Where((_, i) => i % k != fold).ToList();
            var model = Fit(priorDocuments, train, options, options.DefaultThreshold);
            heldOut.AddRange(examples.Where((_, i) => i % k == fold).Select(e => (model.Score(e.Features), e.Categories)));
        }
        var best = options.DefaultThreshold;
        var bestF1 = -1.0;
        for (var step = 1; step <= 19; step++)
        {
            var threshold = step * 0.05;
            int tp = 0, fp = 0, fn = 0;
            foreach (var (ranked, gold) in heldOut)
            {
                var predicted = Select(ranked, threshold);
                var hit = predicted.Count(gold.Contains);
                tp += hit; fp += predicted.Count - hit; fn += gold.Count - hit;
            }
            var f1 = tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
            if (f1 > bestF1) { bestF1 = f1; best = threshold; }
        }
        return best;
    }

    private sealed record ModelState(
        int Version, ClassifierOptions Options, IReadOnlyList<CategoryCounts> Categories, double Threshold)
    {
        public const int CurrentVersion = 1;
    }

    private sealed record CategoryCounts(string Id, double Documents, double Total, IReadOnlyDictionary<string, double> Counts);
}
