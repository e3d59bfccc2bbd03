using Icu;

namespace ReportSearch.Core.Analysis;

/// <summary>
/// Splits normalised text into ICU words (dictionary-based for Chinese). Spaces are dropped; punctuation is kept as
/// tokens for the StopWordFilter to remove, so adjacency (Start/End) tells later filters where text was continuous.
/// </summary>
internal sealed class IcuWordTokenizer
{
    // ICU break iterators are not thread-safe and costly to open: one per thread, reused for every text.
    [ThreadStatic] private static RuleBasedBreakIterator? _iterator;

    public void Tokenize(string text, List<Token> output)
    {
        if (text.Length == 0) return;
        var iterator = _iterator ??= Create();
        iterator.SetText(text);
        var start = iterator.MoveFirst();
        int end;
        while ((end = iterator.MoveNext()) != BreakIterator.DONE)
        {
            var piece = text.AsSpan(start, end - start);
            if (!piece.IsWhiteSpace())
            {
                output.Add(new Token(piece.ToString(), start, end, Token.KindOf(piece)));
            }
            start = end;
        }
        // Release the reference to a possibly large text held by the thread's iterator.
        iterator.SetText(string.Empty);
    }

    /// <summary>The ICU words of one short text, for sub-word splitting of a lexicon term.</summary>
    public IEnumerable<string> Words(string text)
    {
        var tokens = new List<Token>();
        Tokenize(text, tokens);
        return tokens.Select(t => t.Text);
    }

    private static RuleBasedBreakIterator Create()
    {
        IcuRuntime.EnsureInitialized();
        return new RuleBasedBreakIterator(BreakIterator.UBreakIteratorType.WORD, new Locale("zh"));
    }
}
