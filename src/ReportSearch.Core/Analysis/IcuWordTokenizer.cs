using ICU4N.Globalization;
using ICU4N.Text;

namespace ReportSearch.Core.Analysis;

/// <summary>
/// ICU's word break iterator for Chinese (dictionary-based: 组织|关于|开展), through ICU4N, the same iterator and data
/// as Lucene.Net.ICU's ICUTokenizer. ICUTokenizer itself is not used because it drops every piece ICU does not call
/// a word, so 94.81% and 1200元/月 would lose their units before NumberUnitFilter sees them.
/// </summary>
internal sealed class IcuWordTokenizer(TextReader input, SegmentationMemo memo) : WholeTextTokenizer(input, memo)
{
    private static readonly UCultureInfo Chinese = new("zh");

    // A break iterator holds per-text state; this tokenizer is per thread (the Analyzer's reuse strategy), so is it.
    private readonly BreakIterator _breaker = BreakIterator.GetWordInstance(Chinese);

    protected override void Segment(string text, List<(int Start, int End)> segments)
    {
        _breaker.SetText(text);
        var start = _breaker.First();
        for (var end = _breaker.Next(); end != BreakIterator.Done; start = end, end = _breaker.Next())
            segments.Add((start, end));
        _breaker.SetText(string.Empty);
    }
}
