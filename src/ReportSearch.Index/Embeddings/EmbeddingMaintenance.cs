using System.Text.Json;
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

    /// <summary>The index's vectors of <paramref name="space"/>, ready to search with the configured <see cref="VectorSearchOptions"/>.</summary>
    public VectorIndex LoadVectors(EmbeddingSpace space) => new(store.LoadEmbeddings(space.ModelKey), options.Search);

    private bool IsOpenAi => string.Equals(options.Provider, EmbeddingOptions.OpenAi, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Trains the built-in model when due, on a bounded sample (<see cref="EmbeddingOptions.TrainingSample"/>), and saves it;
    /// then embeds, page by page on every core, each problem without a vector of the current model (all of them after a
    /// training, the new ones otherwise). Each page is its own transaction: a run stopped half-way resumes where it stopped,
    /// and memory holds one page of texts, not the corpus.
    /// </summary>
    public async Task RefreshAsync(CancellationToken cancel = default)
    {
        if (!IsOpenAi && NeedsTraining())
        {
            var problems = store.CountRows().Problems;
            var sample = store.SampleProblemsForEmbedding(options.TrainingSample, problems);
            if (sample.Count < 2) return;
            var model = LsaModel.Train(sample.Select(p => p.Text).ToList(), analyzer, options.BuiltinDimensions, (int)problems);
            store.WriteEmbeddings(model.Version, [],
                (BuiltinModelName, model.ToBytes(), $"{{\"problems\":{model.TrainedOnProblems},\"sample\":{sample.Count},\"dimensions\":{model.Dimensions},\"vocabulary\":{model.VocabularySize}}}"));
        }
        var space = CurrentSpace();
        if (space is null) return;
        var after = "";
        while (store.ProblemsLackingEmbedding(space.ModelKey, after, options.PageSize) is { Count: > 0 } page)
        {
            var vectors = space.Generator is LsaEmbeddingGenerator lsa
                ? EmbedOnAllCores(lsa.Model, page, cancel)
                : (await space.Generator.GenerateAsync(page.Select(p => p.Text), cancellationToken: cancel)).Select(e => e.Vector.ToArray()).ToArray();
            store.WriteEmbeddings(space.ModelKey, page.Select((p, i) => (p.ProblemId, vectors[i])).ToList());
            after = page[^1].ProblemId;
        }
    }

    private float[][] EmbedOnAllCores(LsaModel model, IReadOnlyList<EmbeddingSource> page, CancellationToken cancel)
    {
        var vectors = new float[page.Count][];
        Parallel.For(0, page.Count, new ParallelOptions { CancellationToken = cancel }, i => vectors[i] = model.Embed(page[i].Text, analyzer));
        return vectors;
    }

    /// <summary>
    /// No model yet, or the problems added and removed since training reach RetrainFraction of those it stands for. Read
    /// from the model's info line, never by loading the model.
    /// </summary>
    public bool NeedsTraining()
    {
        if (store.LoadModelInfo(BuiltinModelName) is not { } info) return true;
        var trainedOn = JsonDocument.Parse(info).RootElement.GetProperty("problems").GetInt64();
        return store.ProblemChurnSinceTraining() >= Math.Max(1, options.RetrainFraction * trainedOn);
    }

    private static readonly Lazy<HttpClient> SharedHttp = new(() => new HttpClient { Timeout = Timeout.InfiniteTimeSpan });
}
