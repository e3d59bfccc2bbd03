using Microsoft.Extensions.AI;
using ReportSearch.Core.Analysis;

namespace ReportSearch.Index.Embeddings;

/// <summary>The built-in <see cref="LsaModel"/> behind the standard embedding interface; needs no service.</summary>
public sealed class LsaEmbeddingGenerator(LsaModel model, ITextAnalyzer analyzer) : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly EmbeddingGeneratorMetadata _metadata = new("reportsearch-builtin", null, model.Version, model.Dimensions);

    public LsaModel Model => model;

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var result = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var text in values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            result.Add(new Embedding<float>(model.Embed(text, analyzer)) { ModelId = model.Version, CreatedAt = DateTimeOffset.UtcNow });
        }
        return Task.FromResult(result);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose() { }
}
