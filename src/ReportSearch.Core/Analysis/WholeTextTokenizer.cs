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
    /// <summary>
    /// Where the char-filtered text is read, kept across texts: TextReader.ReadToEnd allocated a 4,096-character array and
    /// a StringBuilder for each of them (most are a sentence long): the largest allocation in a profile of indexing.
    /// </summary>
    private char[] _buffer = new char[1024];

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
        _text = ReadAll(m_input);
        _segments.Clear();
        if (_text.Length > 0 && !_memo.TryRecall(_text, _segments))
        {
            Segment(_text, _segments);
            _memo.Remember(_text, _segments);
        }
        _next = 0;
    }

    private string ReadAll(TextReader reader)
    {
        var length = 0;
        int read;
        while ((read = reader.Read(_buffer, length, _buffer.Length - length)) > 0)
        {
            length += read;
            if (length == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
        }
        return new string(_buffer, 0, length);
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
/// The texts one thread segmented last with one chain's segmenter, and their pieces. Segmentation is most of the chain's
/// cost, and the same text comes back soon: the words and the bigrams of a text are two analyzers over one segmentation,
/// run one after the other; a problem's measures are analysed for the problem's document and again for each measure's own;
/// the headings a problem sits under repeat for every problem beside it. A few dozen recent texts per thread catch these.
/// </summary>
internal sealed class SegmentationMemo
{
    private const int Capacity = 64;
    private readonly ThreadLocal<Recent> _recent = new(() => new Recent());

    public bool TryRecall(string text, List<(int Start, int End)> segments)
    {
        if (!_recent.Value!.Segments.TryGetValue(text, out var known)) return false;
        segments.AddRange(known);
        return true;
    }

    public void Remember(string text, List<(int Start, int End)> segments)
    {
        var recent = _recent.Value!;
        if (!recent.Segments.TryAdd(text, segments.ToArray())) return;
        recent.Order.Enqueue(text);
        if (recent.Order.Count > Capacity) recent.Segments.Remove(recent.Order.Dequeue());
    }

    private sealed class Recent
    {
        public Dictionary<string, (int Start, int End)[]> Segments { get; } = new(StringComparer.Ordinal);
        public Queue<string> Order { get; } = new();
    }
}
