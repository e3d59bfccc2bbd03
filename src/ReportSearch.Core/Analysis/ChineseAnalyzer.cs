using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace ReportSearch.Core.Analysis;

/// <summary>
/// The Chinese analysis chain as Lucene Analyzers, the same for reports and queries:
/// char filters (ICU NFKC_Casefold, traditional → simplified) → the configured segmenter's Tokenizer
/// → NumberUnitFilter → LexiconFilter → [SubwordFilter, index only] → TypeTokenFilter (punctuation) → StopFilter
/// (+ question words for queries) → LengthFilter: the words. The same without sub-words → CJKBigramFilter: the bigrams.
/// Queries add SynonymFilter over the thesaurus: the weighted expansions.
/// <see cref="Analyze"/> runs <see cref="WordsAnalyzer"/> and <see cref="BigramsAnalyzer"/> themselves, so what the
/// classifier and the vectors see is what the index holds. Thread-safe; build one per process and share it:
/// construction loads the data files and the segmenter.
/// </summary>
public sealed class ChineseAnalyzer : ITextAnalyzer
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const string Field = "text";

    // Longer tokens are base64, URLs or digit strings run together: no query names them, and Lucene rejects
    // terms beyond 32,766 bytes outright. StandardAnalyzer's limit.
    private const int MaxTermLength = 255;

    private static readonly string[] PunctuationTypes = [TokenTypes.Punctuation];
    private static readonly string[] BigramTypes = [CJKBigramFilter.DOUBLE_TYPE, CJKBigramFilter.SINGLE_TYPE];

    private readonly AnalysisChain _queryWords;
    private readonly AnalysisChain _queryBigrams;
    private readonly AnalysisChain _segmenterWords;
    private readonly ThesaurusSynonyms _synonyms;
    private readonly double _expansionWeight;

    public ChineseAnalyzer() : this(AnalysisOptions.Default) { }

    public ChineseAnalyzer(AnalysisOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.ExpansionWeight is <= 0 or >= 1)
            throw new InputRejectedException($"Analysis:ExpansionWeight is {options.ExpansionWeight}; it must be above 0 and below 1 so expansions rank below literal words.");

        var segmenter = SegmenterTokenizers.Parse(options.Segmenter);
        static string Normalize(string s) => TextNormalizer.Normalize(s).Trim();
        List<string> Load(string embedded, string? extraPath, string option) =>
            WordListFile.Embedded(embedded).Concat(WordListFile.Extra(extraPath, option)).Select(Normalize).Where(s => s.Length > 0).ToList();

        var thesaurus = new Thesaurus(Thesaurus.ParseGroups(
            WordListFile.Embedded("thesaurus.txt").Concat(WordListFile.Extra(options.ExtraThesaurusPath, nameof(options.ExtraThesaurusPath))),
            Normalize));
        var stopWords = Load("stopwords.txt", options.ExtraStopWordsPath, nameof(options.ExtraStopWordsPath));
        var questionWords = Load("question_words.txt", null, "");
        var terms = Load("lexicon.txt", options.ExtraLexiconPath, nameof(options.ExtraLexiconPath)).Concat(thesaurus.Terms).ToList();
        var chineseTerms = new Lexicon(terms.Where(IsChinese));

        // Multi-character stop and question words are matched like terms, so 二是 / 有没有 come out whole and can be dropped.
        var lexicon = new Lexicon(terms.Concat(stopWords).Where(IsChinese));
        var queryLexicon = new Lexicon(terms.Concat(stopWords).Concat(questionWords).Where(IsChinese));
        var units = new Lexicon(WordListFile.Embedded("units.txt").Select(Normalize));
        var stopSet = new CharArraySet(Version, stopWords, ignoreCase: false);
        var queryStopSet = new CharArraySet(Version, stopWords.Concat(questionWords).ToList(), ignoreCase: false);

        if (segmenter == Segmenter.Jieba) JiebaDictionary.Prepare(terms.Concat(stopWords).Concat(questionWords).Where(IsChinese));
        var tokenizer = SegmenterTokenizers.For(segmenter, fine: false);
        _segmenterWords = new AnalysisChain(tokenizer, source => source);
        var fineWords = new AnalysisChain(SegmenterTokenizers.For(segmenter, fine: true), source => source);
        IReadOnlyList<string> FineWords(string term) => Terms(fineWords, term);

        TokenStream Words(TokenStream source, Lexicon lexicon) => new LexiconFilter(new NumberUnitFilter(source, units), lexicon);
        TokenStream Clean(TokenStream stream, CharArraySet stops) =>
            new LengthFilter(Version, new StopFilter(Version, new TypeTokenFilter(Version, stream, PunctuationTypes), stops), 1, MaxTermLength);
        TokenStream Bigrams(TokenStream words) => new TypeTokenFilter(Version, new CJKBigramFilter(words), BigramTypes, useWhiteList: true);

        WordsAnalyzer = new AnalysisChain(tokenizer, source => options.IndexSubwords
            ? Clean(new SubwordFilter(Words(source, lexicon), chineseTerms, FineWords), stopSet)
            : Clean(Words(source, lexicon), stopSet));
        BigramsAnalyzer = new AnalysisChain(tokenizer, source => Bigrams(Clean(Words(source, lexicon), stopSet)));

        _synonyms = new ThesaurusSynonyms(thesaurus, chineseTerms, terms);
        _queryWords = new AnalysisChain(tokenizer, source =>
            new SynonymFilter(Clean(Words(source, queryLexicon), queryStopSet), _synonyms.Map, ignoreCase: false));
        _queryBigrams = new AnalysisChain(tokenizer, source => Bigrams(Clean(Words(source, queryLexicon), queryStopSet)));
        _expansionWeight = options.ExpansionWeight;

        Segmenter = segmenter;
        LexiconSize = lexicon.Count;
        ThesaurusGroups = thesaurus.GroupCount;
    }

    public Analyzer WordsAnalyzer { get; }

    public Analyzer BigramsAnalyzer { get; }

    public Segmenter Segmenter { get; }

    /// <summary>Terms the LexiconFilter matches for text (lexicon, thesaurus terms and multi-character stop words).</summary>
    public int LexiconSize { get; }

    public int ThesaurusGroups { get; }

    /// <summary>Words keep their order and repeats (term frequency for BM25); so do bigrams.</summary>
    public AnalyzedText Analyze(string text)
    {
        text ??= string.Empty;
        return new AnalyzedText(Terms(WordsAnalyzer, text), Terms(BigramsAnalyzer, text));
    }

    /// <summary>Words and bigrams are distinct, in query order; expansions never repeat a literal word.</summary>
    public AnalyzedQuery AnalyzeQuery(string query)
    {
        query ??= string.Empty;
        var words = new List<string>();
        var expansions = new List<(string Word, string Term)>();
        using (var stream = _queryWords.GetTokenStream(Field, query))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            var type = stream.AddAttribute<ITypeAttribute>();
            stream.Reset();
            var word = "";
            while (stream.IncrementToken())
            {
                // SynonymFilter puts a word's equivalents right after it, at its position.
                if (type.Type == SynonymFilter.TYPE_SYNONYM) expansions.Add((word, term.ToString()));
                else words.Add(word = term.ToString());
            }
            stream.End();
        }
        var literal = words.Distinct(StringComparer.Ordinal).ToList();
        var literalSet = literal.ToHashSet(StringComparer.Ordinal);
        var added = new HashSet<string>(StringComparer.Ordinal);
        var weighted = expansions.Where(e => !literalSet.Contains(e.Term) && added.Add(e.Term))
            .Select(e => new WeightedTerm(e.Term, _expansionWeight, _synonyms.SourceOf(e.Word, e.Term)))
            .ToList();
        var bigrams = Terms(_queryBigrams, query).Distinct(StringComparer.Ordinal).ToList();
        return new AnalyzedQuery(CollapseSpaces(TextNormalizer.Normalize(query)), literal, bigrams, weighted);
    }

    /// <summary>The segmenter's words alone, before any filter: what the lexicon has to repair (used to show before/after).</summary>
    public IReadOnlyList<string> SegmenterWords(string text) =>
        Terms(_segmenterWords, text ?? string.Empty).Where(w => Token.KindOf(w) != TokenKind.Punctuation).ToList();

    private static List<string> Terms(Analyzer analyzer, string text)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream(Field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) terms.Add(term.ToString());
        stream.End();
        return terms;
    }

    private static bool IsChinese(string term) => term.EnumerateRunes().Any(CjkText.IsCjk);

    private static string CollapseSpaces(string s) =>
        string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
