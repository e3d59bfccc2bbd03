namespace ReportSearch.Core.Classification;

/// <summary>One public page the real set's statements were taken from.</summary>
public sealed record RealSource(string Id, string Url, string Issuer, string Kind, string Document);

/// <summary>A finding statement exactly as a public page gives it, with its measures when the page gives them, labelled by hand.</summary>
public sealed record RealStatement(string Source, string Url, string Statement, IReadOnlyList<string> Measures, IReadOnlyList<string> Categories, string Notes);

/// <summary>
/// The real labelled set: statements from published inspection feedback notices and rectification reports beyond the seeds
/// (tests/data/labels/real-labels.tsv and real-sources.tsv, embedded at build). It trains the shipped model and, held out one
/// source at a time, measures it on text it has not seen.
/// </summary>
public sealed class RealLabelledSet
{
    public const string Kind = "real";

    public IReadOnlyList<RealSource> Sources { get; }
    public IReadOnlyList<RealStatement> Statements { get; }

    public RealLabelledSet(IReadOnlyList<RealSource> sources, IReadOnlyList<RealStatement> statements)
    {
        var known = sources.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var stray = statements.FirstOrDefault(s => !known.Contains(s.Source));
        if (stray is not null) throw new InvalidDataException($"statement of source {stray.Source} has no row in real-sources.tsv");
        // One page under two ids would be held out under one while its twin trains the model: the figures would be in sample.
        var twin = sources.GroupBy(s => s.Url, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (twin is not null) throw new InvalidDataException($"sources {string.Join(", ", twin.Select(s => s.Id))} are the same page {twin.Key}");
        Sources = sources;
        Statements = statements;
    }

    public static RealLabelledSet Default { get; } = new(
        DataFile.ReadTsv("labels/real-sources.tsv", 5).Select(r => new RealSource(r[0], r[1], r[2], r[3], r[4])).ToList(),
        DataFile.ReadTsv("labels/real-labels.tsv", 6).Select(r => new RealStatement(r[0], r[1], r[2],
            r[3].Length == 0 ? [] : [r[3]], r[4].Split(';', StringSplitOptions.RemoveEmptyEntries), r[5])).ToList());

    public IReadOnlyList<EvaluationExample> Examples(ProblemFeatures features) =>
        Statements.Select((s, i) => new EvaluationExample(s.Source, Kind, $"{s.Source}#{i + 1}",
            new TrainingExample(features.Of(s.Statement, [], s.Measures), s.Categories))).ToList();
}
