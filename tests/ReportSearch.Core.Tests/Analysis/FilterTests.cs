using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Util;
using ReportSearch.Core.Analysis;

namespace ReportSearch.Core.Tests.Analysis;

/// <summary>Each of the project's own char and token filters alone, behind ICU's real tokenizer.</summary>
public sealed class FilterTests
{
    private static IcuWordTokenizer Icu(string text) => new(new StringReader(text), new SegmentationMemo());

    [Fact]
    public void Traditional_to_simplified_char_filter_maps_one_character_for_one()
    {
        using var filter = new TraditionalToSimplifiedCharFilter(new StringReader("幹部借調，違規兩違ABC"), TraditionalToSimplified.Instance);
        Assert.Equal("干部借调，违规两违ABC", filter.ReadToEnd());
        Assert.Equal(7, filter.CorrectOffset(7));
    }

    [Fact]
    public void Number_unit_filter_joins_a_number_with_the_unit_in_the_tokens_that_touch_it()
    {
        var units = new Lexicon(["%", "元/月", "人", "个工作日", "万元"]);
        var tokens = TokenStreams.Read(new NumberUnitFilter(Icu("办结率94.81%,人均1200元/月,借调187 人"), units));

        Assert.Contains(new Emitted("94.81%", 3, 9, 1, "<NUM_UNIT>"), tokens);
        Assert.Contains(new Emitted("1200元/月", 12, 19, 1, "<NUM_UNIT>"), tokens);
        // A space is not touching: 187 stays a number.
        Assert.Contains(tokens, t => t.Term == "187" && t.Type == "<NUM>");
        Assert.DoesNotContain(tokens, t => t.Term is "%" or "/");
    }

    [Fact]
    public void Number_unit_filter_keeps_the_rest_of_a_piece_the_unit_only_partly_covers()
    {
        var tokens = TokenStreams.Read(new NumberUnitFilter(Icu("已复核2个工作日内办结"), new Lexicon(["个工作日"])));
        var quantity = Assert.Single(tokens, t => t.Term == "2个工作日");
        Assert.Equal((3, 8), (quantity.Start, quantity.End));
        var next = tokens[tokens.IndexOf(quantity) + 1];
        Assert.Equal(8, next.Start);
        Assert.StartsWith("内", next.Term);
    }

    [Fact]
    public void Lexicon_filter_merges_touching_pieces_into_terms_but_not_across_punctuation()
    {
        var lexicon = new Lexicon(["借调", "混编混岗"]);
        var tokens = TokenStreams.Read(new LexiconFilter(new NumberUnitFilter(Icu("对全区借调干部混编混岗,借,调"), new Lexicon([])), lexicon));

        Assert.Contains(new Emitted("借调", 3, 5, 1, "<IDEOGRAPHIC>"), tokens);
        Assert.Contains(new Emitted("混编混岗", 7, 11, 1, "<IDEOGRAPHIC>"), tokens);
        Assert.Contains(tokens, t => t.Term == "借" && t.Start == 12);
        Assert.Contains(tokens, t => t.Term == "调" && t.Start == 14);
    }

    [Fact]
    public void Subword_filter_puts_the_fine_words_at_their_terms_position_with_their_own_offsets()
    {
        var lexicon = new Lexicon(["党风廉政建设", "廉政建设"]);
        IReadOnlyList<string> Segmenter(string term) => ["党风", "廉政", "建设"];
        var tokens = TokenStreams.Read(new SubwordFilter(new LexiconFilter(Icu("研究党风廉政建设"), lexicon), lexicon, Segmenter));

        Assert.Equal(
        [
            new Emitted("研究", 0, 2, 1, "<IDEOGRAPHIC>"),
            new Emitted("党风廉政建设", 2, 8, 1, "<IDEOGRAPHIC>"),
            new Emitted("党风", 2, 4, 0, "<SUBWORD>"),
            new Emitted("廉政建设", 4, 8, 0, "<SUBWORD>"),
            new Emitted("廉政", 4, 6, 0, "<SUBWORD>"),
            new Emitted("建设", 6, 8, 0, "<SUBWORD>"),
        ], tokens);
    }

    [Fact]
    public void Icu_tokenizer_keeps_punctuation_for_the_filters_and_corrects_nothing_itself()
    {
        var tokens = TokenStreams.Read(Icu("区委，94.81%"));
        Assert.Equal(["区", "委", "，", "94.81", "%"], tokens.Select(t => t.Term));
        Assert.Equal("<PUNCT>", tokens[2].Type);
        Assert.Equal((3, 8), (tokens[3].Start, tokens[3].End));
    }

    [Fact]
    public void Thesaurus_synonyms_expand_a_word_through_the_terms_inside_it_and_remember_which()
    {
        var thesaurus = new Thesaurus([["借调", "混编混岗"], ["干部", "公职人员"]]);
        var lexicon = new Lexicon(["借调", "混编混岗", "干部", "公职人员", "违规借调干部"]);
        var synonyms = new ThesaurusSynonyms(thesaurus, lexicon, ["借调", "混编混岗", "干部", "公职人员", "违规借调干部"]);
        var source = new WhitespaceTokenizer(LuceneVersion.LUCENE_48, new StringReader("违规借调干部 借调 整改"));
        var tokens = TokenStreams.Read(new SynonymFilter(source, synonyms.Map, ignoreCase: false));

        Assert.Equal(
        [
            ("违规借调干部", 1, "word"), ("混编混岗", 0, "SYNONYM"), ("公职人员", 0, "SYNONYM"),
            ("借调", 1, "word"), ("混编混岗", 0, "SYNONYM"),
            ("整改", 1, "word"),
        ], tokens.Select(t => (t.Term, t.Increment, t.Type)));
        Assert.Equal("借调", synonyms.SourceOf("违规借调干部", "混编混岗"));
        Assert.Equal("干部", synonyms.SourceOf("违规借调干部", "公职人员"));
        Assert.Equal("借调", synonyms.SourceOf("借调", "混编混岗"));
    }
}
