using ReportSearch.Core.Analysis;

namespace ReportSearch.Core.Tests.Analysis;

public sealed class TokenTests(AnalyzerFixture fixture) : IClassFixture<AnalyzerFixture>
{
    private readonly ChineseAnalyzer _analyzer = fixture.Analyzer;

    [Theory]
    [InlineData("借调下属单位干部187人", "187人")]
    [InlineData("共涉及45宗,已分类制定整改措施", "45宗")]
    [InlineData("挤占挪用650万元专项资金", "650万元")]
    [InlineData("挤占挪用650多万元专项资金", "650多万元")]
    [InlineData("已办结1918件,办结率94.81%。", "94.81%")]
    [InlineData("人均涨薪约1200元/月", "1200元/月")]
    [InlineData("已复核2个工作日内办结", "2个工作日")]
    [InlineData("累计出动城管执法人员1777人次", "1777人次")]
    public void Number_and_unit_stay_one_token(string text, string token)
    {
        var words = _analyzer.Analyze(text).Words;
        Assert.Contains(token, words);
        Assert.DoesNotContain(token.TrimStart("0123456789.".ToCharArray()), words.Where(w => w.Length == 1));
        Assert.Contains(token, _analyzer.AnalyzeQuery(text).Words);
    }

    [Fact]
    public void A_number_without_unit_stays_a_number() =>
        Assert.Contains("2022", _analyzer.Analyze("电话029 2022").Words);

    [Fact]
    public void Bigrams_overlap_within_a_cjk_run_and_stop_at_punctuation_and_numbers()
    {
        var text = _analyzer.Analyze("借调干部187人,清理规范");
        Assert.Equal(["借调", "调干", "干部", "清理", "理规", "规范"], text.Bigrams);
    }

    [Fact]
    public void A_single_character_run_yields_its_unigram()
    {
        Assert.Equal(["党"], _analyzer.Analyze("党").Bigrams);
        Assert.Equal(["党", "整改"], _analyzer.Analyze("党,整改").Bigrams);
    }

    [Fact]
    public void Stop_words_break_runs_so_no_bigram_spans_them()
    {
        var text = _analyzer.Analyze("存在的问题");
        Assert.DoesNotContain("的", text.Words);
        Assert.DoesNotContain(text.Bigrams, b => b.Contains('的'));
        Assert.Equal(["存在", "问题"], text.Bigrams);
    }

    [Fact]
    public void Text_keeps_repeats_for_term_frequency()
    {
        var text = _analyzer.Analyze("整改,整改");
        Assert.Equal(2, text.Words.Count(w => w == "整改"));
        Assert.Equal(2, text.Bigrams.Count(b => b == "整改"));
    }
}
