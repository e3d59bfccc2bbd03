using ReportSearch.Core.Model;

namespace ReportSearch.Index.Storage;

/// <summary>
/// The three FTS columns of a passage. A problem carries the headings it sits under (words often found only there,
/// FIELD-NOTES), its statement and all its measures; a measure carries only its own text.
/// bm25() weighs the columns: heading and statement above body.
/// </summary>
public sealed record PassageText(string Heading, string Statement, string Body)
{
    public static PassageText ForProblem(Problem p) =>
        new(string.Join(' ', p.Headings), p.Statement, string.Join(' ', p.Measures.Select(m => m.Text)));

    public static PassageText ForMeasure(Measure m) => new("", "", m.Text);
}
