using ReportSearch.Core.Analysis;

namespace ReportSearch.Core.Tests.Analysis;

public sealed class IcuBindingTests(AnalyzerFixture fixture) : IClassFixture<AnalyzerFixture>
{
    [Theory]
    [InlineData("000")]
    [InlineData("002")]
    public void The_direct_ICU_binding_breaks_seed_text_exactly_as_icu_net_does(string seed)
    {
        var text = SeedPaths.Read(seed).Normalize(System.Text.NormalizationForm.FormKC);
        var viaIcuNet = Icu.BreakIterator.Split(Icu.BreakIterator.UBreakIteratorType.WORD, "zh", text)
            .Where(w => !string.IsNullOrWhiteSpace(w)).ToList();
        var tokens = new List<Token>();
        new IcuWordTokenizer().Tokenize(text, tokens);
        // icu.net's Split leaves out punctuation; the tokenizer keeps it for the StopWordFilter.
        Assert.Equal(viaIcuNet, tokens.Where(t => t.Kind != TokenKind.Punctuation).Select(t => t.Text).ToList());
    }

    [Fact]
    public void The_traditional_table_from_ICU_covers_the_common_differing_characters()
    {
        _ = fixture.Analyzer;
        Assert.True(TraditionalToSimplified.Instance.DifferingCount >= 2500, $"{TraditionalToSimplified.Instance.DifferingCount} characters differ");
        Assert.Equal('调', TraditionalToSimplified.Instance.Map('調'));
        Assert.Equal('干', TraditionalToSimplified.Instance.Map('幹'));
        Assert.Equal('整', TraditionalToSimplified.Instance.Map('整'));
    }
}
