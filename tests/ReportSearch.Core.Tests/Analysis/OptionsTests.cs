using ReportSearch.Core.Analysis;

namespace ReportSearch.Core.Tests.Analysis;

public sealed class OptionsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("analysis-options-").FullName;

    [Fact]
    public void A_deployment_adds_its_own_lexicon_thesaurus_and_stop_words()
    {
        var lexicon = Path.Combine(_folder, "lexicon.txt");
        var thesaurus = Path.Combine(_folder, "thesaurus.txt");
        var stop = Path.Combine(_folder, "stop.txt");
        File.WriteAllText(lexicon, "# ours\n飞地经济\n");
        File.WriteAllText(thesaurus, "飞地经济 | 园区共建\n");
        File.WriteAllText(stop, "切实\n");

        var before = new ChineseAnalyzer();
        Assert.DoesNotContain("飞地经济", before.Analyze("发展飞地经济").Words);

        var analyzer = new ChineseAnalyzer(new AnalysisOptions { ExtraLexiconPath = lexicon, ExtraThesaurusPath = thesaurus, ExtraStopWordsPath = stop, ExpansionWeight = 0.3 });
        Assert.Contains("飞地经济", analyzer.Analyze("发展飞地经济").Words);
        Assert.DoesNotContain("切实", analyzer.Analyze("切实提高政治站位").Words);
        var expansion = Assert.Single(analyzer.AnalyzeQuery("飞地经济").Expansions);
        Assert.Equal(new WeightedTerm("园区共建", 0.3, "飞地经济"), expansion);
    }

    [Fact]
    public void A_missing_extra_file_is_rejected_with_the_option_named()
    {
        var error = Assert.Throws<InputRejectedException>(() =>
            new ChineseAnalyzer(new AnalysisOptions { ExtraLexiconPath = Path.Combine(_folder, "absent.txt") }));
        Assert.Contains("ExtraLexiconPath", error.Message);
        Assert.Contains("absent.txt", error.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(1.5)]
    public void An_expansion_weight_outside_zero_to_one_is_rejected(double weight) =>
        Assert.Throws<InputRejectedException>(() => new ChineseAnalyzer(new AnalysisOptions { ExpansionWeight = weight }));

    [Fact]
    public void The_embedded_data_meets_its_size_floors()
    {
        var analyzer = new ChineseAnalyzer();
        Assert.True(analyzer.LexiconSize >= 300, $"lexicon has {analyzer.LexiconSize} terms");
        Assert.True(analyzer.ThesaurusGroups >= 40, $"thesaurus has {analyzer.ThesaurusGroups} groups");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
