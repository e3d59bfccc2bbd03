using System.IO.Compression;
using System.Text;

namespace ReportSearch.Testing;

/// <summary>
/// Hostile report files, made on the fly so none is committed: each once exhausted the unbounded reader
/// (a zip bomb docx, 100,000 nested divs, millions of 一、 headings). Linked into Core.Tests too.
/// </summary>
public static class HostileFiles
{
    /// <summary>A .docx whose word/document.xml (and <paramref name="parts"/>-1 more parts) inflates to <paramref name="inflatedBytes"/> each.</summary>
    public static byte[] ZipBomb(long inflatedBytes, int parts = 1)
    {
        using var file = new MemoryStream();
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("[Content_Types].xml").Open().Dispose();
            var chunk = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<w:p><w:r><w:t>一、</w:t></w:r></w:p>", 2000)));
            for (var p = 0; p < parts; p++)
            {
                using var part = zip.CreateEntry(p == 0 ? "word/document.xml" : $"word/media/part{p}.bin", CompressionLevel.SmallestSize).Open();
                for (long written = 0; written < inflatedBytes; written += chunk.Length) part.Write(chunk);
            }
        }
        return file.ToArray();
    }

    public static byte[] NestedDivs(int depth) =>
        Encoding.UTF8.GetBytes("<html><body>" + string.Concat(Enumerable.Repeat("<div>", depth)) + "一、问题" + string.Concat(Enumerable.Repeat("</div>", depth)) + "</body></html>");

    public static byte[] Headings(int count)
    {
        var text = new StringBuilder("关于巡视整改进展情况的通报\n", count * 3 + 32);
        for (var i = 0; i < count; i++) text.Append("一、\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
