using ReportSearch.Core;
using ReportSearch.Index;
using ReportSearch.Index.Indexing;

namespace ReportSearch.Api;

/// <summary>Handlers of the report routes: list, read, add (upload), remove.</summary>
internal static class ReportRoutes
{
    public static IResult Get(string id, ReportIndex index) =>
        index.Store.GetReport(id) is { } report
            ? Results.Ok(report)
            : throw new InputRejectedException($"no report with id '{id}' is indexed; GET /api/reports lists the ids", InputRejection.NotFound);

    /// <summary>
    /// POST /api/reports: a multipart file (field "file") or the raw body with the file name in ?name= or Content-Disposition.
    /// The report is parsed and written in one transaction; a file that fails changes nothing.
    /// </summary>
    public static async Task<IResult> Add(HttpRequest request, ReportIndex index, CancellationToken cancel)
    {
        var (name, bytes) = await ReadUpload(request, cancel);
        var outcome = (await index.Indexer.IndexUploadAsync(name, bytes, cancel)).Files.Single();
        return outcome.Result switch
        {
            FileResult.Failed => throw new InputRejectedException($"{name}: {outcome.Reason}"),
            FileResult.Unchanged => Results.Ok(new { id = outcome.ReportId, status = "unchanged" }),
            _ => Results.Created($"/api/reports/{outcome.ReportId}", new { id = outcome.ReportId, status = "indexed" }),
        };
    }

    public static IResult Delete(string id, ReportIndex index) =>
        index.Store.DeleteReport(id)
            ? Results.NoContent()
            : throw new InputRejectedException($"no report with id '{id}' is indexed; nothing was removed", InputRejection.NotFound);

    private static async Task<(string Name, byte[] Bytes)> ReadUpload(HttpRequest request, CancellationToken cancel)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancel);
            var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault()
                ?? throw new InputRejectedException("the form has no file: send the report as multipart field 'file'");
            using var stream = new MemoryStream();
            await file.CopyToAsync(stream, cancel);
            return (Path.GetFileName(file.FileName), stream.ToArray());
        }
        var name = request.Query["name"].FirstOrDefault()
            ?? request.GetTypedHeaders().ContentDisposition?.FileNameStar.Value
            ?? request.GetTypedHeaders().ContentDisposition?.FileName.Value?.Trim('"')
            ?? "report";
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancel);
        if (body.Length == 0)
            throw new InputRejectedException("the request body is empty: send a report file (txt, html or docx) as the body or as multipart field 'file'");
        return (Path.GetFileName(name), body.ToArray());
    }
}
