using Microsoft.Net.Http.Headers;
using ReportSearch.Core.Export;

namespace ReportSearch.Api;

/// <summary>
/// An export as an HTTP attachment: its content type, and Content-Disposition with the UTF-8 name (RFC 5987 filename*)
/// and an ASCII fallback that still reads as a name (compare-2026-12-02.csv), not the framework's row of underscores.
/// </summary>
internal static class Download
{
    // The Chinese stems ExportedFile.NameFor gives, in the words an English file name would use.
    private static readonly (string Chinese, string Ascii)[] Stems = [("对比", "compare"), ("类别矩阵", "categories-by-district")];

    public static IResult Of(ExportedFile file) => new Attachment(file, AsciiName(file.FileName, DateOnly.FromDateTime(DateTime.UtcNow)));

    /// <summary>The fallback name: the export's kind in English, the date, the extension.</summary>
    public static string AsciiName(string fileName, DateOnly day)
    {
        var extension = Path.GetExtension(fileName);
        var stem = Stems.FirstOrDefault(s => fileName.StartsWith(s.Chinese, StringComparison.Ordinal)).Ascii ?? "export";
        return $"{stem}-{day:yyyy-MM-dd}{(extension.All(char.IsAscii) ? extension : "")}";
    }

    private sealed class Attachment(ExportedFile file, string asciiName) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            var disposition = new ContentDispositionHeaderValue("attachment");
            disposition.SetHttpFileName(file.FileName);
            disposition.FileName = asciiName;
            context.Response.Headers.ContentDisposition = disposition.ToString();
            return Results.File(file.Content, file.ContentType).ExecuteAsync(context);
        }
    }
}
