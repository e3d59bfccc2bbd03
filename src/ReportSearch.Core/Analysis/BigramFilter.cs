using System.Text;

namespace ReportSearch.Core.Analysis;

/// <summary>
/// Overlapping character bigrams of each run of adjacent Chinese words that survived the stop words
/// (借调干部 → 借调, 调干, 干部); a run of one character yields that character. Bigrams sit beside the words
/// because words and bigrams together retrieve better than either alone (FIELD-NOTES), and they catch what
/// segmentation got wrong. Sub-words are skipped: they overlap their term and are not running text.
/// </summary>
internal sealed class BigramFilter
{
    [ThreadStatic] private static List<Rune>? _runes;

    public void Collect(List<Token> tokens, List<string> bigrams)
    {
        var runes = _runes ??= [];
        var runEnd = -1;
        runes.Clear();
        foreach (var token in tokens)
        {
            if (token.Kind == TokenKind.Subword) continue;
            if (token.Kind != TokenKind.Cjk || token.Start != runEnd) Flush(runes, bigrams);
            if (token.Kind != TokenKind.Cjk) { runEnd = -1; continue; }
            foreach (var rune in token.Text.EnumerateRunes()) runes.Add(rune);
            runEnd = token.End;
        }
        Flush(runes, bigrams);
    }

    private static void Flush(List<Rune> runes, List<string> bigrams)
    {
        if (runes.Count == 1) bigrams.Add(runes[0].ToString());
        for (var i = 0; i + 1 < runes.Count; i++) bigrams.Add(runes[i].ToString() + runes[i + 1].ToString());
        runes.Clear();
    }
}
