namespace ReportSearch.Core.Input;

/// <summary>
/// Limits on what a report file may be (section "ReportSearch:Input" of appsettings.json). Each bounds the work one file
/// can cause, so a hostile or broken file is refused in well under a second instead of exhausting memory; real reports
/// sit far below every one of them (see docs/reliability.md for the margins).
/// </summary>
public sealed class ReportInputOptions
{
    /// <summary>Real reports are well under 1 MB even as .docx with images; 20 MB stops a wrong file early.</summary>
    public long MaxBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>Largest decompressed size of one part of a .docx (document.xml of a long report is about 2 MB).</summary>
    public long MaxDocxPartBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary>Largest decompressed size of all parts of a .docx together (images included).</summary>
    public long MaxDocxTotalBytes { get; set; } = 48L * 1024 * 1024;

    /// <summary>Deepest element nesting of an HTML page; saved report pages nest about 30 deep.</summary>
    public int MaxHtmlDepth { get; set; } = 512;

    /// <summary>Most numbered outline items (一、 （一） 1. …) in one report; a long one has a few hundred.</summary>
    public int MaxOutlineItems { get; set; } = 5_000;

    /// <summary>Most lines of text in one report.</summary>
    public int MaxLines { get; set; } = 100_000;

    /// <summary>Longest line (paragraph) in characters; a long paragraph of a report has about 2,000.</summary>
    public int MaxLineChars { get; set; } = 200_000;
}

/// <summary>A report file turned into lines of text, with the format it came in (txt, html or docx).</summary>
public sealed record SourceDocument(IReadOnlyList<string> Lines, string Format);

/// <summary>The one wording of what ReportSearch reads, used in every rejection.</summary>
internal static class AcceptedFormats
{
    public const string Text = "accepted formats: plain text (UTF-8, UTF-16 or GB18030/GBK), HTML, or Word .docx";
}
