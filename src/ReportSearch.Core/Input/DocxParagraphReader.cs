using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ReportSearch.Core.Input;

/// <summary>Reads a Word .docx as its paragraphs in document order (tables included, cell by cell).</summary>
public static class DocxParagraphReader
{
    public static List<string> Read(byte[] bytes)
    {
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var document = WordprocessingDocument.Open(stream, isEditable: false);
            var body = document.MainDocumentPart?.Document?.Body;
            if (body is null) return [];
            return body.Descendants<Paragraph>().Select(ParagraphText).ToList();
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or IOException)
        {
            throw new InputRejectedException(
                $"the .docx file is damaged and cannot be read ({e.Message}); save it again from Word, or {AcceptedFormats.Text}",
                InputRejection.Invalid);
        }
    }

    // InnerText would run a soft line break's two lines together; a break is kept as a line break.
    private static string ParagraphText(Paragraph paragraph) =>
        string.Concat(paragraph.Descendants().Select(e => e switch
        {
            DocumentFormat.OpenXml.Wordprocessing.Text t => t.Text,
            Break => "\n",
            TabChar => " ",
            _ => "",
        }));
}
