using ReportSearch.Core.Analysis;
using Xunit.Abstractions;

namespace ReportSearch.Core.Tests.Analysis;

public sealed class SegmentationTests(AnalyzerFixture fixture, ITestOutputHelper output) : IClassFixture<AnalyzerFixture>
{
    private readonly ChineseAnalyzer _analyzer = fixture.Analyzer;

    public static TheoryData<string, string[], string[]> SeedSentences => new()
    {
        // seed 000 (35): ICU cuts 借调 and 区委 into single characters.
        { "区委组织部印发《关于开展干部借调摸排工作的通知》,对全区借调干部全面摸底。", ["借|调", "区|委", "印|发"], ["区委组织部", "印发", "借调", "摸排"] },
        // seed 002, (三)4: the other district's word for the same problem.
        { "针对混编混岗问题突出等问题。一是全面清理整改。", ["混|编|混|岗", "整|改"], ["混编混岗", "整改"] },
        // seed 000 (28): ICU cuts 八项规定 after 八|项.
        { "违反中央八项规定精神问题禁而不绝。个别干部“吃空饷”。", ["八|项"], ["中央八项规定", "吃空饷"] },
        // seed 002, 第三方面 (二)4.
        { "针对“三会一课”方面存在的问题。", ["三|会"], ["三会一课"] },
        // seed 000 opening: ICU's 改进 straddles 整改 and 进展.
        { "现将巡视整改进展情况予以公布。", ["整|改进"], ["巡视整改", "进展"] },
        // seed 002, 第一方面 (四)3.
        { "针对“两违”问题整治不力问题。纳入“两违”宅基地处置方案。", ["两|违"], ["两违", "宅基地"] },
    };

    [Theory]
    [MemberData(nameof(SeedSentences))]
    public void Lexicon_repairs_what_ICU_splits_in_seed_sentences(string sentence, string[] icuSplits, string[] chainWords)
    {
        var icu = _analyzer.SegmenterWords(sentence);
        var words = _analyzer.Analyze(sentence).Words;
        output.WriteLine("segmenter: " + string.Join("|", icu));
        output.WriteLine("chain: " + string.Join("|", words));

        var icuJoined = "|" + string.Join("|", icu) + "|";
        foreach (var split in icuSplits) Assert.Contains("|" + split + "|", icuJoined);
        foreach (var word in chainWords) Assert.Contains(word, words);
    }

    [Fact]
    public void Seed_text_contains_the_genre_terms_as_words_and_nothing_is_lost()
    {
        var text = SeedPaths.Read("000") + SeedPaths.Read("002");
        var words = _analyzer.Analyze(text).Words.ToHashSet();
        foreach (var term in new[] { "借调", "区委", "混编混岗", "八项规定", "三会一课", "两违", "村级工业园", "大棚房", "以案促改", "四种形态", "第一议题", "派驻机构", "违规兼职", "因私出国", "党风廉政建设", "民主生活会", "意识形态" })
            Assert.Contains(term, words);
    }

    [Fact]
    public void Long_lexicon_terms_also_index_their_fine_subwords_but_queries_stay_coarse()
    {
        var text = _analyzer.Analyze("专题研究党风廉政建设工作");
        Assert.Contains("党风廉政建设", text.Words);
        Assert.Contains("廉政", text.Words);
        Assert.Contains("廉政建设", text.Words);

        var query = _analyzer.AnalyzeQuery("党风廉政建设");
        Assert.Equal(["党风廉政建设"], query.Words);
    }

    [Fact]
    public void Subwords_do_not_change_the_bigrams_of_the_running_text()
    {
        var fine = _analyzer.Analyze("党风廉政建设");
        var coarse = new ChineseAnalyzer(new AnalysisOptions { IndexSubwords = false }).Analyze("党风廉政建设");
        Assert.Equal(["党风", "风廉", "廉政", "政建", "建设"], fine.Bigrams);
        Assert.Equal(coarse.Bigrams, fine.Bigrams);
        Assert.Equal(["党风廉政建设"], coarse.Words);
    }
}
