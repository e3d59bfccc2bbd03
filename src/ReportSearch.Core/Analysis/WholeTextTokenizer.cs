using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace ReportSearch.Core.Analysis;

/// <summary>
/// A Lucene Tokenizer over a segmenter that wants the whole text at once (ICU's break iterator, jieba): reads the
/// char-filtered text, lets the segmenter cut it, and emits every piece but spaces, punctuation included, because
/// units such as % and 元/月 belong to the number before them; TypeTokenFilter drops punctuation later.
/// </summary>
internal abstract class WholeTextTokenizer : Tokenizer
{
    private readonly SegmentationMemo _memo;
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly ITypeAttribute _type;
    private readonly List<(int Start, int End)> _segments = [];
    private string _text = string.Empty;
    private int _next;

    protected WholeTextTokenizer(TextReader input, SegmentationMemo memo) : base(input)
    {
        _memo = memo;
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _type = AddAttribute<ITypeAttribute>();
    }

    /// <summary>Adds (start, end) of each piece of <paramref name="text"/>, in order; pieces may overlap.</summary>
    protected abstract void Segment(string text, List<(int Start, int End)> segments);

    public override void Reset()
    {
        base.Reset();
        _text = m_input.ReadToEnd();
        _segments.Clear();
        if (_text.Length > 0 && !_memo.TryRecall(_text, _segments))
        {
            Segment(_text, _segments);
            _memo.Remember(_text, _segments);
        }
        _next = 0;
    }

    public sealed override bool IncrementToken()
    {
        while (_next < _segments.Count)
        {
            var (start, end) = _segments[_next++];
            var piece = _text.AsSpan(start, end - start);
            if (piece.IsWhiteSpace()) continue;
            ClearAttributes();
            _term.SetEmpty().Append(_text, start, end - start);
            _offset.SetOffset(CorrectOffset(start), CorrectOffset(end));
            _type.Type = TokenTypes.Of(Token.KindOf(piece));
            return true;
        }
        return false;
    }

    public override void End()
    {
        base.End();
        var final = CorrectOffset(_text.Length);
        _offset.SetOffset(final, final);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) { _text = string.Empty; _segments.Clear(); }
    }
}

/// <summary>
/// The last text one thread segmented with one chain's segmenter, and its pieces. The words and the bigrams of a text
/// are two analyzers over the same segmentation, run one after the other on one thread (Analyze, and the index
/// writing a document's fields in turn); segmentation is most of the chain's cost, so the second reuses the first's.
/// </summary>
internal sealed class SegmentationMemo
{
    private readonly ThreadLocal<(string Text, (int Start, int End)[] Segments)?> _last = new();

    public bool TryRecall(string text, List<(int Start, int End)> segments)
    {
        if (_last.Value is not { } last || !string.Equals(last.Text, text, StringComparison.Ordinal)) return false;
        segments.AddRange(last.Segments);
        return true;
    }

    public void Remember(string text, List<(int Start, int End)> segments) => _last.Value = (text, segments.ToArray());
}
