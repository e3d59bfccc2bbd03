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
                ? Checked(new SourceDocument(ReadDocx(bytes, name), "docx"), name)
                : throw new InputRejectedException(
                    $"{name} is a zip archive but not a Word .docx document; {AcceptedFormats.Text}", InputRejection.UnsupportedType);

        if (FileSignature.UnsupportedKind(bytes) is { } kind)
            throw new InputRejectedException($"{name} is {kind}, which ReportSearch does not read; {AcceptedFormats.Text}",
                InputRejection.UnsupportedType);

        var text = TextDecoder.Decode(bytes);
        var document = HtmlArticleReader.LooksLikeHtml(text) ? ReadHtml(text, name) : ReadText(text, name);
        return Checked(document, name);
    }

    // Every format is measured before the expensive step: inflation before the OpenXml tree, nesting before the HTML
    // parser, lines and outline items before the report parser (which runs on what this returns).
    private List<string> ReadDocx(byte[] bytes, string name)
    {
        DocxInflation.Check(bytes, name, options);
        var paragraphs = DocxParagraphReader.Read(bytes);
        TextLimits.Check(paragraphs, name, options);
        return paragraphs;
    }

    private SourceDocument ReadHtml(string text, string name)
    {
        HtmlNesting.Check(text, name, options.MaxHtmlDepth);
        var lines = HtmlArticleReader.Read(text);
        TextLimits.Check(lines, name, options);
        return new SourceDocument(lines, "html");
    }

    private SourceDocument ReadText(string text, string name)
    {
        TextLimits.Check(text, name, options);
        return new SourceDocument(text.ReplaceLineEndings("\n").Split('\n'), "txt");
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
