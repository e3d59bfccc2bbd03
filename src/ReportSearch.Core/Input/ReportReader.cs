using System.IO.Compression;

namespace ReportSearch.Core.Input;

/// <summary>
/// First step of the pipeline: bytes in, lines of text out. Decides the format from the content, decodes, and
/// rejects what cannot be a report (empty, binary, too large, a format we do not read) with one line saying
/// what is wrong and what is accepted.
/// </summary>
public sealed class ReportReader(ReportInputOptions options)
{
    public SourceDocument Read(byte[] bytes, string? fileName)
    {
        var name = DisplayName(fileName);
        CheckSize(bytes.Length, fileName);
        if (bytes.Length == 0)
            throw Empty(name);

        if (FileSignature.IsZip(bytes))
            return IsDocx(bytes)
                ? Checked(new SourceDocument(DocxParagraphReader.Read(bytes), "docx"), name)
                : throw new InputRejectedException(
                    $"{name} is a zip archive but not a Word .docx document; {AcceptedFormats.Text}", InputRejection.UnsupportedType);

        if (FileSignature.UnsupportedKind(bytes) is { } kind)
            throw new InputRejectedException($"{name} is {kind}, which ReportSearch does not read; {AcceptedFormats.Text}",
                InputRejection.UnsupportedType);

        var text = TextDecoder.Decode(bytes);
        var document = HtmlArticleReader.LooksLikeHtml(text)
            ? new SourceDocument(HtmlArticleReader.Read(text), "html")
            : new SourceDocument(text.ReplaceLineEndings("\n").Split('\n'), "txt");
        return Checked(document, name);
    }

    /// <summary>Refuses a file over the size limit; called before reading a file from disk, too.</summary>
    public void CheckSize(long length, string? fileName)
    {
        if (length > options.MaxBytes)
            throw new InputRejectedException(
                $"{DisplayName(fileName)} is {length / 1024.0 / 1024.0:F1} MB, over the {options.MaxBytes / 1024.0 / 1024.0:F1} MB limit for one report; split it or raise ReportSearch:Input:MaxBytes",
                InputRejection.TooLarge);
    }

    private static string DisplayName(string? fileName) => string.IsNullOrEmpty(fileName) ? "the file" : Path.GetFileName(fileName);

    private static SourceDocument Checked(SourceDocument document, string name) =>
        document.Lines.All(string.IsNullOrWhiteSpace) ? throw Empty(name) : document;

    private static InputRejectedException Empty(string name) =>
        new($"{name} is empty: it holds no report text; {AcceptedFormats.Text}", InputRejection.Invalid);

    private static bool IsDocx(byte[] bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            return zip.GetEntry("word/document.xml") is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}
