namespace ReportSearch.Core.Analysis;

/// <summary>
/// The Chinese analysis chain, Lucene-style, the same for reports and queries:
/// TextNormalizer → IcuWordTokenizer → NumberUnitFilter → LexiconFilter → [SubwordFilter, text only]
/// → StopWordFilter (+ question words for queries) → words; BigramFilter over the surviving CJK runs → bigrams;
/// ThesaurusExpander → weighted expansions (queries only).
/// Thread-safe: the data is immutable after construction and per-call scratch lives per thread.
/// Build one per process and share it; construction loads the data files and ICU.
/// </summary>
public sealed class ChineseAnalyzer : ITextAnalyzer
{
    private readonly TextNormalizer _normalizer;
    private readonly IcuWordTokenizer _tokenizer = new();
    private readonly ITokenFilter[] _textFilters;
    private readonly ITokenFilter[] _queryFilters;
    private readonly BigramFilter _bigrams = new();
    private readonly ThesaurusExpander _expander;

    [ThreadStatic] private static List<Token>? _tokens;

    public ChineseAnalyzer() : this(AnalysisOptions.Default) { }

    public ChineseAnalyzer(AnalysisOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.ExpansionWeight is <= 0 or >= 1)
            throw new InputRejectedException($"Analysis:ExpansionWeight is {options.ExpansionWeight}; it must be above 0 and below 1 so expansions rank below literal words.");

        _normalizer = new TextNormalizer(TraditionalToSimplified.Instance);
        string Normalize(string s) => _normalizer.Normalize(s).Trim();
        List<string> Load(string embedded, string? extraPath, string option) =>
            WordListFile.Embedded(embedded).Concat(WordListFile.Extra(extraPath, option)).Select(Normalize).Where(s => s.Length > 0).ToList();

        var thesaurus = new Thesaurus(Thesaurus.ParseGroups(
            WordListFile.Embedded("thesaurus.txt").Concat(WordListFile.Extra(options.ExtraThesaurusPath, nameof(options.ExtraThesaurusPath))),
            Normalize));
        var stopWords = Load("stopwords.txt", options.ExtraStopWordsPath, nameof(options.ExtraStopWordsPath));
        var questionWords = Load("question_words.txt", null, "");
        var terms = Load("lexicon.txt", options.ExtraLexiconPath, nameof(options.ExtraLexiconPath)).Concat(thesaurus.Terms).ToList();

        // Multi-character stop and question words are matched like terms, so 二是 / 有没有 come out whole and can be dropped.
        var lexicon = new Lexicon(terms.Concat(stopWords).Where(IsChinese));
        var queryLexicon = new Lexicon(terms.Concat(stopWords).Concat(questionWords).Where(IsChinese));
        var units = new Lexicon(WordListFile.Embedded("units.txt").Select(Normalize));

        var stopSet = new HashSet<string>(stopWords, StringComparer.Ordinal);
        var queryStopSet = new HashSet<string>(stopWords.Concat(questionWords), StringComparer.Ordinal);
        var numberUnits = new NumberUnitFilter(units);

        _textFilters = options.IndexSubwords
            ? [numberUnits, new LexiconFilter(lexicon), new SubwordFilter(new Lexicon(terms.Where(IsChinese)), _tokenizer), new StopWordFilter(stopSet)]
            : [numberUnits, new LexiconFilter(lexicon), new StopWordFilter(stopSet)];
        _queryFilters = [numberUnits, new LexiconFilter(queryLexicon), new StopWordFilter(queryStopSet)];
        _expander = new ThesaurusExpander(thesaurus, new Lexicon(terms.Where(IsChinese)), options.ExpansionWeight);

        WordsAnalyzer = new TermListAnalyzer(text => Analyze(text).Words);
        BigramsAnalyzer = new TermListAnalyzer(text => Analyze(text).Bigrams);
        LexiconSize = lexicon.Count;
        ThesaurusGroups = thesaurus.GroupCount;
    }

    public Lucene.Net.Analysis.Analyzer WordsAnalyzer { get; }

    public Lucene.Net.Analysis.Analyzer BigramsAnalyzer { get; }

    /// <summary>Terms the LexiconFilter matches for text (lexicon, thesaurus terms and multi-character stop words).</summary>
    public int LexiconSize { get; }

    public int ThesaurusGroups { get; }

    /// <summary>Words keep their order and repeats (term frequency for BM25); so do bigrams.</summary>
    public AnalyzedText Analyze(string text)
    {
        var normalized = _normalizer.Normalize(text ?? string.Empty);
        var tokens = Run(normalized, _textFilters);
        var words = new List<string>(tokens.Count);
        foreach (var token in tokens) words.Add(token.Text);
        var bigrams = new List<string>(normalized.Length);
        _bigrams.Collect(tokens, bigrams);
        return new AnalyzedText(words, bigrams);
    }

    /// <summary>Words and bigrams are distinct, in query order; expansions never repeat a literal word.</summary>
    public AnalyzedQuery AnalyzeQuery(string query)
    {
        var normalized = CollapseSpaces(_normalizer.Normalize(query ?? string.Empty));
        var tokens = Run(normalized, _queryFilters);
        var words = tokens.Select(t => t.Text).Distinct(StringComparer.Ordinal).ToList();
        var bigrams = new List<string>();
        _bigrams.Collect(tokens, bigrams);
        return new AnalyzedQuery(normalized, words, bigrams.Distinct(StringComparer.Ordinal).ToList(), _expander.Expand(words));
    }

    /// <summary>ICU's words alone, before any filter: what the lexicon has to repair (used to show before/after).</summary>
    public IReadOnlyList<string> IcuWords(string text)
    {
        var tokens = new List<Token>();
        _tokenizer.Tokenize(_normalizer.Normalize(text ?? string.Empty), tokens);
        return tokens.Where(t => t.Kind != TokenKind.Punctuation).Select(t => t.Text).ToList();
    }

    private List<Token> Run(string normalized, ITokenFilter[] filters)
    {
        var tokens = _tokens ??= [];
        tokens.Clear();
        _tokenizer.Tokenize(normalized, tokens);
        foreach (var filter in filters) filter.Apply(normalized, tokens);
        return tokens;
    }

    private static bool IsChinese(string term) => term.EnumerateRunes().Any(CjkText.IsCjk);

    private static string CollapseSpaces(string s) =>
        string.Join(' ', s.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
