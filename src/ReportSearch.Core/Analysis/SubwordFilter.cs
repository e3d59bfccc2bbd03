using Lucene.Net.Analysis;

namespace ReportSearch.Core.Analysis;

/// <summary>
/// For indexing: after each long lexicon term, the fine words inside it, namely the segmenter's words of two or more
/// characters and the shorter lexicon terms (党风廉政建设 → 党风, 党风廉政, 廉政, 廉政建设, 建设), at the term's position
/// (increment 0) with their own offsets, so a query for a part matches at word level as well as through bigrams.
/// </summary>
internal sealed class SubwordFilter(TokenStream input, Lexicon lexicon, Func<string, IReadOnlyList<string>> segmenterWords)
    : BufferedTokenFilter(input)
{
    private const int MinTermLength = 3;

    // Per filter, and a filter is per thread: bounded by the lexicon's size, and saves a segmenter call per occurrence.
    private readonly Dictionary<string, (string Text, int At)[]> _subwords = new(StringComparer.Ordinal);

    protected override void Rewrite(List<Token> tokens, List<Token> output)
    {
        foreach (var token in tokens)
        {
            output.Add(token);
            if (token.Kind != TokenKind.Cjk || token.Text.Length < MinTermLength || !lexicon.Contains(token.Text)) continue;
            if (!_subwords.TryGetValue(token.Text, out var subwords)) _subwords[token.Text] = subwords = Subwords(token.Text);
            foreach (var (text, at) in subwords)
            {
                var start = token.OffsetAt(at);
                output.Add(new Token(text, start, token.OneToOne ? start + text.Length : token.End, TokenKind.Subword, Increment: 0));
            }
        }
    }

    // In order of where they start, so offsets never go backwards.
    private (string Text, int At)[] Subwords(string term) =>
        segmenterWords(term).Where(w => w.Length >= 2 && w.Length < term.Length)
            .Concat(lexicon.TermsInside(term))
            .Distinct(StringComparer.Ordinal)
            .Select(w => (Text: w, At: term.IndexOf(w, StringComparison.Ordinal)))
            .Where(s => s.At >= 0)
            .OrderBy(s => s.At).ThenByDescending(s => s.Text.Length)
            .ToArray();
}
