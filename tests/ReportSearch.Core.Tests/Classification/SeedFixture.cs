using ReportSearch.Core.Analysis;
using ReportSearch.Core.Classification;
using ReportSearch.Core.Model;
using ReportSearch.Core.Parsing;

namespace ReportSearch.Core.Tests.Classification;

/// <summary>The seed reports parsed by the real parser and the real analysis chain, built once for the classification tests.</summary>
public sealed class SeedFixture
{
    public IReadOnlyDictionary<string, RectificationReport> Reports { get; }
    public ProblemFeatures Features { get; } = new(new ChineseAnalyzer(), new FeatureOptions());
    public IReadOnlyList<EvaluationExample> Examples { get; }

    public SeedFixture()
    {
        var seeds = SeedsFolder();
        var parser = new ReportParser();
        Reports = LabelledSet.Seeds.Reports.ToDictionary(n => n, n => parser.ParseFile(Path.Combine(seeds, n)));
        Examples = new LabelledExamples(parser, Features).FromReports(Reports, LabelledSet.Seeds);
    }

    private static string SeedsFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var seeds = Path.Combine(dir.FullName, "seeds");
            if (File.Exists(Path.Combine(dir.FullName, "ReportSearch.sln")) && Directory.Exists(seeds)) return seeds;
        }
        throw new DirectoryNotFoundException("seeds/ not found above the test assembly");
    }
}
