using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace ReportSearch.Core.Analysis;

/// <summary>
/// Base of the project's own TokenFilters: each needs to look across neighbouring tokens (a number and its unit, a run
/// of segmenter pieces forming a lexicon term), so it takes the whole stream of one text, rewrites it as a list, and
/// emits the result. Reports are tens of thousands of characters, so the list stays small. Token types carry the
/// <see cref="TokenKind"/> from one filter to the next.
/// </summary>
internal abstract class BufferedTokenFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly ITypeAttribute _type;
    private readonly IPositionIncrementAttribute _increment;
    private readonly List<Token> _input = [];
    private readonly List<Token> _output = [];
    private int _next = -1;

    protected BufferedTokenFilter(TokenStream input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _type = AddAttribute<ITypeAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
    }

    /// <summary>Appends to <paramref name="output"/> the rewritten form of <paramref name="input"/> (the tokens of one text).</summary>
    protected abstract void Rewrite(List<Token> input, List<Token> output);

    public sealed override bool IncrementToken()
    {
        if (_next < 0) Fill();
        if (_next >= _output.Count) return false;
        var token = _output[_next++];
        ClearAttributes();
        _term.SetEmpty().Append(token.Text);
        _offset.SetOffset(token.Start, token.End);
        _type.Type = TokenTypes.Of(token.Kind);
        _increment.PositionIncrement = token.Increment;
        return true;
    }

    private void Fill()
    {
        while (m_input.IncrementToken())
        {
            var text = _term.ToString();
            _input.Add(new Token(text, _offset.StartOffset, _offset.EndOffset, TokenTypes.KindOf(_type.Type, text), _increment.PositionIncrement));
        }
        Rewrite(_input, _output);
        _next = 0;
    }

    public override void Reset()
    {
        base.Reset();
        _input.Clear();
        _output.Clear();
        _next = -1;
    }
}
