using ReportSearch.Core.Parsing;

namespace ReportSearch.Core.Text;

/// <summary>
/// Turns lines into paragraphs. Text copied from PDFs or mail is often hard-wrapped: a long line that ends
/// without sentence punctuation, followed by a line that does not start a numbered item, is the same paragraph.
/// Short unpunctuated lines (titles, headings, the signature) stay on their own, and so does a line followed by one that
/// opens an enumerated measure (一是, 二是…): "…问题的整改" over "一是全面深化理论学习" is a heading and its first measure;
/// a line repeated (a page that prints its title twice) is not its own continuation, and a title (关于…的通报) ends where it ends.
/// </summary>
public static class ParagraphBuilder
{
    // Wrapped lines are long; headings and signatures that legitimately end without punctuation are shorter.
    private const int WrappedLineMinLength = 30;

    public static List<Passage> Build(IEnumerable<Passage> lines)
    {
        var paragraphs = new List<Passage>();
        // The lines of the paragraph being built, joined once at the end (a long file must not be quadratic).
        var open = new List<Passage>();
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.IsBlank)
            {
                Flush();
                continue;
            }
            if (open.Count > 0 && IsWrapped(open[^1]) && !Numbering.StartsWithLabel(line.Normal) && !Numbering.StartsWithEnumeration(line.Normal)
                && line.Normal != open[^1].Normal)
            {
                open.Add(line);
                continue;
            }
            Flush();
            open.Add(line);
        }
        Flush();
        return paragraphs;

        void Flush()
        {
            if (open.Count > 0) paragraphs.Add(Passage.Join(open, ""));
            open.Clear();
        }
    }

    private static bool IsWrapped(Passage line) =>
        line.Length >= WrappedLineMinLength && !"。;:!?”\"》)".Contains(line.Normal[^1]) && !IsTitle(line.Normal);

    // "…关于…的通报" ends a title, not a wrapped line, even when the opening follows on the next line with no blank line.
    private static bool IsTitle(string normal) =>
        normal.Contains("关于", StringComparison.Ordinal) && (normal.EndsWith("通报", StringComparison.Ordinal) || normal.EndsWith("报告", StringComparison.Ordinal));
}
