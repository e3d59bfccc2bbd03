using System.IO.Compression;

namespace ReportSearch.Core.Input;

/// <summary>
/// Inflates every part of a .docx once, counting the bytes that really come out, before the OpenXml reader builds its
/// tree: a zip bomb (a few MB claiming to be small, inflating to GB) is refused after at most the limits' worth of work,
/// with constant memory (the inflated bytes are read into one small buffer and dropped).
/// </summary>
internal static class DocxInflation
{
    public static void Check(byte[] bytes, string name, ReportInputOptions options)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
        var buffer = new byte[81920];
        long total = 0;
        foreach (var entry in zip.Entries)
        {
            using var part = new BoundedStream(entry.Open(), options.MaxDocxPartBytes,
                () => TooLarge(name, $"its part {entry.FullName} inflates to more than {Mb(options.MaxDocxPartBytes)}", "MaxDocxPartBytes"));
            int read;
            while ((read = part.Read(buffer)) > 0)
            {
                total += read;
                if (total > options.MaxDocxTotalBytes)
                    throw TooLarge(name, $"its parts inflate to more than {Mb(options.MaxDocxTotalBytes)} together", "MaxDocxTotalBytes");
            }
        }
    }

    private static string Mb(long bytes) => $"{bytes / 1024.0 / 1024.0:0.#} MB";

    private static InputRejectedException TooLarge(string name, string what, string setting) =>
        new($"{name} is a .docx whose content is too large: {what} (a zip bomb or a huge embedded file); remove the large content or raise ReportSearch:Input:{setting}",
            InputRejection.TooLarge);
}
