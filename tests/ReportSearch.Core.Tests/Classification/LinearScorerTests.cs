using System.Text.Json;
using ReportSearch.Core.Classification;

namespace ReportSearch.Core.Tests.Classification;

public sealed class LinearScorerTests(SeedFixture seeds) : IClassFixture<SeedFixture>
{
    /// <summary>
    /// The naive Bayes model scores through a precomputed linear scorer; its saved counts give the posterior the textbook way
    /// (a logarithm per feature and category), and both must agree on every labelled problem.
    /// </summary>
    [Fact]
    public void Naive_Bayes_scored_as_a_linear_model_gives_the_posterior_its_counts_define()
    {
        var examples = seeds.Examples.Concat(RealLabelledSet.Default.Examples(seeds.Features)).Select(e => e.Example).ToList();
        var model = CategoryTrainer.Fit(CategoryPrior.Of(Taxonomy.Default, seeds.Features), examples, TrainerKind.NaiveBayes, new ClassifierOptions()).Model;
        using var saved = JsonDocument.Parse(model.ToBytes());
        var options = saved.RootElement.GetProperty("Options");
        var (smoothing, background, length) = (options.GetProperty("Smoothing").GetDouble(),
            options.GetProperty("BackgroundWeight").GetDouble(), options.GetProperty("ScoringLength").GetDouble());
        var categories = saved.RootElement.GetProperty("Categories").EnumerateArray().Select(c => (
            Id: c.GetProperty("Id").GetString()!,
            Documents: c.GetProperty("Documents").GetDouble(),
            Total: c.GetProperty("Total").GetDouble(),
            Counts: c.GetProperty("Counts").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble()))).ToList();
        var pooled = new Dictionary<string, double>();
        foreach (var c in categories) foreach (var (f, v) in c.Counts) pooled[f] = pooled.GetValueOrDefault(f) + v;
        var pooledTotal = categories.Sum(c => c.Total) + smoothing * pooled.Count;
        var documents = categories.Sum(c => c.Documents);

        foreach (var example in examples.Take(120))
        {
            var known = example.Features.Where(f => pooled.ContainsKey(f.Key)).ToList();
            var scale = length / known.Sum(f => f.Value);
            var log = categories.Select(c => Math.Log((c.Documents + 1) / (documents + categories.Count))
                + scale * known.Sum(f => f.Value * (Math.Log(c.Counts.GetValueOrDefault(f.Key) + background * (pooled[f.Key] + smoothing) / pooledTotal)
                    - Math.Log(c.Total + background)))).ToList();
            var max = log.Max();
            var z = log.Sum(l => Math.Exp(l - max));
            var expected = categories.Select((c, i) => (c.Id, P: Math.Exp(log[i] - max) / z)).ToDictionary(x => x.Id, x => x.P);

            var scored = model.Score(example.Features);
            // Within 1e-4, not rounded to 4 places: the scorer works in single precision, and rounding splits a 7.6e-6
            // difference when a value sits on a rounding boundary (it did once the real set grew to 485 statements).
            Assert.All(scored, s => Assert.Equal(expected[s.Category], s.Probability, 1e-4));
        }
    }

    [Fact]
    public void Features_the_training_never_saw_change_nothing_and_none_known_leaves_the_bias()
    {
        var scorer = new LinearScorer(["w:a", "w:b"], [1f, 0f, 0f, 2f], [1f, 1f], [0f, 0.5f], FeatureNorm.Euclidean, 1f);
        Span<float> withUnknown = stackalloc float[2];
        Span<float> known = stackalloc float[2];
        scorer.Probabilities(new Dictionary<string, double> { ["w:a"] = 1, ["w:zz"] = 5 }, withUnknown);
        scorer.Probabilities(new Dictionary<string, double> { ["w:a"] = 1 }, known);
        Assert.Equal(known.ToArray(), withUnknown.ToArray());
        Assert.True(known[0] > known[1]);

        Span<float> none = stackalloc float[2];
        scorer.Probabilities(new Dictionary<string, double> { ["w:zz"] = 1 }, none);
        Assert.Equal(1 / (1 + MathF.Exp(0.5f)), none[0], 5);
    }
}
