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
}
