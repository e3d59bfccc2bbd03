using System.Collections.Concurrent;

namespace ReportSearch.Core.Analysis;

/// <summary>
/// For indexing: after each long lexicon term, the fine words inside it, namely ICU's words of two or more
/// characters and the shorter lexicon terms (党风廉政建设 → 党风廉政, 廉政, 廉政建设, 党风, 建设), so a query for a part
/// matches at word level as well as through bigrams. Sub-words are marked so they never join a CJK run: bigrams
/// and adjacency stay those of the running text.
/// </summary>
internal sealed class SubwordFilter(Lexicon lexicon, IcuWordTokenizer tokenizer) : ITokenFilter
{
    private const int MinTermLength = 3;

    [ThreadStatic] private static List<Token>? _scratch;

    // Bounded by the lexicon's size; saves an ICU call per occurrence of a long term.
    private readonly ConcurrentDictionary<string, string[]> _subwords = new(StringComparer.Ordinal);

    public void Apply(string text, List<Token> tokens)
    {
        var output = _scratch ??= [];
        output.Clear();
        foreach (var token in tokens)
        {
            output.Add(token);
            if (token.Kind != TokenKind.Cjk || token.Text.Length < MinTermLength || !lexicon.Contains(token.Text)) continue;
            foreach (var sub in _subwords.GetOrAdd(token.Text, Subwords))
                output.Add(new Token(sub, token.Start, token.End, TokenKind.Subword));
        }
        tokens.Clear();
        tokens.AddRange(output);
    }

    private string[] Subwords(string term) =>
        tokenizer.Words(term).Where(w => w.Length >= 2 && w.Length < term.Length)
            .Concat(lexicon.TermsInside(term))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
}
