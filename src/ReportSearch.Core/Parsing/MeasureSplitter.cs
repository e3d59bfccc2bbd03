using ReportSearch.Core.Text;

namespace ReportSearch.Core.Parsing;

/// <summary>A measure as cut from the text, before its documents, quantities and status are read.</summary>
public sealed record MeasureText(string? Ordinal, Passage Text, IReadOnlyList<(string Ordinal, Passage Text)> Items);

/// <summary>
/// Cuts a problem's rectification text into measures. Measures are enumerated 一是…二是…三是; the ordinals
/// must come in sequence, which is what tells "四是" after a comma from the same characters inside a word.
/// Without 一是, (1)(2)… numbered items are the measures; without either, the whole text is one measure.
/// </summary>
public static class MeasureSplitter
{
    private const string Boundaries = "。;:!?,\n ";

    public static List<MeasureText> Split(Passage text)
    {
        text = text.Trim();
        if (text.IsBlank) return [];
        var enumerated = Cut(text, n => Numbering.ChineseNumber(n) + "是");
        if (enumerated.Count > 0) return WithLead(text, enumerated, withItems: true);
        var numbered = Cut(text, n => $"({n})");
        if (numbered.Count >= 2) return WithLead(text, numbered, withItems: false);
        return [new MeasureText(null, text, Items(text))];
    }

    private static List<MeasureText> WithLead(Passage text, List<(string Ordinal, int Start, int End)> cuts, bool withItems)
    {
        var measures = new List<MeasureText>();
        // Text before 一是 (a sentence of context) is kept as an unnumbered measure rather than dropped.
        var lead = text.Slice(0, cuts[0].Start).Trim();
        if (!lead.IsBlank) measures.Add(new MeasureText(null, lead, []));
        foreach (var (ordinal, start, end) in cuts)
        {
            var body = text.Slice(start + ordinal.Length, end - start - ordinal.Length).Trim();
            measures.Add(new MeasureText(ordinal, body, withItems ? Items(body) : []));
        }
        return measures;
    }

    private static List<(string Ordinal, Passage Text)> Items(Passage text) =>
        Cut(text, n => $"({n})").Select(c => (c.Ordinal, text.Slice(c.Start + c.Ordinal.Length, c.End - c.Start - c.Ordinal.Length).Trim())).ToList();

    /// <summary>Finds ordinal(1), ordinal(2)… in order, each at the start or after punctuation; returns their spans.</summary>
    private static List<(string Ordinal, int Start, int End)> Cut(Passage text, Func<int, string> ordinal)
    {
        var starts = new List<(string, int)>();
        var from = 0;
        for (var n = 1; ; n++)
        {
            var marker = ordinal(n);
            var at = FindAtBoundary(text.Normal, marker, from);
            if (at < 0) break;
            starts.Add((marker, at));
            from = at + marker.Length;
        }
        var cuts = new List<(string, int, int)>();
        for (var i = 0; i < starts.Count; i++)
            cuts.Add((starts[i].Item1, starts[i].Item2, i + 1 < starts.Count ? starts[i + 1].Item2 : text.Length));
        return cuts;
    }

    private static int FindAtBoundary(string normal, string marker, int from)
    {
        for (var at = normal.IndexOf(marker, from, StringComparison.Ordinal); at >= 0;
             at = normal.IndexOf(marker, at + 1, StringComparison.Ordinal))
        {
            if (at == 0 || Boundaries.Contains(normal[at - 1])) return at;
        }
        return -1;
    }
}
