using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Util;
using ReportSearch.Core.Model;

namespace ReportSearch.Index.Search;

/// <summary>
/// What a search hit is, as a Lucene document: a problem (the headings it sits under, its statement, and its measures as
/// body, so a query about what was done finds the problem) or one measure; a report in which no problem was recognised (an
/// opening, a summary, a short notice) is searchable by its sections instead. Analysed text goes into a word field and a
/// bigram field per part; what a hit shows is stored, but for its text, which the record store holds (a second copy was a
/// quarter of the search index): a hit names the row its text is read from. Filters, facets and sort read doc values.
/// </summary>
public static class SearchDocument
{
    /// <summary>Bumped whenever fields or analysis change meaning: a search index of another version is rebuilt on open.</summary>
    public const string Schema = "lucene-3";

    public static class Names
    {
        public const string Report = "report";
        /// <summary>The problem a document belongs to (problems and measures alike).</summary>
        public const string Problem = "problem";
        /// <summary>Only on problem documents: how a vector neighbour (a problem) finds its document.</summary>
        public const string ProblemDocument = "problem_doc";
        public const string Measure = "measure";
        public const string Path = "path";
        /// <summary>Only on section documents: the section's ordinal in its report, where its text is read from.</summary>
        public const string Section = "section";
        public const string PublishedDate = "published";
        /// <summary>yyyyMMdd as a number, 0 when the report states no date: sort by date.</summary>
        public const string DateNumber = "date_number";

        // Facet and filter fields: sorted-set doc values, and stored for display.
        public const string Unit = "unit";
        public const string City = "city";
        public const string Province = "province";
        public const string Category = "category";
        public const string Kind = "kind";
        public const string Year = "year";

        public static readonly string[] Facets = [Unit, City, Province, Category, Kind, Year];

        /// <summary>The analysed parts of a document; each has a word field and a bigram field.</summary>
        public const string Heading = "heading";
        public const string Statement = "statement";
        public const string Body = "body";

        public static string Words(string part) => "w." + part;
        public static string Bigrams(string part) => "b." + part;
        public static bool IsBigrams(string field) => field.StartsWith("b.", StringComparison.Ordinal);
    }

    /// <summary>The documents of one report: each problem, then its measures.</summary>
    public static IEnumerable<Document> For(RectificationReport report)
    {
        var shared = SharedFields(report);
        foreach (var p in report.Problems)
        {
            var problem = Base(report, shared, "problem", p.Id, null, p.Path, p.Categories);
            problem.Add(new StringField(Names.ProblemDocument, p.Id, Field.Store.NO));
            AddText(problem, Names.Heading, string.Join(' ', p.Headings));
            AddText(problem, Names.Statement, p.Statement);
            // One value per measure (Lucene joins them, with a position gap): each is analysed as the measure's own document
            // analyses it, so the segmentation is made once and recalled.
            foreach (var m in p.Measures) AddText(problem, Names.Body, m.Text);
            yield return problem;

            foreach (var m in p.Measures)
            {
                var measure = Base(report, shared, "measure", p.Id, m.Id, p.Path, p.Categories);
                AddText(measure, Names.Body, m.Text);
                yield return measure;
            }
        }
        if (report.Problems.Count > 0) yield break;
        foreach (var (section, ordinal) in report.Sections.Select((s, i) => (s, i)).Where(x => !string.IsNullOrWhiteSpace(x.s.Text)))
        {
            var doc = Base(report, shared, "section", "", null, section.Path, []);
            doc.Add(new StoredField(Names.Section, ordinal));
            AddText(doc, Names.Heading, section.Heading ?? "");
            AddText(doc, Names.Statement, section.Text);
            yield return doc;
        }
    }

    private static List<(string Field, string Value)> SharedFields(RectificationReport r)
    {
        var values = new List<(string, string)>();
        if (r.Unit.Name is { Length: > 0 } unit) values.Add((Names.Unit, unit));
        if (r.Unit.City is { Length: > 0 } city) values.Add((Names.City, city));
        if (r.Unit.Province is { Length: > 0 } province) values.Add((Names.Province, province));
        if (r.PublishedDate is { } d) values.Add((Names.Year, d.Year.ToString(CultureInfo.InvariantCulture)));
        return values;
    }

    private static Document Base(RectificationReport report, List<(string Field, string Value)> shared, string kind,
        string problemId, string? measureId, string path, IReadOnlyList<string> categories)
    {
        var doc = new Document
        {
            new StringField(Names.Report, report.Id, Field.Store.YES),
            new StringField(Names.Problem, problemId, Field.Store.YES),
            new StoredField(Names.Path, path),
            new NumericDocValuesField(Names.DateNumber, report.PublishedDate is { } d ? d.Year * 10000 + d.Month * 100 + d.Day : 0),
        };
        if (measureId is not null) doc.Add(new StoredField(Names.Measure, measureId));
        if (report.PublishedDate is { } date) doc.Add(new StoredField(Names.PublishedDate, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        AddFacet(doc, Names.Kind, kind);
        foreach (var (field, value) in shared) AddFacet(doc, field, value);
        foreach (var category in categories) AddFacet(doc, Names.Category, category);
        return doc;
    }

    private static void AddFacet(Document doc, string field, string value)
    {
        doc.Add(new SortedSetDocValuesField(field, new BytesRef(value)));
        doc.Add(new StoredField(field, value));
    }

    private static void AddText(Document doc, string part, string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return;
        doc.Add(new TextField(Names.Words(part), text, Field.Store.NO));
        doc.Add(new TextField(Names.Bigrams(part), text, Field.Store.NO));
    }
}
