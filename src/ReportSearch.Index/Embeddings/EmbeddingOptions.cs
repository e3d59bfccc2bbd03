namespace ReportSearch.Index.Embeddings;

/// <summary>
/// Which embedding generator the index uses (configuration section <c>ReportSearch:Embedding</c>).
/// "builtin" needs no service: LSA trained on the indexed corpus. "openai" calls any OpenAI-compatible /v1/embeddings.
/// </summary>
public sealed class EmbeddingOptions
{
    public const string Section = "ReportSearch:Embedding";
    public const string Builtin = "builtin";
    public const string OpenAi = "openai";

    public string Provider { get; set; } = Builtin;

    /// <summary>Vector size: the built-in model's target (fewer when the corpus is smaller); sent as "dimensions" to an endpoint when set.</summary>
    public int? Dimensions { get; set; }

    /// <summary>Base URL of the OpenAI-compatible API; requests go to {Endpoint}/embeddings.</summary>
    public string Endpoint { get; set; } = "https://api.openai.com/v1";
    public string Model { get; set; } = "text-embedding-3-small";
    /// <summary>The environment variable holding the API key (the key itself never sits in a config file). Unset: no Authorization header.</summary>
    public string ApiKeyVariable { get; set; } = "OPENAI_API_KEY";
    public int BatchSize { get; set; } = 64;
    public int TimeoutSeconds { get; set; } = 100;
    /// <summary>Retries of a failed or throttled request (429, 5xx, network), with the SDK's exponential back-off, before the run gives up and leaves the vectors to the next one.</summary>
    public int Retries { get; set; } = 2;

    /// <summary>
    /// The built-in model is retrained when the problems added or removed since its training reach this share of the
    /// problems it was trained on (0.2: a fifth of the corpus is new). Until then new problems are projected with it.
    /// </summary>
    public double RetrainFraction { get; set; } = 0.2;

    /// <summary>
    /// The built-in model trains on at most this many problems, evenly spread over the index; the rest are projected with it.
    /// Training time and memory grow with this, not with the corpus (docs/performance.md).
    /// </summary>
    public int TrainingSample { get; set; } = 20_000;

    /// <summary>Problems embedded and written per transaction: bounds the texts and vectors held at once.</summary>
    public int PageSize { get; set; } = 2_000;

    public int BuiltinDimensions => Dimensions ?? 128;

    /// <summary>How the vectors are searched: the quantized scan's candidate pool, and the size above which HNSW takes over.</summary>
    public VectorSearchOptions Search { get; set; } = new();
}
