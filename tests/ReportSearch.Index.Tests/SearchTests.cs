using ReportSearch.Core;
using ReportSearch.Index.Search;

namespace ReportSearch.Index.Tests;

public sealed class SearchTests(SeededIndex seeded) : IClassFixture<SeededIndex>
{
    private SearchService Search => seeded.Search;

    [Fact]
    public async Task Secondment_asked_in_one_districts_words_finds_both_districts_problems()
    {
        foreach (var query in new[] { "借调", "混编混岗" })
        {
            var result = await Search.SearchAsync(new SearchRequest(query) { Kinds = ["problem"], Top = 5 });
            var paths = result.Hits.Select(h => (h.Unit, h.Path)).ToList();
            Assert.Contains(("高陵区", "二/(三)/2/(35)"), paths);
            Assert.Contains(("高明区", "二/第三方面/(三)/4"), paths);
        }
    }

    [Fact]
    public async Task A_search_without_facets_finds_the_same_hits_and_counts_no_facet()
    {
        var with = await Search.SearchAsync(new SearchRequest("借调干部") { Top = 50 });
        var without = await Search.SearchAsync(new SearchRequest("借调干部") { Top = 50, Facets = false });
        Assert.Equal(with.Hits.Select(h => (h.ProblemId, h.MeasureId, h.Score)), without.Hits.Select(h => (h.ProblemId, h.MeasureId, h.Score)));
        Assert.Equal((with.Total, with.Folded), (without.Total, without.Folded));
        Assert.NotEmpty(with.Facets.Unit);
        Assert.Empty(without.Facets.Unit);
        Assert.Empty(without.Facets.Category);
    }

    [Fact]
    public async Task Hits_carry_the_contract_fields_and_scores_between_0_and_1()
    {
        var result = await Search.SearchAsync(new SearchRequest("借调干部") { Top = 20 });
        Assert.Equal("借调干部", result.Query);
        Assert.True(result.Total >= result.Hits.Count);
        Assert.True(result.TookMs >= 0);
        Assert.All(result.Hits, h =>
        {
            Assert.Matches("^[0-9a-f]{16}$", h.ReportId);
            Assert.StartsWith(h.ReportId + "-p", h.ProblemId);
            Assert.Contains(h.Kind, new[] { "problem", "measure" });
            Assert.Equal(h.Kind == "measure", h.MeasureId is not null);
            Assert.NotEmpty(h.Text);
            Assert.InRange(h.Score, 0.0, 1.0);
            Assert.NotNull(h.City);
            Assert.NotNull(h.Province);
        });
        Assert.Equal(result.Hits.OrderByDescending(h => h.Score).Select(h => h.Score), result.Hits.Select(h => h.Score));
        // A hit's text is read from the record store: the problem's statement or the measure's text.
        Assert.All(result.Hits, h =>
        {
            var problem = seeded.Test.Store.GetReport(h.ReportId)!.Problems.Single(p => p.Id == h.ProblemId);
            Assert.Equal(h.MeasureId is null ? problem.Statement : problem.Measures.Single(m => m.Id == h.MeasureId).Text, h.Text);
        });
    }

    [Fact]
    public async Task Filters_narrow_the_hits_and_facets_count_every_match_not_only_the_page()
    {
        var all = await Search.SearchAsync(new SearchRequest("整改 干部") { Top = 5 });
        Assert.True(all.Total > 5);
        Assert.Equal(all.Total, all.Facets.Unit.Values.Sum());
        Assert.Equal(all.Total, all.Facets.Province.Values.Sum());
        Assert.Equal(2, all.Facets.Unit.Count);

        var gaoling = await Search.SearchAsync(new SearchRequest("整改 干部") { Units = ["高陵区"], Top = 1000 });
        Assert.Equal(all.Facets.Unit["高陵区"], gaoling.Total);
        Assert.All(gaoling.Hits, h => Assert.Equal("高陵区", h.Unit));

        var guangdong = await Search.SearchAsync(new SearchRequest("整改 干部") { Provinces = ["广东省"], Top = 1000 });
        Assert.Equal(all.Facets.Province["广东省"], guangdong.Total);
        Assert.All(guangdong.Hits, h => Assert.Equal("佛山市", h.City));

        var foshan = await Search.SearchAsync(new SearchRequest("整改 干部") { Cities = ["佛山市"], Top = 1000 });
        Assert.Equal(guangdong.Total, foshan.Total);

        var measures = await Search.SearchAsync(new SearchRequest("整改 干部") { Kinds = ["measure"], Top = 1000 });
        Assert.All(measures.Hits, h => Assert.Equal("measure", h.Kind));
        var problems = await Search.SearchAsync(new SearchRequest("整改 干部") { Kinds = ["problem"], Top = 1000 });
        Assert.Equal(all.Total, measures.Total + problems.Total);

        // 高明区 published 2021-05-08, 高陵区 2022-05-06.
        var in2021 = await Search.SearchAsync(new SearchRequest("整改 干部") { From = new DateOnly(2021, 1, 1), To = new DateOnly(2021, 12, 31), Top = 1000 });
        Assert.Equal(all.Facets.Unit["高明区"], in2021.Total);
        var none = await Search.SearchAsync(new SearchRequest("整改 干部") { From = new DateOnly(2023, 1, 1) });
        Assert.Equal(0, none.Total);
        Assert.Empty(none.Facets.Unit);
    }

    [Fact]
    public async Task Categories_filter_and_facet()
    {
        using var t = new TestIndex();
        await t.IndexSeedsAsync();
        var report = t.Store.ListReports().Single(r => r.Unit.Name == "高陵区");
        var problem = t.Store.GetReport(report.Id)!.Problems.Single(p => p.Path == "二/(三)/2/(35)");
        t.Store.SaveCategoryCorrection(problem.Id, ["cadre_management"]);
        t.Index.SearchIndex.Sync();

        var all = await t.Index.Search.SearchAsync(new SearchRequest("借调") { Top = 100 });
        var cadre = await t.Index.Search.SearchAsync(new SearchRequest("借调") { Categories = ["cadre_management"], Top = 100 });
        Assert.Equal(1 + problem.Measures.Count(m => cadre.Hits.Any(h => h.MeasureId == m.Id)), cadre.Total);
        Assert.All(cadre.Hits, h => Assert.Equal(problem.Id, h.ProblemId));
        Assert.All(cadre.Hits, h => Assert.Equal(["cadre_management"], h.Categories));
        Assert.Equal(cadre.Total, all.Facets.Category["cadre_management"]);
        Assert.Contains(cadre.Hits, h => h.Kind == "problem");
    }

    [Fact]
    public async Task Snippets_mark_the_matched_terms_including_thesaurus_equivalents()
    {
        var result = await Search.SearchAsync(new SearchRequest("借调") { Top = 10 });
        var gaoling = result.Hits.First(h => h.Path == "二/(三)/2/(35)" && h.Kind == "problem");
        Assert.Matches("<mark>[^<]*借调[^<]*</mark>", gaoling.Snippet);
        var gaoming = result.Hits.First(h => h.Path == "二/第三方面/(三)/4" && h.Kind == "problem");
        Assert.Contains("<mark>混编混岗</mark>", gaoming.Snippet);
    }

    [Fact]
    public async Task Without_snippets_the_same_hits_come_back_in_the_same_order_with_their_text_unmarked()
    {
        var marked = await Search.SearchAsync(new SearchRequest("借调干部") { Top = 50 });
        var plain = await Search.SearchAsync(new SearchRequest("借调干部") { Top = 50, Snippets = false });
        Assert.Equal(marked.Hits.Select(h => (h.ProblemId, h.MeasureId, h.Score)), plain.Hits.Select(h => (h.ProblemId, h.MeasureId, h.Score)));
        Assert.Contains(marked.Hits, h => h.Snippet.Contains("<mark>", StringComparison.Ordinal));
        Assert.All(plain.Hits, h =>
        {
            Assert.DoesNotContain("<mark>", h.Snippet, StringComparison.Ordinal);
            Assert.StartsWith(System.Net.WebUtility.HtmlDecode(h.Snippet.TrimEnd('…')), h.Text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Snippet_text_is_html_escaped_and_overlapping_terms_merge()
    {
        var snippets = new SnippetHighlighter(TestIndex.Analyzer);
        var snippet = snippets.Mark("<b>违规借调</b> & 混编混岗问题", ["借调", "违规借", "混编混岗"]);
        Assert.Equal("&lt;b&gt;<mark>违规借调</mark>&lt;/b&gt; &amp; <mark>混编混岗</mark>问题", snippet);
        var longText = new string('甲', 300) + "借调" + new string('乙', 300);
        var window = new SnippetHighlighter(TestIndex.Analyzer, maxLength: 100).Mark(longText, ["借调"]);
        Assert.StartsWith("…", window);
        Assert.EndsWith("…", window);
        Assert.Contains("<mark>借调</mark>", window);
        // Offsets point into the original: full-width and traditional text is marked where it stands.
        Assert.Equal("<mark>違規借調</mark>幹部", snippets.Mark("違規借調幹部", ["违规借调"]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("？！。，、……")]
    [InlineData("?!.,;")]
    [InlineData("的")]
    public async Task Empty_punctuation_only_and_stop_word_queries_are_rejected(string query)
    {
        var ex = await Assert.ThrowsAsync<InputRejectedException>(() => Search.SearchAsync(new SearchRequest(query)));
        Assert.Equal(InputRejection.Invalid, ex.Kind);
    }

    [Fact]
    public async Task Too_long_queries_and_bad_options_are_rejected()
    {
        await Assert.ThrowsAsync<InputRejectedException>(() => Search.SearchAsync(new SearchRequest(new string('借', 201))));
        await Assert.ThrowsAsync<InputRejectedException>(() => Search.SearchAsync(new SearchRequest("借调") { Kinds = ["chapter"] }));
        await Assert.ThrowsAsync<InputRejectedException>(() => Search.SearchAsync(new SearchRequest("借调") { Top = 0 }));
        await Assert.ThrowsAsync<InputRejectedException>(() =>
            Search.SearchAsync(new SearchRequest("借调") { From = new DateOnly(2022, 1, 1), To = new DateOnly(2021, 1, 1) }));
        var ok = await Search.SearchAsync(new SearchRequest(new string('借', 200)));
        Assert.NotNull(ok);
    }

    [Fact]
    public async Task When_too_few_query_terms_match_anywhere_the_looser_retry_still_answers()
    {
        // One of five words occurs in the reports: below the floor's share, so only the looser retry shows it, marked as such.
        const string query = "借调 火箭 潜艇 宇航员 量子计算";
        var words = await Search.SearchAsync(new SearchRequest(query) { Kinds = ["problem"] }, SearchService.Signals.Words);
        Assert.NotEmpty(words.Hits);
        Assert.Equal(0, words.Total);
        Assert.Equal(words.Folded, words.Hits.Count);
        Assert.All(words.Hits, h => Assert.True(h.LowRelevance));
        Assert.All(words.Hits, h => Assert.Contains("借调", h.MatchedTerms));
        Assert.Contains(words.Hits, h => h.Path == "二/(三)/2/(35)");
        var nothing = await Search.SearchAsync(new SearchRequest("火箭 潜艇 宇航员") { Kinds = ["problem"] }, SearchService.Signals.Words);
        Assert.Equal(0, nothing.Total);
    }
}

public sealed class SearchWhileWritingTests
{
    [Fact]
    public async Task A_search_service_sees_reports_added_and_deleted_after_its_first_search()
    {
        using var t = new TestIndex();
        await t.Index.Indexer.IndexAsync([t.Seed("000")]);
        var before = await t.Index.Search.SearchAsync(new SearchRequest("借调") { Top = 100 });
        Assert.Equal(["高陵区"], before.Facets.Unit.Keys);

        await t.Index.Indexer.IndexAsync([t.Seed("002")]);
        var after = await t.Index.Search.SearchAsync(new SearchRequest("借调") { Top = 100 });
        Assert.Equal(2, after.Facets.Unit.Count);

        t.Index.Indexer.Delete(t.Store.FindReportBySource(t.Seed("000"))!);
        var deleted = await t.Index.Search.SearchAsync(new SearchRequest("借调") { Top = 100 });
        Assert.Equal(["高明区"], deleted.Facets.Unit.Keys);
        Assert.All(deleted.Hits, h => Assert.Equal("高明区", h.Unit));
    }
}
