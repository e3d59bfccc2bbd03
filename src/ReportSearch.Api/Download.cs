using ReportSearch.Core.Export;

namespace ReportSearch.Api;

/// <summary>An export as an HTTP attachment: its content type, and Content-Disposition with the UTF-8 name (RFC 5987 filename*) and an ASCII fallback.</summary>
internal static class Download
{
    public static IResult Of(ExportedFile file) => Results.File(file.Content, file.ContentType, file.FileName);
}
