using ReportSearch.Core.Analysis;

namespace ReportSearch.Core.Tests.Analysis;

public sealed class QueryTests(AnalyzerFixture fixture) : IClassFixture<AnalyzerFixture>
{
    private readonly ChineseAnalyzer _analyzer = fixture.Analyzer;

    [Fact]
    public void Secondment_expands_to_the_other_districts_words_below_literal_weight()
    {
        var query = _analyzer.AnalyzeQuery("借调");
        Assert.Equal(["借调"], query.Words);
        var mixed = Assert.Single(query.Expansions, e => e.Term == "混编混岗");
        Assert.True(mixed.Weight is > 0 and < 1);
        Assert.Equal("借调", mixed.ExpandedFrom);
        Assert.Contains(query.Expansions, e => e.Term == "违规借调");
    }

    [Fact]
    public void Expansions_never_repeat_a_literal_word_or_each_other()
    {
        var query = _analyzer.AnalyzeQuery("借调 混编混岗 两违 四风");
        var expansionTerms = query.Expansions.Select(e => e.Term).ToList();
        Assert.Empty(expansionTerms.Intersect(query.Words));
        Assert.Equal(expansionTerms.Distinct().Count(), expansionTerms.Count);
        Assert.Contains("违法建设", expansionTerms);
        Assert.Contains("违法用地", expansionTerms);
        Assert.Contains("八项规定", expansionTerms);
        Assert.All(query.Expansions, e => Assert.True(e.Weight < 1));
    }

    [Theory]
    [InlineData("吃空饷", "在编不在岗")]
    [InlineData("土地闲置", "低效用地")]
    [InlineData("土地闲置", "批而未供")]
    [InlineData("三会一课", "组织生活")]
    [InlineData("酒驾", "醉驾")]
    [InlineData("違規借調", "混编混岗")] // traditional query, expansion through the term inside
    public void Genre_equivalents_are_expanded(string query, string expected) =>
        Assert.Contains(_analyzer.AnalyzeQuery(query).Expansions, e => e.Term == expected);

    [Fact]
    public void Question_words_are_dropped_from_queries_but_kept_in_text()
    {
        var query = _analyzer.AnalyzeQuery("借调干部有哪些问题？是否整改到位，如何整改");
        foreach (var question in new[] { "哪些", "是否", "如何", "有", "？" }) Assert.DoesNotContain(question, query.Words);
        Assert.Contains("借调干部", query.Words);
        Assert.Contains("问题", query.Words);
        Assert.Contains("整改", query.Words);
        Assert.DoesNotContain(query.Bigrams, b => b.Contains('哪') || b.Contains('何'));

        Assert.Equal(["什么", "多少"], _analyzer.Analyze("什么多少").Words.Intersect(["什么", "多少"]));
    }

    [Theory]
    [InlineData("有没有借调问题", "借调")]
    [InlineData("吃空饷怎么整改的", "吃空饷")]
    [InlineData("什么是两违", "两违")]
    public void A_question_keeps_only_its_content_words(string question, string content)
    {
        var query = _analyzer.AnalyzeQuery(question);
        Assert.Contains(content, query.Words);
        Assert.DoesNotContain(query.Words, w => w is "有没有" or "没有" or "怎么" or "什么" or "是");
    }

    [Fact]
    public void Query_terms_are_distinct()
    {
        var query = _analyzer.AnalyzeQuery("整改 整改 整改");
        Assert.Equal(["整改"], query.Words);
        Assert.Equal(["整改"], query.Bigrams);
    }
}
