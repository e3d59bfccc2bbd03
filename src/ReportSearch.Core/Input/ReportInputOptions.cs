namespace ReportSearch.Core.Input;

/// <summary>Limits on what a report file may be (section "ReportSearch:Input" of appsettings.json).</summary>
public sealed class ReportInputOptions
{
    /// <summary>Real reports are well under 1 MB even as .docx with images; 20 MB stops a wrong file early.</summary>
    public long MaxBytes { get; set; } = 20L * 1024 * 1024;
}

/// <summary>A report file turned into lines of text, with the format it came in (txt, html or docx).</summary>
public sealed record SourceDocument(IReadOnlyList<string> Lines, string Format);

/// <summary>The one wording of what ReportSearch reads, used in every rejection.</summary>
internal static class AcceptedFormats
{
    public const string Text = "accepted formats: plain text (UTF-8, UTF-16 or GB18030/GBK), HTML, or Word .docx";
}
