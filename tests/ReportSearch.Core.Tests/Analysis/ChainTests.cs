using FsCheck;
using FsCheck.Fluent;
using ReportSearch.Core.Analysis;

namespace ReportSearch.Core.Tests.Analysis;

/// <summary>The Lucene analyzers the index uses against Analyze(), and the offsets the highlighter relies on.</summary>
public sealed class ChainTests(SegmenterFixture segmenters) : IClassFixture<SegmenterFixture>
{
    public static TheoryData<Segmenter> Segmenters => new() { Segmenter.Icu, Segmenter.SmartCn, Segmenter.Jieba };

    [Theory]
    [MemberData(nameof(Segmenters))]
    public void Analyze_gives_exactly_the_terms_the_index_analyzers_emit(Segmenter segmenter)
    {
        var analyzer = segmenters[segmenter];
        var text = SeedPaths.Read("000");
        var analyzed = analyzer.Analyze(text);
        Assert.Equal(TokenStreams.Read(analyzer.WordsAnalyzer, text).Select(t => t.Term), analyzed.Words);
        Assert.Equal(TokenStreams.Read(analyzer.BigramsAnalyzer, text).Select(t => t.Term), analyzed.Bigrams);
        Assert.True(analyzed.Words.Count > 5000 && analyzed.Bigrams.Count > 5000);
    }

    [Theory]
    [MemberData(nameof(Segmenters))]
    public void Arbitrary_strings_never_throw_and_words_and_bigrams_are_deterministic_with_every_segmenter(Segmenter segmenter)
    {
        var analyzer = segmenters[segmenter];
        var hostile = Gen.Elements("借调區委幹部１２３ＡＢ94.81%元/月，。《》\u00A0\u3000\u200B\t\r\n\uD842\uDFB7\uD800\u0000\uFEFF㎡① abc".ToCharArray())
            .ListOf().Select(chars => new string(chars.ToArray())).ToArbitrary();
        foreach (var arbitrary in new[] { ArbMap.Default.ArbFor<string>(), hostile })
            Check.One(Config.QuickThrowOnFailure.WithMaxTest(150), Prop.ForAll(arbitrary, text =>
            {
                var first = analyzer.Analyze(text);
                var second = analyzer.Analyze(text);
                var query = analyzer.AnalyzeQuery(text);
                return first.Words.SequenceEqual(second.Words) && first.Bigrams.SequenceEqual(second.Bigrams)
                    && query.Expansions.All(e => !query.Words.Contains(e.Term));
            }));
    }

    [Theory]
    [InlineData("違反中央八項規定精神,ＡＢＣ公司借調幹部１８７人，辦結率９４．８１％。")] // traditional and full-width
    [InlineData("借调\u00A0干部\u3000混编混岗\u200B两违㎡整治")]                                  // spaces, an ignorable, a folded symbol
    public void Every_offset_points_at_the_original_text_the_term_came_from(string text)
    {
        var analyzer = segmenters[Segmenter.Icu];
        foreach (var (tokens, name) in new[] { (TokenStreams.Read(analyzer.WordsAnalyzer, text), "words"), (TokenStreams.Read(analyzer.BigramsAnalyzer, text), "bigrams") })
        {
            Assert.NotEmpty(tokens);
            foreach (var token in tokens)
            {
                var original = TextNormalizer.Normalize(text[token.Start..token.End]);
                // A word's offsets cover exactly its text. CJKBigramFilter gives each bigram of a word whose offsets are
                // longer than its text (a deleted zero-width space at its end) the whole word's offsets: still around it.
                Assert.True(name == "words" ? original == token.Term : original.Contains(token.Term),
                    $"{name}: '{token.Term}' at [{token.Start},{token.End}) is '{text[token.Start..token.End]}' in the original");
            }
        }
    }

    [Fact]
    public void Offsets_never_go_backwards_and_subwords_share_their_terms_position_over_a_whole_seed()
    {
        var text = SeedPaths.Read("002");
        var tokens = TokenStreams.Read(segmenters[Segmenter.Icu].WordsAnalyzer, text);
        for (var i = 1; i < tokens.Count; i++) Assert.True(tokens[i].Start >= tokens[i - 1].Start, $"token {i} '{tokens[i].Term}' starts before the one before it");
        Assert.All(tokens.Where(t => t.Type == "<SUBWORD>"), t => Assert.Equal(0, t.Increment));
        Assert.All(tokens.Where(t => t.Type != "<SUBWORD>"), t => Assert.True(t.Increment >= 1));
        Assert.All(tokens, t => Assert.Equal(TextNormalizer.Normalize(text[t.Start..t.End]), t.Term));
    }

    [Fact]
    public void The_segmenter_setting_switches_the_tokenizer()
    {
        const string sentence = "区委组织部印发通知,对全区借调干部全面摸底";
        var icu = segmenters[Segmenter.Icu].SegmenterWords(sentence);
        var smartCn = segmenters[Segmenter.SmartCn].SegmenterWords(sentence);
        var jieba = segmenters[Segmenter.Jieba].SegmenterWords(sentence);
        // ICU's dictionary cuts 区|委; SmartCn's HMM does not; jieba, with the lexicon as user dictionary, keeps 区委组织部.
        Assert.Contains("区", icu);
        Assert.Contains("区委", smartCn);
        Assert.Contains("区委组织部", jieba);
        Assert.NotEqual(icu, smartCn);
        Assert.NotEqual(smartCn, jieba);
        Assert.Equal(Segmenter.Jieba, segmenters[Segmenter.Jieba].Segmenter);
        var wrong = Assert.Throws<InputRejectedException>(() => new ChineseAnalyzer(new AnalysisOptions { Segmenter = "ik" }));
        Assert.Equal("Analysis:Segmenter is 'ik'; choose icu, smartcn or jieba.", wrong.Message);
        // Whatever the segmenter, the lexicon repairs the words.
        foreach (var segmenter in new[] { Segmenter.Icu, Segmenter.SmartCn, Segmenter.Jieba })
            Assert.Contains("借调干部", segmenters[segmenter].Analyze(sentence).Words);
    }

    [Theory]
    [InlineData("区委组织部开展干部借调摸排工作", "借调")]
    [InlineData("针对混编混岗问题突出等问题", "混编混岗")]
    [InlineData("严格落实八项规定,坚决纠治四风", "八项规定")]
    public void Jieba_with_the_lexicon_as_user_dictionary_keeps_genre_terms_whole(string sentence, string term) =>
        Assert.Contains(term, segmenters[Segmenter.Jieba].SegmenterWords(sentence));

    [Fact]
    public void Jieba_analysis_is_the_same_from_many_threads()
    {
        var analyzer = segmenters[Segmenter.Jieba];
        var text = SeedPaths.Read("000");
        var expected = analyzer.Analyze(text);
        var results = new AnalyzedText[4];
        Parallel.For(0, results.Length, i => results[i] = analyzer.Analyze(text));
        Assert.All(results, r => Assert.Equal(expected.Words, r.Words));
    }
}

/// <summary>One analyzer per segmenter, shared: building one loads its dictionaries.</summary>
public sealed class SegmenterFixture
{
    private readonly Dictionary<Segmenter, Lazy<ChineseAnalyzer>> _analyzers = Enum.GetValues<Segmenter>()
        .ToDictionary(s => s, s => new Lazy<ChineseAnalyzer>(() => new ChineseAnalyzer(new AnalysisOptions { Segmenter = s.ToString().ToLowerInvariant() })));

    public ChineseAnalyzer this[Segmenter segmenter] => _analyzers[segmenter].Value;
}
