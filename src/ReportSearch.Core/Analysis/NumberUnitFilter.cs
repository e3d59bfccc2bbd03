using System.Text;
using Lucene.Net.Analysis;

namespace ReportSearch.Core.Analysis;

/// <summary>
/// Keeps a number and the unit after it as one token (187人, 45宗, 650多万元, 94.81%, 1200元/月): quantities are what
/// analysts compare, and segmenters cut them into a bare number and a one-character word that means nothing alone.
/// The unit is matched over the text of the tokens that touch the number; a token the unit only partly covers keeps its rest.
/// </summary>
internal sealed class NumberUnitFilter(TokenStream input, Lexicon units) : BufferedTokenFilter(input)
{
    private const int MaxUnitLength = 8;
    private static readonly string[] Approximators = ["多", "余"];

    private readonly StringBuilder _after = new();

    protected override void Rewrite(List<Token> tokens, List<Token> output)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var number = tokens[i];
            var length = number.Kind == TokenKind.Number ? UnitLength(tokens, i) : 0;
            if (length == 0) { output.Add(number); continue; }

            var end = number.End;
            Token? rest = null;
            for (var taken = 0; taken < length;)
            {
                var next = tokens[++i];
                if (taken + next.Text.Length <= length)
                {
                    taken += next.Text.Length;
                    end = next.End;
                    continue;
                }
                var inside = length - taken;
                end = next.OffsetAt(inside);
                var remainder = next.Text[inside..];
                rest = new Token(remainder, end, next.End, Token.KindOf(remainder));
                taken = length;
            }
            output.Add(new Token(number.Text + _after.ToString(0, length), number.Start, end, TokenKind.NumberUnit, number.Increment));
            if (rest is { } r) output.Add(r);
        }
    }

    /// <summary>Characters of "[多|余] unit" right after the number at <paramref name="at"/>, or 0 when no unit follows.</summary>
    private int UnitLength(List<Token> tokens, int at)
    {
        _after.Clear();
        for (var j = at + 1; j < tokens.Count && tokens[j].Start == tokens[j - 1].End && _after.Length <= MaxUnitLength; j++)
            _after.Append(tokens[j].Text);
        var after = _after.ToString();
        var unitStart = Approximators.Any(a => after.StartsWith(a, StringComparison.Ordinal)) ? 1 : 0;
        var unit = units.LongestMatch(after, unitStart, Math.Min(after.Length, unitStart + MaxUnitLength));
        return unit == 0 ? 0 : unitStart + unit;
    }
}
