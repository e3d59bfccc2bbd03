namespace ReportSearch.Core.Input;

/// <summary>
/// Recognises formats by their first bytes, not their extension: a .txt that is really a PDF is still a PDF.
/// </summary>
public static class FileSignature
{
    private static readonly (byte[] Magic, string Name)[] Unsupported =
    [
        ("%PDF"u8.ToArray(), "a PDF file"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "a legacy Office file (.doc/.xls/.ppt)"),
        ("{\\rtf"u8.ToArray(), "an RTF file"),
        ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
        ([0xFF, 0xD8, 0xFF], "a JPEG image"),
        ("GIF8"u8.ToArray(), "a GIF image"),
        ([0x49, 0x49, 0x2A, 0x00], "a TIFF image"),
        ([0x4D, 0x4D, 0x00, 0x2A], "a TIFF image"),
        ("RIFF"u8.ToArray(), "a RIFF media file"),
        ([0x1F, 0x8B], "a gzip archive"),
        ("Rar!"u8.ToArray(), "a RAR archive"),
        ([0x37, 0x7A, 0xBC, 0xAF], "a 7z archive"),
        ("OTTO"u8.ToArray(), "a font file"),
        ([0x7F, 0x45, 0x4C, 0x46], "an executable"),
    ];

    public static bool IsZip(ReadOnlySpan<byte> bytes) => bytes.StartsWith("PK\x03\x04"u8);

    /// <summary>What the bytes are when they are a format ReportSearch cannot read, else null.</summary>
    public static string? UnsupportedKind(ReadOnlySpan<byte> bytes)
    {
        foreach (var (magic, name) in Unsupported)
            if (bytes.StartsWith(magic)) return name;
        return null;
    }
}
