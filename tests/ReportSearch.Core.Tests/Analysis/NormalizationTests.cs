using ReportSearch.Core.Analysis;

namespace ReportSearch.Core.Tests.Analysis;

public sealed class NormalizationTests(AnalyzerFixture fixture) : IClassFixture<AnalyzerFixture>
{
    private readonly ChineseAnalyzer _analyzer = fixture.Analyzer;

    [Theory]
    [InlineData("幹部借調", "干部借调")]
    [InlineData("巡視整改", "巡视整改")]
    [InlineData("違規", "违规")]
    [InlineData("兩違問題整治不力", "两违问题整治不力")]
    public void Traditional_text_normalises_to_simplified(string traditional, string simplified) =>
        Assert.Equal(simplified, _analyzer.AnalyzeQuery(traditional).Normalized);

    [Fact]
    public void Traditional_query_gives_the_same_terms_as_simplified_text()
    {
        var traditional = _analyzer.AnalyzeQuery("借調幹部不規範且數量多");
        var simplified = _analyzer.AnalyzeQuery("借调干部不规范且数量多");
        Assert.Equal(simplified.Words, traditional.Words);
        Assert.Equal(simplified.Bigrams, traditional.Bigrams);
        Assert.Contains("借调", traditional.Words.Concat(traditional.Expansions.Select(e => e.Term)));

        var text = _analyzer.Analyze("違反中央八項規定精神");
        Assert.Contains("中央八项规定", text.Words);
    }

    [Theory]
    [InlineData("区委组织部印发《通知》，借调干部187人", "区委组织部印发《通知》,借调干部187人")]             // full-width comma
    [InlineData("ＡＢＣ公司２０２０年借调", "abc公司2020年借调")]                                                  // full-width Latin and digits
    [InlineData("借调\u00A0干部\u3000混编混岗", "借调 干部 混编混岗")]                                             // NBSP, ideographic space
    // ICU's NFKC_Casefold deletes default-ignorable characters rather than making them spaces (the old hand-made
    // normaliser did the latter): a zero-width space joins the words around it, as it does on screen.
    [InlineData("借调\u2002干部\u200B混编混岗\uFEFF", "借调 干部混编混岗")]                                       // zero-width space, BOM
    public void Width_and_space_variants_give_the_same_terms(string variant, string plain)
    {
        var a = _analyzer.Analyze(variant);
        var b = _analyzer.Analyze(plain);
        Assert.Equal(b.Words, a.Words);
        Assert.Equal(b.Bigrams, a.Bigrams);
        Assert.Equal(_analyzer.AnalyzeQuery(plain).Normalized, _analyzer.AnalyzeQuery(variant).Normalized);
    }

    [Fact]
    public void Latin_is_lower_cased() =>
        Assert.Contains("gis", _analyzer.Analyze("建成排水管网GIS地理信息系统").Words);

    [Fact]
    public void Query_spaces_are_collapsed_in_the_normalised_form() =>
        Assert.Equal("借调 干部", _analyzer.AnalyzeQuery("  借调\u3000\u3000干部 ").Normalized);

    [Fact]
    public void The_traditional_table_from_ICU_covers_the_common_differing_characters()
    {
        Assert.True(TraditionalToSimplified.Instance.DifferingCount >= 2500, $"{TraditionalToSimplified.Instance.DifferingCount} characters differ");
        Assert.Equal('调', TraditionalToSimplified.Instance.Map('調'));
        Assert.Equal('干', TraditionalToSimplified.Instance.Map('幹'));
        Assert.Equal('整', TraditionalToSimplified.Instance.Map('整'));
    }
}
