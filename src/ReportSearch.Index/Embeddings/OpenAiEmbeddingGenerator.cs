using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net;
using Microsoft.Extensions.AI;
using OpenAI;

namespace ReportSearch.Index.Embeddings;

/// <summary>
/// Embeddings from any OpenAI-compatible <c>POST {Endpoint}/embeddings</c> (OpenAI, Azure-style gateways, vLLM, Ollama,
/// llama.cpp server…) through the OpenAI SDK's <see cref="IEmbeddingGenerator{TInput,TEmbedding}"/> (Microsoft.Extensions.AI.OpenAI),
/// in batches of <see cref="EmbeddingOptions.BatchSize"/>. Vectors are L2-normalised so dot = cosine. The SDK's errors
/// become <see cref="HttpRequestException"/>s naming the endpoint and status, which the indexer turns into a retry-later warning.
/// </summary>
public sealed class OpenAiEmbeddingGenerator : EmbeddingGenerator
{
    private readonly IEmbeddingGenerator<string, Embedding<float>> _client;
    private readonly EmbeddingOptions _options;
    private readonly Uri _endpoint;

    public OpenAiEmbeddingGenerator(HttpClient http, EmbeddingOptions options)
        : base(new EmbeddingGeneratorMetadata("openai-compatible", new Uri(options.Endpoint), options.Model, options.Dimensions))
    {
        _options = options;
        _endpoint = new Uri(options.Endpoint.TrimEnd('/') + "/embeddings");
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = new Uri(options.Endpoint),
            Transport = new HttpClientPipelineTransport(http),
            NetworkTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds),
            RetryPolicy = new ClientRetryPolicy(options.Retries),
        };
        // The policy constructor is marked experimental (OPENAI001); it is the SDK's only way to send no key at all.
#pragma warning disable OPENAI001
        var client = Environment.GetEnvironmentVariable(options.ApiKeyVariable) is { Length: > 0 } key
            ? new OpenAIClient(new ApiKeyCredential(key), clientOptions)
            : new OpenAIClient(new NoAuthentication(), clientOptions);
#pragma warning restore OPENAI001
        _client = client.GetEmbeddingClient(options.Model).AsIEmbeddingGenerator(options.Dimensions);
    }

    /// <summary>Stored with every vector: a change of endpoint model or size means every problem is embedded again.</summary>
    public string ModelKey => $"openai:{_options.Model}:{_options.Dimensions?.ToString() ?? "default"}";

    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var result = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var batch in values.Chunk(Math.Max(1, _options.BatchSize)))
        {
            GeneratedEmbeddings<Embedding<float>> answer;
            try
            {
                answer = await _client.GenerateAsync(batch, options, cancellationToken);
            }
            catch (ClientResultException e)
            {
                throw new HttpRequestException($"embedding endpoint {_endpoint} answered {Status(e)}: {e.Message}", e,
                    e.Status == 0 ? null : (HttpStatusCode)e.Status);
            }
            if (answer.Count != batch.Length)
                throw new HttpRequestException($"embedding endpoint {_endpoint} returned {answer.Count} vectors for {batch.Length} texts");
            result.AddRange(answer.Select(e => new Embedding<float>(VectorIndex.Normalize(e.Vector.ToArray()))
                { ModelId = e.ModelId ?? _options.Model, CreatedAt = e.CreatedAt ?? DateTimeOffset.UtcNow }));
        }
        return result;
    }

    private static string Status(ClientResultException e) => e.Status == 0 ? "nothing (unreachable)" : e.Status.ToString();

    /// <summary>Local servers (vLLM, llama.cpp) take no key: send no Authorization header rather than an empty bearer.</summary>
    private sealed class NoAuthentication : AuthenticationPolicy
    {
        public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex) =>
            ProcessNext(message, pipeline, currentIndex);

        public override ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex) =>
            ProcessNextAsync(message, pipeline, currentIndex);
    }
}
