namespace ReportSearch.Core.Analysis;

/// <summary>
/// Splits normalised text into ICU words (ICU's dictionary breaker for Chinese). Spaces are dropped; punctuation is
/// kept as tokens for the StopWordFilter to remove, so adjacency (Start/End) tells later filters where the text ran on.
/// </summary>
internal sealed class IcuWordTokenizer
{
    [ThreadStatic] private static List<(int Start, int End)>? _segments;

    public void Tokenize(string text, List<Token> output)
    {
        var segments = _segments ??= [];
        segments.Clear();
        IcuWordBreaks.ForEachSegment(text, segments);
        foreach (var (start, end) in segments)
        {
            var piece = text.AsSpan(start, end - start);
            if (!piece.IsWhiteSpace()) output.Add(new Token(piece.ToString(), start, end, Token.KindOf(piece)));
        }
    }

    /// <summary>The ICU words of one short text, for the sub-words of a lexicon term.</summary>
    public IEnumerable<string> Words(string text)
    {
        var tokens = new List<Token>();
        Tokenize(text, tokens);
        return tokens.Select(t => t.Text);
    }
}
