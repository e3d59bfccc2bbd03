using System.Text;
using ReportSearch.Core.Model;

namespace ReportSearch.Index.Tests;

/// <summary>
/// Reports without recognisable problems (an opening, a summary, a short notice: issue 10) are indexed with their
/// metadata, sections and warnings and listed; a text that states no inspection at all is still refused.
/// </summary>
public sealed class OpeningIndexingTests
{
    private static string RealCase(string name) =>
        Path.Combine(TestIndex.RepoRoot, "tests", "ReportSearch.Core.Tests", "RealReports", "shared", name);

    [Fact]
    public async Task A_real_opening_is_indexed_with_its_metadata_and_counted_in_the_summary()
    {
        using var t = new TestIndex();
        var opening = Path.Combine(t.SeedsFolder, "17_山亭区徐庄镇党委.txt");
        File.Copy(RealCase("17_山亭区徐庄镇党委.txt"), opening);

        var summary = await t.IndexSeedsAsync();

        Assert.StartsWith("indexed 3, unchanged 0, failed 0", summary.ToString());
        Assert.Contains("note: 1 indexed without recognisable problems", summary.ToString());
        var listed = Assert.Single(t.Store.ListReports(), r => r.SourcePath == opening);
        Assert.Equal(0, listed.ProblemCount);
        Assert.Equal("徐庄镇", listed.Unit.Name);
        Assert.Equal("区委第五巡察组", listed.Inspection.Team);
        Assert.Equal(new DateOnly(2023, 11, 23), listed.PublishedDate);
        Assert.Contains(listed.Warnings, w => w.StartsWith("no problems found", StringComparison.Ordinal));
        var stored = t.Store.GetReport(listed.Id)!;
        Assert.Contains(stored.Sections, s => s.Kind == SectionKind.Organisation && s.Text.Contains("联合大执法机制"));

        // Searchable by its text: its sections are search documents of their own kind, never compared as problems.
        var found = await t.Index.Search.SearchAsync(new Search.SearchRequest("联合大执法机制") { Top = 100 });
        var hit = Assert.Single(found.Hits, h => h.ReportId == listed.Id);
        Assert.Equal("section", hit.Kind);
        Assert.Equal("", hit.ProblemId);
        Assert.Contains(stored.Sections, s => s.Text == hit.Text && s.Text.Contains("联合大执法机制"));
        Assert.Contains("<mark>", hit.Snippet);
        Assert.Contains("执法", hit.MatchedTerms);
        Assert.Equal(found.Total, found.Facets.Kind.GetValueOrDefault("section") + found.Facets.Kind.GetValueOrDefault("problem") + found.Facets.Kind.GetValueOrDefault("measure"));
        var compared = await t.Index.Compare.CompareAsync("联合大执法机制", perReport: null, reports: null);
        Assert.DoesNotContain(compared.Groups, g => g.ReportId == listed.Id);
    }

    [Fact]
    public async Task A_text_that_states_no_inspection_is_refused()
    {
        using var t = new TestIndex();
        var upload = await t.Index.Indexer.IndexUploadAsync("notes.txt", Encoding.UTF8.GetBytes("今天天气很好,我们去公园散步。\n晚上看了一场电影。"));
        var outcome = Assert.Single(upload.Files);
        Assert.Equal(Indexing.FileResult.Failed, outcome.Result);
        Assert.Contains("巡视整改进展情况通报", outcome.Reason);
        Assert.Empty(t.Store.ListReports());
    }
}
