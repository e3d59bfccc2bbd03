using ReportSearch.Core.Model;

namespace ReportSearch.Core.Classification;

/// <summary>A person's reading of one problem: which report, where in it, its categories (primary first).</summary>
public sealed record ProblemLabel(string Report, string Path, IReadOnlyList<string> Categories, string Excerpt);

/// <summary>A parsed problem together with its human label.</summary>
public sealed record LabelledProblem(string Report, Problem Problem, IReadOnlyList<string> Categories);

/// <summary>
/// The hand-labelled problems of the seed reports (Data/labels/seed-labels.tsv), keyed by report file name and problem path
/// so that the labels survive re-parsing: ids change with the bytes, paths do not.
/// </summary>
public sealed class LabelledSet
{
    public IReadOnlyList<ProblemLabel> Labels { get; }

    public LabelledSet(IReadOnlyList<ProblemLabel> labels) => Labels = labels;

    public static LabelledSet Seeds { get; } = new(DataFile.ReadTsv("labels/seed-labels.tsv", 4)
        .Select(r => new ProblemLabel(r[0], r[1], r[2].Split(';', StringSplitOptions.RemoveEmptyEntries), r[3]))
        .ToList());

    public IEnumerable<string> Reports => Labels.Select(l => l.Report).Distinct();

    /// <summary>
    /// Pairs each label with the problem of that path in the report parsed from the labelled file.
    /// A label without a problem means the parser and the labels disagree, which must be fixed rather than skipped.
    /// </summary>
    public IReadOnlyList<LabelledProblem> Join(IReadOnlyDictionary<string, RectificationReport> reportsByFileName)
    {
        var joined = new List<LabelledProblem>(Labels.Count);
        foreach (var label in Labels)
        {
            if (!reportsByFileName.TryGetValue(label.Report, out var report))
                throw new InvalidDataException($"labelled report {label.Report} was not supplied");
            var problem = report.Problems.FirstOrDefault(p => p.Path == label.Path)
                ?? throw new InvalidDataException($"{label.Report} has no problem at path {label.Path}; the labels and the parser disagree");
            joined.Add(new LabelledProblem(label.Report, problem, label.Categories));
        }
        return joined;
    }
}
