using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace ReportSearch.Index.Embeddings;

/// <summary>
/// Embeddings from any OpenAI-compatible <c>POST {Endpoint}/embeddings</c> (OpenAI, Azure-style gateways, vLLM, Ollama,
/// llama.cpp server…), in batches of <see cref="EmbeddingOptions.BatchSize"/>. Vectors are L2-normalised so dot = cosine.
/// </summary>
public sealed class OpenAiEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly HttpClient _http;
    private readonly EmbeddingOptions _options;
    private readonly Uri _uri;
    private readonly EmbeddingGeneratorMetadata _metadata;

    public OpenAiEmbeddingGenerator(HttpClient http, EmbeddingOptions options)
    {
        _http = http;
        _options = options;
        _uri = new Uri(options.Endpoint.TrimEnd('/') + "/embeddings");
        _metadata = new EmbeddingGeneratorMetadata("openai-compatible", _uri, options.Model, options.Dimensions);
    }

    /// <summary>Stored with every vector: a change of endpoint model or size means every problem is embedded again.</summary>
    public string ModelKey => $"openai:{_options.Model}:{_options.Dimensions?.ToString() ?? "default"}";

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var result = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var batch in values.Chunk(Math.Max(1, _options.BatchSize)))
            result.AddRange(await RequestAsync(batch, options, cancellationToken));
        return result;
    }

    private async Task<IEnumerable<Embedding<float>>> RequestAsync(string[] batch, EmbeddingGenerationOptions? options, CancellationToken cancel)
    {
        var body = new JsonObject
        {
            ["model"] = options?.ModelId ?? _options.Model,
            ["input"] = new JsonArray(batch.Select(s => (JsonNode)JsonValue.Create(s)!).ToArray()),
            ["encoding_format"] = "float",
        };
        if ((options?.Dimensions ?? _options.Dimensions) is { } dims) body["dimensions"] = dims;
        using var request = new HttpRequestMessage(HttpMethod.Post, _uri) { Content = JsonContent.Create(body) };
        if (Environment.GetEnvironmentVariable(_options.ApiKeyVariable) is { Length: > 0 } key)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(TimeSpan.FromSeconds(_options.TimeoutSeconds));
        using var response = await _http.SendAsync(request, timeout.Token);
        var text = await response.Content.ReadAsStringAsync(timeout.Token);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"embedding endpoint {_uri} answered {(int)response.StatusCode}: {text[..Math.Min(text.Length, 300)]}");

        using var json = JsonDocument.Parse(text);
        var model = json.RootElement.TryGetProperty("model", out var m) ? m.GetString() : _options.Model;
        var data = json.RootElement.GetProperty("data").EnumerateArray()
            .Select((e, i) => (Index: e.TryGetProperty("index", out var ix) ? ix.GetInt32() : i,
                               Vector: e.GetProperty("embedding").EnumerateArray().Select(x => x.GetSingle()).ToArray()))
            .OrderBy(e => e.Index).ToList();
        if (data.Count != batch.Length)
            throw new HttpRequestException($"embedding endpoint {_uri} returned {data.Count} vectors for {batch.Length} texts");
        return data.Select(d => new Embedding<float>(VectorIndex.Normalize(d.Vector)) { ModelId = model, CreatedAt = DateTimeOffset.UtcNow });
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose() { }
}
