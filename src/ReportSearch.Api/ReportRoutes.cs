using Microsoft.AspNetCore.Http.Features;
using ReportSearch.Core;
using ReportSearch.Index;
using ReportSearch.Index.Indexing;
using ReportSearch.Index.Storage;

namespace ReportSearch.Api;

/// <summary>Handlers of the report routes: list, read, add (upload), replace, remove.</summary>
internal static class ReportRoutes
{
    /// <summary>GET /api/reports. A report's source is shown by its file name: the server's folders are nobody's business.</summary>
    public static ReportList List(ReportIndex index) =>
        new(index.Store.ListReports().Select(r => r with { SourcePath = r.SourceName ?? Path.GetFileName(r.SourcePath) }).ToList());

    public static IResult Get(string id, ReportIndex index) =>
        index.Store.GetReport(id) is { } report
            ? Results.Ok(report)
            : throw NotFound(id, "GET /api/reports lists the ids");

    /// <summary>
    /// POST /api/reports: a multipart file (field "file") or the raw body with the file name in ?name= or Content-Disposition.
    /// The report is parsed and written in one transaction; a file that fails changes nothing. A new upload never replaces
    /// another report, whatever its name: replacing is PUT.
    /// </summary>
    public static async Task<IResult> Add(HttpRequest request, ReportIndex index, WriterGate gate, CancellationToken cancel)
    {
        var (name, bytes) = await ReadUpload(request, cancel);
        using var writer = await gate.EnterAsync(cancel);
        var outcome = Checked(name, (await index.Indexer.IndexUploadAsync(name, bytes, cancel)).Files.Single());
        return outcome.Result == FileResult.Unchanged
            ? Results.Ok(new { id = outcome.ReportId, status = "unchanged" })
            : Results.Created($"/api/reports/{outcome.ReportId}", new { id = outcome.ReportId, status = "indexed" });
    }

    /// <summary>PUT /api/reports/{id}: the explicit replacement of a report by a new version of its file, in one transaction.</summary>
    public static async Task<IResult> Replace(string id, HttpRequest request, ReportIndex index, WriterGate gate, CancellationToken cancel)
    {
        var (name, bytes) = await ReadUpload(request, cancel);
        using var writer = await gate.EnterAsync(cancel);
        var summary = await index.Indexer.ReplaceAsync(id, name, bytes, cancel) ?? throw NotFound(id, "nothing was replaced; POST adds a new report");
        var outcome = Checked(name, summary.Files.Single());
        return Results.Ok(new { id = outcome.ReportId, replaced = id, status = outcome.Result == FileResult.Unchanged ? "unchanged" : "replaced" });
    }

    public static async Task<IResult> Delete(string id, ReportIndex index, WriterGate gate, CancellationToken cancel)
    {
        using var writer = await gate.EnterAsync(cancel);
        return index.Indexer.Delete(id) ? Results.NoContent() : throw NotFound(id, "nothing was removed");
    }

    private static InputRejectedException NotFound(string id, string hint) =>
        new($"no report with id '{id}' is indexed; {hint}", InputRejection.NotFound);

    private static FileOutcome Checked(string name, FileOutcome outcome) =>
        outcome.Result == FileResult.Failed
            ? throw new InputRejectedException($"{name}: {outcome.Reason}", outcome.Rejection ?? InputRejection.Invalid)
            : outcome;

    private static async Task<(string Name, byte[] Bytes)> ReadUpload(HttpRequest request, CancellationToken cancel)
    {
        try
        {
            var upload = await ReadBody(request, cancel);
            LargeUploadMemory.ReleaseAfterResponse(request.HttpContext, upload.Bytes.Length);
            return upload;
        }
        // Kestrel's own words ("Request body too large…") name neither the setting nor what to do; a form read
        // reports it like a raw one, so the web page's uploads get the same 413 as the CLI's.
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            var limit = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
            var size = limit is { } bytes ? $" of {bytes / (1024.0 * 1024):0.#} MB" : "";
            throw new InputRejectedException(
                $"the upload is larger than the server's limit{size}: send a smaller file, or raise ReportSearch:Api:MaxUploadBytes on the server",
                InputRejection.TooLarge);
        }
    }

    private static async Task<(string Name, byte[] Bytes)> ReadBody(HttpRequest request, CancellationToken cancel)
    {
        if (request.HasFormContentType)
        {
            IFormCollection form;
            try { form = await request.ReadFormAsync(cancel); }
            // A body that ends before its closing boundary surfaces as an IOException; a client that went away is not one.
            catch (Exception e) when (e is InvalidDataException
                || (e is IOException and not BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
                    && !request.HttpContext.RequestAborted.IsCancellationRequested))
            {
                throw new InputRejectedException($"the multipart body is malformed ({e.Message}); send the report as field 'file' of a multipart/form-data body, or as the raw body");
            }
            var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault()
                ?? throw new InputRejectedException("the form has no file: send the report as multipart field 'file'");
            using var stream = new MemoryStream();
            await file.CopyToAsync(stream, cancel);
            return (UploadName(file.FileName), stream.ToArray());
        }
        var name = request.Query["name"].FirstOrDefault()
            ?? request.GetTypedHeaders().ContentDisposition?.FileNameStar.Value
            ?? request.GetTypedHeaders().ContentDisposition?.FileName.Value?.Trim('"');
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancel);
        if (body.Length == 0)
            throw new InputRejectedException("the request body is empty: send a report file (txt, html or docx) as the body or as multipart field 'file'");
        return (UploadName(name), body.ToArray());
    }

    private static string UploadName(string? name) => Path.GetFileName(name) is { Length: > 0 } file ? file : "report";
}

/// <summary>The index stayed locked by another writer for the whole wait: HTTP 503, the request changed nothing.</summary>
internal sealed class IndexBusyException(string message) : Exception(message);
