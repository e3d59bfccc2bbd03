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
        Reports = LabelledSet.Seeds.Reports.ToDictionary(n => n, Seeds.Parse);
        Examples = new LabelledExamples(new ReportParser(), Features).FromReports(Reports, LabelledSet.Seeds);
    }
}
