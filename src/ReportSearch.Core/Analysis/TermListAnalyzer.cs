using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace ReportSearch.Core.Analysis;

/// <summary>
/// A Lucene analyzer that emits the terms an <see cref="ITextAnalyzer"/> chain produced for the text, one position each.
/// It lets the search engine index exactly the terms the classifier and embeddings see while the chain itself is
/// being moved onto Lucene's own tokenizers and filters.
/// </summary>
internal sealed class TermListAnalyzer(Func<string, IReadOnlyList<string>> terms) : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) =>
        new(new TermListTokenizer(reader, terms));

    private sealed class TermListTokenizer : Tokenizer
    {
        private readonly Func<string, IReadOnlyList<string>> _analyze;
        private readonly ICharTermAttribute _term;
        private readonly IOffsetAttribute _offset;
        private IReadOnlyList<string> _terms = [];
        private int _next;
        private int _length;

        public TermListTokenizer(TextReader reader, Func<string, IReadOnlyList<string>> analyze) : base(reader)
        {
            _analyze = analyze;
            _term = AddAttribute<ICharTermAttribute>();
            _offset = AddAttribute<IOffsetAttribute>();
        }

        public override bool IncrementToken()
        {
            ClearAttributes();
            if (_next >= _terms.Count) return false;
            _term.SetEmpty().Append(_terms[_next++]);
            _offset.SetOffset(0, _length);
            return true;
        }

        public override void Reset()
        {
            base.Reset();
            var text = m_input.ReadToEnd();
            _length = CorrectOffset(text.Length);
            _terms = _analyze(text);
            _next = 0;
        }

        public override void End()
        {
            base.End();
            _offset.SetOffset(_length, _length);
        }
    }
}
