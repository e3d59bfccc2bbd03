using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace ReportSearch.Core.Classification;

/// <summary>Which learner builds the category model.</summary>
public enum TrainerKind
{
    /// <summary>The hand-written multinomial naive Bayes (<see cref="CategoryClassifier"/>).</summary>
    NaiveBayes,
    /// <summary>ML.NET's L-BFGS maximum entropy: can warm-start from a saved model.</summary>
    Lbfgs,
    /// <summary>ML.NET's SDCA maximum entropy: trains from scratch every time.</summary>
    Sdca,
}

/// <summary>A maximum entropy model and, for L-BFGS, the ML.NET model it was read from (what the next training warm-starts from).</summary>
public sealed record TrainedMaxEnt(LinearCategoryModel Model, byte[]? WarmStart);

/// <summary>
/// Trains a multiclass maximum entropy model with ML.NET over the analysis chain's features, hashed to a fixed space
/// (FeaturizeText would not segment Chinese; the chain's words and bigrams, with their part weights, go in as they are).
/// Each feature is weighted by its inverse document frequency over the training problems and every problem's vector is
/// scaled to unit length (TF-IDF): without it a short statement's features, fractions of one, were too small for the
/// regulariser to let them matter. Each category's name and terms are pseudo-examples (the prior); a problem's secondary
/// categories are extra examples of lower weight. The learnt weights are taken out of ML.NET into a <see cref="LinearCategoryModel"/>.
/// </summary>
public sealed class MaxEntTrainer(ClassifierOptions options)
{
    public TrainedMaxEnt Train(
        CategoryPrior prior,
        IReadOnlyList<TrainingExample> examples,
        TrainerKind kind,
        byte[]? warmStart = null)
    {
        if (kind == TrainerKind.NaiveBayes) throw new ArgumentException("naive Bayes is not a maximum entropy trainer", nameof(kind));
        var classes = prior.Categories;
        var slots = 1 << options.HashBits;
        var idf = InverseDocumentFrequency.Of(examples);
        var ml = new MLContext(seed: 1);
        var data = Keyed(ml, ml.Data.LoadFromEnumerable(Rows(prior, examples, classes, idf).ToList(), Schema(slots)), classes);

        MulticlassPredictionTransformer<MaximumEntropyModelParameters> fitted;
        byte[]? saved = null;
        if (kind == TrainerKind.Lbfgs)
        {
            var trainer = ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                L2Regularization = (float)options.L2Regularization,
                L1Regularization = (float)options.L1Regularization,
                OptimizationTolerance = (float)options.LbfgsTolerance,
                MaximumNumberOfIterations = options.LbfgsIterations,
                NumberOfThreads = 1,
                ExampleWeightColumnName = nameof(Row.Weight),
            });
            var previous = warmStart is null ? null : Load(ml, warmStart);
            fitted = previous is null ? trainer.Fit(data) : trainer.Fit(data, previous);
            using var stream = new MemoryStream();
            ml.Model.Save(fitted, data.Schema, stream);
            saved = stream.ToArray();
        }
        else
        {
            fitted = ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
            {
                L2Regularization = (float)options.L2Regularization,
                L1Regularization = (float)options.L1Regularization,
                MaximumNumberOfIterations = options.SdcaIterations,
                NumberOfThreads = 1,
                ExampleWeightColumnName = nameof(Row.Weight),
            }).Fit(data);
        }
        var vocabulary = prior.Examples.Concat(examples).SelectMany(e => e.Features.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        return new TrainedMaxEnt(Extract(fitted.Model, kind, classes, vocabulary, idf), saved);
    }

    /// <summary>The ML.NET model saved by an earlier L-BFGS training, or null when it no longer fits (other classes or slots).</summary>
    private MaximumEntropyModelParameters? Load(MLContext ml, byte[] bytes)
    {
        var loaded = ml.Model.Load(new MemoryStream(bytes), out _);
        var transformer = loaded as MulticlassPredictionTransformer<MaximumEntropyModelParameters>
            ?? (loaded as TransformerChain<ITransformer>)?.LastTransformer as MulticlassPredictionTransformer<MaximumEntropyModelParameters>;
        return transformer?.Model;
    }

    /// <summary>
    /// The learnt weights as a <see cref="LinearScorer"/> over the features the training saw: each feature's row is its
    /// hashed slot's weights times its IDF, so that scoring needs neither the hash nor the IDF table.
    /// </summary>
    internal LinearCategoryModel Extract(
        MaximumEntropyModelParameters parameters, TrainerKind kind, IReadOnlyList<string> classes,
        IReadOnlyList<string> vocabulary, InverseDocumentFrequency idf)
    {
        VBuffer<float>[] rows = [];
        parameters.GetWeights(ref rows, out var count);
        if (count != classes.Count) throw new InvalidOperationException($"trained {count} classes, expected {classes.Count}");
        var n = classes.Count;
        var bySlot = new Dictionary<int, float[]>();
        for (var c = 0; c < n; c++)
            foreach (var (slot, value) in rows[c].Items())
            {
                if (!bySlot.TryGetValue(slot, out var row)) bySlot[slot] = row = new float[n];
                row[c] = value;
            }
        var weights = new float[vocabulary.Count * n];
        var featureWeights = new float[vocabulary.Count];
        for (var r = 0; r < vocabulary.Count; r++)
        {
            featureWeights[r] = (float)idf[vocabulary[r]];
            if (!bySlot.TryGetValue(FeatureHasher.Slot(vocabulary[r], options.HashBits), out var row)) continue;
            for (var c = 0; c < n; c++) weights[r * n + c] = row[c] * featureWeights[r];
        }
        var scorer = new LinearScorer(vocabulary, weights, featureWeights, parameters.GetBiases().ToArray(), FeatureNorm.Euclidean, 1f);
        var selection = new CategorySelection(options.SecondRatio, options.MinSecondProbability, options.MaxCategories);
        return new LinearCategoryModel(kind == TrainerKind.Lbfgs ? "lbfgs" : "sdca", classes, scorer, selection);
    }

    internal IEnumerable<Row> Rows(
        CategoryPrior prior,
        IReadOnlyList<TrainingExample> examples,
        IReadOnlyList<string> classes,
        InverseDocumentFrequency idf)
    {
        var known = classes.ToHashSet(StringComparer.Ordinal);
        string Key(string category) => known.Contains(category)
            ? category
            : throw new ArgumentException($"unknown category '{category}'; the ids are those of TAXONOMY.md");
        if (options.PriorWeight > 0)
            foreach (var pseudo in prior.Examples)
                yield return Row.Of(Key(pseudo.Categories[0]), idf.Vector(pseudo.Features), (float)options.PriorWeight, options.HashBits);
        foreach (var example in examples)
        {
            var vector = idf.Vector(example.Features);
            for (var rank = 0; rank < example.Categories.Count; rank++)
                yield return Row.Of(Key(example.Categories[rank]), vector,
                    rank == 0 ? 1f : (float)options.SecondaryWeight, options.HashBits);
        }
    }

    internal static SchemaDefinition Schema(int slots)
    {
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, slots);
        return schema;
    }

    /// <summary>The category ids as label keys in the taxonomy's order, so that class i of the model is category i.</summary>
    internal static IDataView Keyed(MLContext ml, IDataView data, IReadOnlyList<string> classes) =>
        ml.Transforms.Conversion.MapValueToKey(nameof(Row.Label), keyData: ml.Data.LoadFromEnumerable(classes.Select(c => new ClassId { Label = c })))
            .Fit(data).Transform(data);

    internal sealed class ClassId
    {
        public string Label { get; set; } = "";
    }

    /// <summary>One training row as ML.NET reads it, before its category id becomes a key.</summary>
    internal sealed class Row
    {
        public string Label { get; set; } = "";
        public VBuffer<float> Features { get; set; }
        public float Weight { get; set; }

        public static Row Of(string label, IReadOnlyDictionary<string, double> features, float weight, int bits)
        {
            var bySlot = new SortedDictionary<int, float>();
            foreach (var (feature, value) in features)
            {
                var slot = FeatureHasher.Slot(feature, bits);
                bySlot[slot] = bySlot.GetValueOrDefault(slot) + (float)value;
            }
            return new Row
            {
                Label = label,
                Features = new VBuffer<float>(1 << bits, bySlot.Count, bySlot.Values.ToArray(), bySlot.Keys.ToArray()),
                Weight = weight,
            };
        }
    }
}
