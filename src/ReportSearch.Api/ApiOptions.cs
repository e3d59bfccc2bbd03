namespace ReportSearch.Api;

/// <summary>Settings of the HTTP side, bound from the "ReportSearch:Api" section; every value has a default.</summary>
public sealed class ApiOptions
{
    public const string Section = "ReportSearch:Api";

    /// <summary>Environment variable holding the key that writes need; when unset, writes are refused with 401.</summary>
    public string ApiKeyVariable { get; set; } = "REPORTSEARCH_API_KEY";

    /// <summary>Largest report upload accepted by POST /api/reports (413 above it).</summary>
    public long MaxUploadBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>Longest query string accepted (414 problem+json above it); a search of 200 characters needs under 2,000.</summary>
    public int MaxQueryLength { get; set; } = 8 * 1024;

    /// <summary>How long a write waits for the index's writer lock (held by a CLI `index` run or another write) before 503.</summary>
    public double WriterWaitSeconds { get; set; } = 30;

    /// <summary>Kestrel's limit on the request line, kept above <see cref="MaxQueryLength"/> so the app, not Kestrel, answers.</summary>
    public int MaxRequestLineBytes { get; set; } = 256 * 1024;
}
