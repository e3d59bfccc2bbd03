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
    private readonly LinearScorer _scorer;
    private readonly string[] _ids;

    private CategoryClassifier(ModelState state)
    {
        _state = state;
        _ids = state.Categories.Select(c => c.Id).ToArray();
        _scorer = Precompute(state);
    }

    /// <summary>
    /// The model as a linear scorer. A problem's naive Bayes log-posterior is
    /// log prior(c) + L/m · Σ v(f) · (log count'(f, c) − log denominator(c)), with m the problem's mass over known features:
    /// linear in the features once the logarithms are taken here, at load, rather than per feature and category at scoring.
    /// </summary>
    private static LinearScorer Precompute(ModelState state)
    {
        var n = state.Categories.Count;
        var totalDocuments = state.Categories.Sum(c => c.Documents);
        var pooled = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var c in state.Categories)
            foreach (var (feature, count) in c.Counts.OrderBy(f => f.Key, StringComparer.Ordinal))
                pooled[feature] = pooled.GetValueOrDefault(feature) + count;
        var pooledTotal = state.Categories.Sum(c => c.Total) + state.Options.Smoothing * pooled.Count;
        var logDenominator = state.Categories.Select(c => Math.Log(c.Total + state.Options.BackgroundWeight)).ToArray();
        var features = pooled.Keys.ToList();
        var weights = new float[features.Count * n];
        for (var r = 0; r < features.Count; r++)
        {
            // Smoothed towards the pooled distribution (Dirichlet smoothing): a word common to every category costs a
            // sparsely trained category (one known only by its description) no more than it costs the others.
            var background = state.Options.BackgroundWeight * (pooled[features[r]] + state.Options.Smoothing) / pooledTotal;
            // The same constant taken off every category's weight leaves the softmax unchanged and keeps floats precise.
            var offset = Math.Log(background);
            for (var i = 0; i < n; i++)
                weights[r * n + i] = (float)(Math.Log(state.Categories[i].Counts.GetValueOrDefault(features[r]) + background) - logDenominator[i] - offset);
        }
        // One pseudo-document per category keeps unlabelled categories possible rather than impossible.
        var bias = state.Categories.Select(c => (float)Math.Log((c.Documents + 1) / (totalDocuments + n))).ToArray();
        return new LinearScorer(features, weights, Enumerable.Repeat(1f, features.Count).ToArray(), bias, FeatureNorm.Mass, (float)state.Options.ScoringLength);
    }

    public ClassifierOptions Options => _state.Options;

    public string Trainer => "naive-bayes";

    /// <summary>Probability a category other than the top one needs to be assigned.</summary>
    public double Threshold => _state.Threshold;

    public IReadOnlyList<string> Categories => _ids;

    /// <summary>
    /// Trains on the examples plus the prior's pseudo-examples (a category's name and each of its terms).
    /// Examples' categories not in the prior's scheme are an error: ids are fixed by TAXONOMY.md.
    /// </summary>
    public static CategoryClassifier Train(
        CategoryPrior prior,
        IReadOnlyList<TrainingExample> examples,
        ClassifierOptions options)
    {
        var model = Fit(prior, examples, options, options.DefaultThreshold);
        if (examples.Count < 2 * options.CalibrationFolds) return model;
        var threshold = CalibrateThreshold(prior, examples, options);
        return new CategoryClassifier(model._state with { Threshold = threshold });
    }

    /// <summary>Every category, most probable first, with posterior probabilities that sum to 1.</summary>
    public IReadOnlyList<CategoryScore> Score(IReadOnlyDictionary<string, double> features) => _scorer.Score(_ids, features);

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
        CategoryPrior prior,
        IReadOnlyList<TrainingExample> examples,
        ClassifierOptions options,
        double threshold)
    {
        var ids = prior.Categories;
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

        foreach (var pseudo in prior.Examples) Add(pseudo.Categories[0], pseudo.Features, options.PriorWeight);
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
        CategoryPrior prior,
        IReadOnlyList<TrainingExample> examples,
        ClassifierOptions options)
    {
        var heldOut = new List<(IReadOnlyList<CategoryScore> Ranked, IReadOnlyList<string> Gold)>();
        var k = options.CalibrationFolds;
        for (var fold = 0; fold < k; fold++)
        {
            var train = examples.Where((_, i) => i % k != fold).ToList();
            var model = Fit(prior, train, options, options.DefaultThreshold);
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
