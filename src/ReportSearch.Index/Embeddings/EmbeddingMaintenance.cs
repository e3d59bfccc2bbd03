using Microsoft.Extensions.AI;
using ReportSearch.Core.Analysis;
using ReportSearch.Index.Storage;

namespace ReportSearch.Index.Embeddings;

/// <summary>The generator that made the vectors in the index, and the key stored with each of them.</summary>
public sealed record EmbeddingSpace(string ModelKey, IEmbeddingGenerator<string, Embedding<float>> Generator);

/// <summary>
/// Keeps the index's vectors current after writes: trains (or retrains, by <see cref="EmbeddingOptions.RetrainFraction"/>)
/// the built-in model, or calls the configured endpoint, and embeds every problem that has no vector of the current model.
/// </summary>
public sealed class EmbeddingMaintenance(IndexStore store, EmbeddingOptions options, ITextAnalyzer analyzer, HttpClient? http = null)
{
    public const string BuiltinModelName = "embedding.builtin";

    /// <summary>The space search should embed queries in; null when the built-in model has not been trained yet.</summary>
    public EmbeddingSpace? CurrentSpace()
    {
        if (IsOpenAi)
        {
            var generator = new OpenAiEmbeddingGenerator(http ?? SharedHttp.Value, options);
            return new EmbeddingSpace(generator.ModelKey, generator);
        }
        if (store.LoadModel(BuiltinModelName) is not { } saved) return null;
        var model = LsaModel.FromBytes(saved.Bytes);
        return new EmbeddingSpace(model.Version, new LsaEmbeddingGenerator(model, analyzer));
    }

    private bool IsOpenAi => string.Equals(options.Provider, EmbeddingOptions.OpenAi, StringComparison.OrdinalIgnoreCase);

    public async Task RefreshAsync(CancellationToken cancel = default)
    {
        if (!IsOpenAi && NeedsTraining())
        {
            var all = store.AllProblemsForEmbedding();
            if (all.Count < 2) return;
            var model = LsaModel.Train(all.Select(p => p.Text).ToList(), analyzer, options.BuiltinDimensions);
            var vectors = all.Select(p => (p.ProblemId, model.Embed(p.Text, analyzer))).ToList();
            store.WriteEmbeddings(model.Version, vectors,
                (BuiltinModelName, model.ToBytes(), $"{{\"problems\":{model.TrainedOnProblems},\"dimensions\":{model.Dimensions},\"vocabulary\":{model.VocabularySize}}}"));
            return;
        }
        var space = CurrentSpace();
        if (space is null) return;
        var lacking = store.ProblemsLackingEmbedding(space.ModelKey);
        if (lacking.Count == 0) return;
        var embeddings = await space.Generator.GenerateAsync(lacking.Select(p => p.Text), cancellationToken: cancel);
        store.WriteEmbeddings(space.ModelKey, lacking.Select((p, i) => (p.ProblemId, embeddings[i].Vector.ToArray())).ToList());
    }

    /// <summary>No model yet, or the problems added and removed since training reach RetrainFraction of those trained on.</summary>
    public bool NeedsTraining()
    {
        if (store.LoadModel(BuiltinModelName) is not { } saved) return true;
        var trainedOn = LsaModel.FromBytes(saved.Bytes).TrainedOnProblems;
        return store.ProblemChurnSinceTraining() >= Math.Max(1, options.RetrainFraction * trainedOn);
    }

    private static readonly Lazy<HttpClient> SharedHttp = new(() => new HttpClient { Timeout = Timeout.InfiniteTimeSpan });
}
