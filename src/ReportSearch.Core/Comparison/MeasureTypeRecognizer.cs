using ReportSearch.Core.Analysis;
using ReportSearch.Core.Model;

namespace ReportSearch.Core.Comparison;

/// <summary>The types a measure fits: all of them in the order their first cue appears, and the primary one.</summary>
/// <param name="Primary">The type whose cue comes first in the text (a measure usually opens with what it mainly did), or null when none fits.</param>
public sealed record MeasureTyping(string? Primary, IReadOnlyList<string> Types)
{
    public static MeasureTyping None { get; } = new(null, []);
}

/// <summary>
/// Assigns measure types by their cues. With the analysis chain, a cue only counts where the chain's words do not
/// cut through it, so 查处 is not found inside 调查|处置; without it, any occurrence counts.
/// A cue whose tail is 《 counts only when the measure cites a document.
/// </summary>
public sealed class MeasureTypeRecognizer(MeasureTypeCatalog catalog, ITextAnalyzer? analyzer = null)
{
    private static readonly char[] ClauseBreaks = ['。', '；', ';', '！', '!', '？', '?', '，', ','];

    public MeasureTypeCatalog Catalog => catalog;

    public MeasureTyping Recognize(Measure measure) => Recognize(measure.Text, measure.Documents.Count > 0);

    public MeasureTyping Recognize(string text, bool citesDocument)
    {
        if (string.IsNullOrWhiteSpace(text)) return MeasureTyping.None;
        var edges = analyzer is null ? WordEdges.None : WordEdges.Locate(text, analyzer.Analyze(text).Words);
        var found = new List<(int Position, int Order, string Id)>();
        for (var order = 0; order < catalog.Types.Count; order++)
        {
            var type = catalog.Types[order];
            var first = type.Cues
                .Where(c => citesDocument || c.Tail != "《")
                .Select(c => FirstMatch(text, c, edges))
                .Where(p => p >= 0)
                .DefaultIfEmpty(-1).Min();
            if (first >= 0) found.Add((first, order, type.Id));
        }
        if (found.Count == 0) return MeasureTyping.None;
        var ordered = found.OrderBy(f => f.Position).ThenBy(f => f.Order).Select(f => f.Id).ToList();
        return new MeasureTyping(ordered[0], ordered);
    }

    /// <summary>Position of the cue's first admitted occurrence, or -1.</summary>
    private static int FirstMatch(string text, CuePattern cue, WordEdges edges)
    {
        for (var at = Find(text, cue.Head, 0, edges); at >= 0; at = Find(text, cue.Head, at + 1, edges))
        {
            if (cue.Tail is null) return at;
            var clauseStart = at + cue.Head.Length;
            var limit = Math.Min(text.Length, clauseStart + CuePattern.MaxGap + cue.Tail.Length);
            var clauseEnd = text.IndexOfAny(ClauseBreaks, clauseStart, limit - clauseStart);
            if (clauseEnd >= 0) limit = clauseEnd;
            var tail = Find(text[..limit], cue.Tail, clauseStart, edges);
            if (tail >= 0) return at;
        }
        return -1;
    }

    private static int Find(string text, string term, int from, WordEdges edges)
    {
        for (var at = text.IndexOf(term, from, StringComparison.Ordinal); at >= 0;
             at = text.IndexOf(term, at + 1, StringComparison.Ordinal))
        {
            if (edges.Admits(at, at + term.Length)) return at;
        }
        return -1;
    }
}

/// <summary>
/// Where the analysis chain's words lie in a text, to tell a cue that is a word (or inside a compound word that holds
/// all of it, like 教育 in 警示教育) from one that straddles two words.
/// </summary>
internal sealed class WordEdges
{
    private readonly List<(int Start, int End)> _spans;

    private WordEdges(List<(int Start, int End)> spans) => _spans = spans;

    public static WordEdges None { get; } = new([]);

    /// <summary>Finds each word in order; a word the chain normalised (so absent from the text) is skipped.</summary>
    public static WordEdges Locate(string text, IReadOnlyList<string> words)
    {
        var spans = new List<(int, int)>(words.Count);
        var cursor = 0;
        foreach (var word in words)
        {
            if (word.Length == 0) continue;
            var at = text.IndexOf(word, cursor, StringComparison.Ordinal);
            if (at < 0) continue;
            spans.Add((at, at + word.Length));
            // Advance to the word's start, not its end: chains that emit overlapping sub-words stay locatable.
            cursor = at;
        }
        return new WordEdges(spans);
    }

    public bool Admits(int start, int end) => EdgeAdmits(start, start, end) && EdgeAdmits(end, start, end);

    /// <summary>An edge of the cue is fine when no word runs across it, or the words that do hold the whole cue.</summary>
    private bool EdgeAdmits(int position, int start, int end)
    {
        var crossing = false;
        foreach (var (s, e) in _spans)
        {
            if (s == position || e == position) return true;
            if (s < position && position < e)
            {
                if (s <= start && end <= e) continue;
                crossing = true;
            }
        }
        return !crossing;
    }
}
