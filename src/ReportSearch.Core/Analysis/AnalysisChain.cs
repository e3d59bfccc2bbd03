using Lucene.Net.Analysis;

namespace ReportSearch.Core.Analysis;

/// <summary>
/// One Lucene Analyzer of the chain: the normalising char filters, the segmenter's Tokenizer, then the given filters.
/// Lucene's reuse strategy keeps one set of components per thread, so an instance is shared across threads.
/// </summary>
internal sealed class AnalysisChain(Func<TextReader, Tokenizer> tokenizer, Func<TokenStream, TokenStream> filters) : Analyzer
{
    protected override TextReader InitReader(string fieldName, TextReader reader) => TextNormalizer.Wrap(reader);

    /// <summary>Several values of one field (a problem's measures) never join into one phrase across their boundary.</summary>
    public override int GetPositionIncrementGap(string fieldName) => 100;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = tokenizer(reader);
        return new TokenStreamComponents(source, filters(source));
    }
}
