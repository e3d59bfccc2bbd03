namespace ReportSearch.Core.Analysis;

/// <summary>
/// Repairs ICU's splits with the domain lexicon (区|委 → 区委, 借|调 → 借调, 巡视|整|改进|展 → 巡视整改|进展).
/// Over each run of adjacent Chinese tokens it matches lexicon terms longest-first, character by character, so a
/// term wins even where ICU's boundaries do not line up with it; between terms ICU's words stand, cut short only
/// where a lexicon term of three or more characters begins inside one and runs past its end.
/// </summary>
internal sealed class LexiconFilter(Lexicon lexicon) : ITokenFilter
{
    // A two-character term starting on the last character of an ICU word is more often a false match
    // (全区|长效 would become 全|区长|效) than a repair; longer terms crossing a boundary are trusted.
    private const int MinCrossingLength = 3;

    [ThreadStatic] private static List<Token>? _scratch;

    public void Apply(string text, List<Token> tokens)
    {
        var output = _scratch ??= [];
        output.Clear();
        var i = 0;
        while (i < tokens.Count)
        {
            if (tokens[i].Kind != TokenKind.Cjk) { output.Add(tokens[i++]); continue; }
            var runFirst = i;
            while (i + 1 < tokens.Count && tokens[i + 1].Kind == TokenKind.Cjk && tokens[i + 1].Start == tokens[i].End) i++;
            SegmentRun(text, tokens, runFirst, i, output);
            i++;
        }
        tokens.Clear();
        tokens.AddRange(output);
    }

    private void SegmentRun(string text, List<Token> tokens, int first, int last, List<Token> output)
    {
        var runEnd = tokens[last].End;
        var position = tokens[first].Start;
        var piece = first; // the ICU token containing or following position
        while (position < runEnd)
        {
            var match = lexicon.LongestMatch(text, position, runEnd);
            int end;
            if (match >= 2)
            {
                end = position + match;
            }
            else
            {
                while (tokens[piece].End <= position) piece++;
                end = tokens[piece].End;
                for (var inner = position + 1; inner < end; inner++)
                {
                    var inside = lexicon.LongestMatch(text, inner, runEnd);
                    if (inside >= MinCrossingLength && inner + inside > end) { end = inner; break; }
                }
            }
            output.Add(new Token(text[position..end], position, end, TokenKind.Cjk));
            position = end;
        }
    }
}
