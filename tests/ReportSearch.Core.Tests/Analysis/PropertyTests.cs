using FsCheck;
using FsCheck.Fluent;
using ReportSearch.Core.Analysis;

namespace ReportSearch.Core.Tests.Analysis;

public sealed class PropertyTests(AnalyzerFixture fixture) : IClassFixture<AnalyzerFixture>
{
    private readonly ChineseAnalyzer _analyzer = fixture.Analyzer;

    // Characters that stress the chain: CJK (simplified and traditional), full-width forms, every kind of space,
    // lone surrogates, a supplementary-plane ideograph's halves, digits, units and punctuation.
    private static readonly char[] Interesting =
        "借调区委混编混岗两违幹部違規八项规定三会一课１２３ＡＢｃabc0123456789.%人万元，。、；：？！“”《》（）【】…—·,;:?!()[]<>/\\|-_+=*&#@~ \u00A0\u3000\u2002\u200B\t\r\n\uD842\uDFB7\uD800\uDC00\u0000\uFEFF㎡①"
            .ToCharArray();

    private static readonly char[] Punctuation = "，。、；：？！“”《》（）【】…—·,.;:?!()[]<>/\\|-_+=*&%#@~ \u00A0\u3000".ToCharArray();

    private static Arbitrary<string> StringsOf(char[] alphabet) =>
        Gen.Elements(alphabet).ListOf().Select(chars => new string(chars.ToArray())).ToArbitrary();

    [Fact]
    public void Arbitrary_strings_never_throw_and_analysis_is_deterministic()
    {
        var config = Config.QuickThrowOnFailure.WithMaxTest(300);
        foreach (var arbitrary in new[] { ArbMap.Default.ArbFor<string>(), StringsOf(Interesting) })
        {
            Check.One(config, Prop.ForAll(arbitrary, text =>
            {
                var first = _analyzer.Analyze(text);
                var second = _analyzer.Analyze(text);
                var query = _analyzer.AnalyzeQuery(text);
                var again = _analyzer.AnalyzeQuery(text);
                return first.Words.SequenceEqual(second.Words) && first.Bigrams.SequenceEqual(second.Bigrams)
                    && query.Words.SequenceEqual(again.Words) && query.Bigrams.SequenceEqual(again.Bigrams)
                    && query.Expansions.SequenceEqual(again.Expansions) && query.Normalized == again.Normalized
                    && query.Expansions.All(e => e.Weight is > 0 and < 1 && !query.Words.Contains(e.Term));
            }));
        }
    }

    [Fact]
    public void Queries_of_only_punctuation_give_no_terms()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(StringsOf(Punctuation), text =>
        {
            var query = _analyzer.AnalyzeQuery(text);
            return query.Words.Count == 0 && query.Bigrams.Count == 0 && query.Expansions.Count == 0;
        }));
    }

    [Fact]
    public void Analysis_is_the_same_from_many_threads()
    {
        var text = SeedPaths.Read("000");
        var expected = _analyzer.Analyze(text);
        var results = new AnalyzedText[8];
        Parallel.For(0, results.Length, i => results[i] = _analyzer.Analyze(text));
        Assert.All(results, r =>
        {
            Assert.Equal(expected.Words, r.Words);
            Assert.Equal(expected.Bigrams, r.Bigrams);
        });
    }
}
