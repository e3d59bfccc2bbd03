using ReportSearch.Core.Analysis;
using ReportSearch.Core.Classification;

namespace ReportSearch.Core.Tests.Classification;

public sealed class ProblemFeaturesTests
{
    private static readonly ChineseAnalyzer Analyzer = new();

    [Fact]
    public void Characters_link_an_unseen_word_to_the_words_sharing_its_characters()
    {
        var features = new ProblemFeatures(Analyzer, new FeatureOptions()).Of("县域医共体推进不够有力");

        Assert.Contains("c:医", features.Keys);
        Assert.DoesNotContain(features.Keys, k => k.StartsWith("c:") && !char.IsLetter(k[2]));
    }

    [Fact]
    public void A_character_weight_of_zero_leaves_characters_out_and_the_part_still_sums_to_its_weight()
    {
        var without = new ProblemFeatures(Analyzer, new FeatureOptions { CharacterWeight = 0 }).Of("县域医共体推进不够有力");
        var with = new ProblemFeatures(Analyzer, new FeatureOptions()).Of("县域医共体推进不够有力");

        Assert.DoesNotContain(without.Keys, k => k.StartsWith("c:"));
        Assert.Equal(1.0, without.Values.Sum(), 9);
        Assert.Equal(1.0, with.Values.Sum(), 9);
    }
}
