using System.IO.Compression;
using System.Text;
using ReportSearch.Core.Input;
using ReportSearch.Core.Parsing;

namespace ReportSearch.Core.Tests.Parsing;

public class RejectionTests
{
    private static InputRejectedException Rejected(byte[] bytes, string name, ReportInputOptions? options = null) =>
        Assert.Throws<InputRejectedException>(() => new ReportParser(options ?? new ReportInputOptions()).Parse(bytes, name));

    [Fact]
    public void Empty_file_and_whitespace_only_file()
    {
        foreach (var bytes in new[] { Array.Empty<byte>(), "\n \u3000\r\n"u8.ToArray(), [0xEF, 0xBB, 0xBF] })
        {
            var e = Rejected(bytes, "empty.txt");
            Assert.Equal(InputRejection.Invalid, e.Kind);
            Assert.Contains("empty", e.Message);
            Assert.Contains("accepted formats", e.Message);
        }
    }

    [Fact]
    public void Binary_bytes()
    {
        var random = new Random(7);
        var bytes = new byte[4096];
        random.NextBytes(bytes);
        var e = Rejected(bytes, "data.txt");
        Assert.Equal(InputRejection.UnsupportedType, e.Kind);
        Assert.Contains("binary", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Pdf_is_recognised_by_content_whatever_its_name()
    {
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF");
        foreach (var name in new[] { "report.pdf", "report.txt" })
        {
            var e = Rejected(pdf, name);
            Assert.Equal(InputRejection.UnsupportedType, e.Kind);
            Assert.Contains("PDF", e.Message);
            Assert.Contains(".docx", e.Message);
        }
    }

    [Fact]
    public void Legacy_doc_image_and_plain_zip()
    {
        Assert.Contains("legacy Office", Rejected([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0], "old.doc").Message);
        Assert.Contains("PNG", Rejected([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0], "scan.png").Message);
        using var zipped = new MemoryStream();
        using (var zip = new ZipArchive(zipped, ZipArchiveMode.Create, leaveOpen: true))
        using (var writer = new StreamWriter(zip.CreateEntry("report.txt").Open()))
            writer.Write("根据省委统一部署");
        var e = Rejected(zipped.ToArray(), "reports.zip");
        Assert.Equal(InputRejection.UnsupportedType, e.Kind);
        Assert.Contains("zip archive but not a Word .docx", e.Message);
    }

    [Fact]
    public void Oversize_file_is_refused_with_the_limit_named()
    {
        var options = new ReportInputOptions { MaxBytes = 1024 };
        var e = Rejected(Encoding.UTF8.GetBytes(new string('字', 1000)), "big.txt", options);
        Assert.Equal(InputRejection.TooLarge, e.Kind);
        Assert.Contains("over the", e.Message);
        Assert.Equal(20L * 1024 * 1024, new ReportInputOptions().MaxBytes);
    }

    [Fact]
    public void Missing_file_is_not_found()
    {
        var e = Assert.Throws<InputRejectedException>(() => new ReportParser().ParseFile("/no/such/report.txt"));
        Assert.Equal(InputRejection.NotFound, e.Kind);
    }

    [Fact]
    public void Oversize_file_on_disk_is_refused_before_reading()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, new byte[4096]);
            var e = Assert.Throws<InputRejectedException>(() => new ReportParser(new ReportInputOptions { MaxBytes = 100 }).ParseFile(path));
            Assert.Equal(InputRejection.TooLarge, e.Kind);
        }
        finally { File.Delete(path); }
    }
}
