namespace ReportSearch.Core.Analysis;

/// <summary>
/// Keeps a number and the unit after it as one token (187人, 45宗, 650多万元, 94.81%): quantities are what analysts
/// compare, and ICU cuts them into a bare number and a one-character word that means nothing alone.
/// </summary>
internal sealed class NumberUnitFilter(Lexicon units) : ITokenFilter
{
    private static readonly string[] Approximators = ["多", "余"];

    [ThreadStatic] private static List<Token>? _scratch;

    public void Apply(string text, List<Token> tokens)
    {
        var output = _scratch ??= [];
        output.Clear();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var end = token.Kind == TokenKind.Number ? UnitEnd(text, token.End) : -1;
            if (end < 0) { output.Add(token); continue; }

            output.Add(new Token(text[token.Start..end], token.Start, end, TokenKind.NumberUnit));
            // Drop the pieces the unit swallowed; a piece only partly inside keeps its rest.
            while (i + 1 < tokens.Count && tokens[i + 1].Start < end)
            {
                var next = tokens[++i];
                if (next.End > end)
                {
                    var rest = text.AsSpan(end, next.End - end);
                    output.Add(new Token(rest.ToString(), end, next.End, Token.KindOf(rest)));
                }
            }
        }
        tokens.Clear();
        tokens.AddRange(output);
    }

    /// <summary>End of "[多|余] unit" right after a number, or -1 when no unit follows.</summary>
    private int UnitEnd(string text, int position)
    {
        var at = position;
        foreach (var approximator in Approximators)
            if (text.AsSpan(at).StartsWith(approximator)) { at += approximator.Length; break; }
        var length = LongestUnit(text, at);
        return length == 0 ? -1 : at + length;
    }

    private int LongestUnit(string text, int at) =>
        units.LongestMatch(text, at, Math.Min(text.Length, at + 8));
}
