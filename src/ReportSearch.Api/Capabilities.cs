using Microsoft.Extensions.Options;

namespace ReportSearch.Api;

/// <summary>
/// GET /api/capabilities: what this server lets the page do, so the page offers edit mode and uploads only where they
/// can work (writes need a key configured on the server).
/// </summary>
internal sealed record Capabilities(bool Writes, long MaxUploadBytes, IReadOnlyList<string> UploadFormats, string ApiKeyVariable)
{
    /// <summary>What POST /api/reports reads (the input stage sniffs the bytes; these are the names the page's picker offers).</summary>
    private static readonly string[] Formats = [".txt", ".html", ".htm", ".docx"];

    public static Capabilities Of(IOptions<ApiOptions> options) => new(
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(options.Value.ApiKeyVariable)),
        options.Value.MaxUploadBytes, Formats, options.Value.ApiKeyVariable);
}
