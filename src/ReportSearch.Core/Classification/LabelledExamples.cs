using ReportSearch.Core.Model;
using ReportSearch.Core.Parsing;

namespace ReportSearch.Core.Classification;

/// <summary>
/// The labelled set as the classifier sees it: each labelled report file parsed, each label joined to its problem by path,
/// each problem turned into features. Parsing rather than storing texts keeps the labels valid for whatever the parser
/// makes of the headings and measures today.
/// </summary>
public sealed class LabelledExamples(ReportParser parser, ProblemFeatures features)
{
    public const string SeedsKind = "seeds";

    /// <summary>The labelled reports parsed from <paramref name="folder"/>, or from the copies embedded in this assembly when null.</summary>
    public IReadOnlyList<EvaluationExample> From(string? folder, LabelledSet labels) =>
        FromReports(LabelledReports(parser, labels, folder), labels);

    /// <summary>
    /// Each labelled report parsed, by file name: from <paramref name="folder"/> when given, else from the seeds embedded in
    /// this assembly (see the csproj), so a model can be trained wherever the service runs.
    /// </summary>
    public static IReadOnlyDictionary<string, RectificationReport> LabelledReports(ReportParser parser, LabelledSet labels, string? folder = null)
    {
        var reports = new Dictionary<string, RectificationReport>(StringComparer.Ordinal);
        foreach (var name in labels.Reports)
        {
            if (folder is null)
            {
                using var stream = typeof(LabelledExamples).Assembly.GetManifestResourceStream("ReportSearch.Data.labels.reports." + name)
                    ?? throw new InvalidOperationException($"labelled report {name} is not embedded in this build");
                using var bytes = new MemoryStream();
                stream.CopyTo(bytes);
                reports[name] = parser.Parse(bytes.ToArray(), name);
                continue;
            }
            var path = System.IO.Path.Combine(folder, name);
            if (!File.Exists(path))
                throw new InputRejectedException($"labelled report {name} is not in {folder}; give the folder holding the seed reports with --seeds DIR");
            reports[name] = parser.ParseFile(path);
        }
        return reports;
    }

    public IReadOnlyList<EvaluationExample> FromReports(IReadOnlyDictionary<string, RectificationReport> reportsByFileName, LabelledSet labels) =>
        labels.Join(reportsByFileName)
            .Select(l => new EvaluationExample(l.Report, SeedsKind, l.Problem.Path, new TrainingExample(features.Of(l.Problem), l.Categories)))
            .ToList();
}
