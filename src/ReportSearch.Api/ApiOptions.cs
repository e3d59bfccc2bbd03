namespace ReportSearch.Api;

/// <summary>Settings of the HTTP side, bound from the "ReportSearch:Api" section; every value has a default.</summary>
public sealed class ApiOptions
{
    public const string Section = "ReportSearch:Api";

    /// <summary>Environment variable holding the key that writes need; when unset, writes are refused with 401.</summary>
    public string ApiKeyVariable { get; set; } = "REPORTSEARCH_API_KEY";

    /// <summary>Largest report upload accepted by POST /api/reports (413 above it).</summary>
    public long MaxUploadBytes { get; set; } = 20 * 1024 * 1024;
}
