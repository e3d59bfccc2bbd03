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
    public IReadOnlyList<EvaluationExample> FromFolder(string folder, LabelledSet labels)
    {
        var reports = new Dictionary<string, RectificationReport>(StringComparer.Ordinal);
        foreach (var name in labels.Reports)
        {
            var path = System.IO.Path.Combine(folder, name);
            if (!File.Exists(path))
                throw new InputRejectedException($"labelled report {name} is not in {folder}; give the folder holding the seed reports with --seeds DIR");
            reports[name] = parser.ParseFile(path);
        }
        return FromReports(reports, labels);
    }

    public IReadOnlyList<EvaluationExample> FromReports(IReadOnlyDictionary<string, RectificationReport> reportsByFileName, LabelledSet labels) =>
        labels.Join(reportsByFileName)
            .Select(l => new EvaluationExample(l.Report, l.Problem.Path, new TrainingExample(features.Of(l.Problem), l.Categories)))
            .ToList();
}
