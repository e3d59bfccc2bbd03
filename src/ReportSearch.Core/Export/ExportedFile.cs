using System.Text;

namespace ReportSearch.Core.Export;

/// <summary>An export ready to hand over: bytes, content type and a file name (Chinese kept; hosts encode it, e.g. RFC 5987).</summary>
public sealed record ExportedFile(string FileName, string ContentType, byte[] Content)
{
    /// <summary>A file name from the subject of the export: 对比-干部借调.xlsx. Characters file systems refuse become '_'.</summary>
    public static string NameFor(string prefix, string subject, ExportFormat format)
    {
        var invalid = Path.GetInvalidFileNameChars().Concat(['/', '\\', ':', '*', '?', '"', '<', '>', '|']).ToHashSet();
        var cleaned = new StringBuilder();
        foreach (var c in subject.Trim())
        {
            if (cleaned.Length >= 40) break;
            cleaned.Append(invalid.Contains(c) || char.IsControl(c) || char.IsWhiteSpace(c) ? '_' : c);
        }
        var stem = cleaned.Length == 0 ? prefix : $"{prefix}-{cleaned}";
        return stem + format.Extension;
    }
}
