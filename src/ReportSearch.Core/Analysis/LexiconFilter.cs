using System.Text;
using Lucene.Net.Analysis;

namespace ReportSearch.Core.Analysis;

/// <summary>
/// Repairs the segmenter's splits with the domain lexicon (区|委 → 区委, 借|调 → 借调, 巡视|整|改进|展 → 巡视整改|进展).
/// Over each run of touching Chinese tokens it matches lexicon terms longest-first, character by character, so a
/// term wins even where the segmenter's boundaries do not line up with it; between terms the segmenter's words stand,
/// cut short only where a lexicon term of three or more characters begins inside one and runs past its end.
/// </summary>
internal sealed class LexiconFilter(TokenStream input, Lexicon lexicon) : BufferedTokenFilter(input)
{
    // A two-character term starting on the last character of a segmenter word is more often a false match
    // (全区|长效 would become 全|区长|效) than a repair; longer terms crossing a boundary are trusted.
    private const int MinCrossingLength = 3;

    private readonly StringBuilder _run = new();
    private readonly List<int> _pieceStarts = [];

    protected override void Rewrite(List<Token> tokens, List<Token> output)
    {
        var i = 0;
        while (i < tokens.Count)
        {
            if (tokens[i].Kind != TokenKind.Cjk) { output.Add(tokens[i++]); continue; }
            var first = i;
            while (i + 1 < tokens.Count && tokens[i + 1].Kind == TokenKind.Cjk && tokens[i + 1].Start == tokens[i].End) i++;
            SegmentRun(tokens, first, i, output);
            i++;
        }
    }

    private void SegmentRun(List<Token> tokens, int first, int last, List<Token> output)
    {
        _run.Clear();
        _pieceStarts.Clear();
        for (var k = first; k <= last; k++) { _pieceStarts.Add(_run.Length); _run.Append(tokens[k].Text); }
        var text = _run.ToString();
        var runEnd = text.Length;
        var position = 0;
        var piece = 0; // the segmenter token containing or following position
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
                while (PieceEnd(piece, runEnd) <= position) piece++;
                end = PieceEnd(piece, runEnd);
                for (var inner = position + 1; inner < end; inner++)
                {
                    var inside = lexicon.LongestMatch(text, inner, runEnd);
                    if (inside >= MinCrossingLength && inner + inside > end) { end = inner; break; }
                }
            }
            var increment = position == 0 ? tokens[first].Increment : 1;
            output.Add(new Token(text[position..end], Offset(tokens, first, position), Offset(tokens, first, end), TokenKind.Cjk, increment));
            position = end;
        }
    }

    private int PieceEnd(int piece, int runEnd) => piece + 1 < _pieceStarts.Count ? _pieceStarts[piece + 1] : runEnd;

    /// <summary>Offset in the original text of <paramref name="index"/> in the run's text.</summary>
    private int Offset(List<Token> tokens, int first, int index)
    {
        var piece = _pieceStarts.BinarySearch(index);
        if (piece >= 0) return tokens[first + piece].Start;
        piece = ~piece - 1; // the piece the index falls inside, or the last piece when it is the run's end
        return tokens[first + piece].OffsetAt(index - _pieceStarts[piece]);
    }
}
