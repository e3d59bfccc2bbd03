using ReportSearch.Core.Comparison;
using ReportSearch.Core.Model;
using ReportSearch.Index.Search;
using Xunit.Abstractions;

namespace ReportSearch.Index.Tests.Relevance;

/// <summary>
/// The comparison's relevance floors measured on the judged set: of the best three problems a comparison shows per
/// report, how many are relevant (precision), how many relevant ones it shows (recall), and how often a report with
/// nothing relevant shows something anyway. The figures are printed; CompareOptions carries the measured defaults.
/// </summary>
public sealed class CompareFloorTests(SeededIndex seeded, ITestOutputHelper output) : IClassFixture<SeededIndex>
{
    private sealed record Figures(int Kept, int KeptRelevant, double RecallSum, int RecallCount, int EmptyShown, int Empty)
    {
        public double Precision => (double)KeptRelevant / Math.Max(1, Kept);
        public double Recall => RecallSum / Math.Max(1, RecallCount);
        public override string ToString() => $"precision {Precision:0.00}  recall {Recall:0.00}  nothing-relevant reports shown {EmptyShown}/{Empty}";
    }

    [Fact]
    public async Task The_term_floor_shows_fewer_unrelated_problems_and_keeps_the_relevant_ones()
    {
        var store = seeded.Test.Index.Store;
        var reports = store.ListReports().Select(r => store.GetReport(r.Id)!).ToList();
        var seedOf = reports.ToDictionary(r => r.Id, r => r.SourceName![..3]);
        var queries = RelevanceSet.Load();
        var hits = new Dictionary<string, List<ProblemScore>>();
        foreach (var q in queries)
            hits[q.Id] = (await seeded.Search.SearchAsync(new SearchRequest(q.Query) { Top = 200 })).Hits
                .Select(h => new ProblemScore(h.ReportId, h.ProblemId, h.Score)).ToList();

        Figures Measure(ComparisonBuilder builder)
        {
            var f = new Figures(0, 0, 0, 0, 0, 0);
            foreach (var q in queries)
            {
                var result = builder.Build(new CompareRequest(q.Query, hits[q.Id], 3), id => reports.Single(r => r.Id == id));
                foreach (var report in reports)
                {
                    var relevant = q.Relevant[seedOf[report.Id]];
                    var shown = result.Groups.SingleOrDefault(g => g.ReportId == report.Id)?.Matches
                        .Select(m => report.Problems.Single(p => p.Id == m.ProblemId).Path).ToList() ?? [];
                    f = f with { Kept = f.Kept + shown.Count, KeptRelevant = f.KeptRelevant + shown.Count(relevant.Contains) };
                    f = relevant.Count == 0
                        ? f with { Empty = f.Empty + 1, EmptyShown = f.EmptyShown + (shown.Count > 0 ? 1 : 0) }
                        : f with { RecallSum = f.RecallSum + (double)shown.Count(relevant.Contains) / Math.Min(3, relevant.Count), RecallCount = f.RecallCount + 1 };
                }
            }
            return f;
        }

        var recognizer = new MeasureTypeRecognizer(MeasureTypeCatalog.Default);
        var defaults = new CompareOptions();
        var scoreOnly = Measure(new ComparisonBuilder(recognizer, defaults));
        var noFloor = Measure(new ComparisonBuilder(recognizer, new CompareOptions { MinScore = 0, RelativeFloor = 0 }));
        var measured = Measure(new ComparisonBuilder(recognizer, defaults, new QueryCoverage(seeded.Test.Index.Analyzer)));
        output.WriteLine($"no floor        {noFloor}");
        output.WriteLine($"score floors    {scoreOnly}");
        output.WriteLine($"+ term floor    {measured}   (the defaults)");

        // Measured 0.59 / 0.85 / 19 of 52 against 0.47 / 0.87 / 29 of 52 with the score floors alone.
        Assert.True(measured.Precision >= scoreOnly.Precision + 0.08, $"precision {measured.Precision:0.00} vs {scoreOnly.Precision:0.00}");
        Assert.True(measured.Recall >= 0.82, $"recall {measured.Recall:0.00}");
        Assert.True(measured.EmptyShown <= scoreOnly.EmptyShown - 6, $"{measured.EmptyShown} vs {scoreOnly.EmptyShown}");
    }
}
