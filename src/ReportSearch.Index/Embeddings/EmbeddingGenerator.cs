using Microsoft.Extensions.AI;

namespace ReportSearch.Index.Embeddings;

/// <summary>
/// What every embedding generator of ours shares: its metadata answered through <see cref="GetService"/>, as
/// Microsoft.Extensions.AI callers expect, and nothing to dispose.
/// </summary>
public abstract class EmbeddingGenerator(EmbeddingGeneratorMetadata metadata) : IEmbeddingGenerator<string, Embedding<float>>
{
    public abstract Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default);

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(EmbeddingGeneratorMetadata) ? metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose() => GC.SuppressFinalize(this);
}
