using Microsoft.Extensions.FileProviders;

namespace ReportSearch.Api;

/// <summary>
/// The page in wwwroot, embedded in this assembly. The page routes (/, /compare, /report/{id}) all return index.html;
/// the script reads the path and query string, so a URL can be shared.
/// </summary>
internal static class WebPage
{
    public static IFileProvider Files { get; } =
        new EmbeddedFileProvider(typeof(WebPage).Assembly, "ReportSearch.Api.wwwroot");

    public static IResult Index()
    {
        var file = Files.GetFileInfo("index.html");
        return file.Exists
            ? Results.Stream(file.CreateReadStream(), "text/html; charset=utf-8")
            : Results.Problem(detail: "the web page is missing from this build", statusCode: StatusCodes.Status404NotFound);
    }

    /// <summary>
    /// The fallback: an unknown page path gets the page with status 404 (its script shows the not-found view), so a
    /// mistyped link still lands somewhere to go on from; API and file paths get problem+json as before.
    /// </summary>
    public static async Task NotFound(HttpContext context)
    {
        var path = context.Request.Path;
        var page = Files.GetFileInfo("index.html");
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi") || Path.HasExtension(path.Value) || !page.Exists
            || !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            await Results.Problem(detail: $"nothing is served at {path}; the routes are listed at /openapi/v1.json",
                statusCode: StatusCodes.Status404NotFound, title: "Not found").ExecuteAsync(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        context.Response.ContentType = "text/html; charset=utf-8";
        await using var stream = page.CreateReadStream();
        await stream.CopyToAsync(context.Response.Body, context.RequestAborted);
    }
}
