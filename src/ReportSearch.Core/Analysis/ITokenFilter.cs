namespace ReportSearch.Core.Analysis;

/// <summary>One step of the chain after the tokenizer (Lucene's TokenFilter): rewrites the token list of one normalised text.</summary>
internal interface ITokenFilter
{
    void Apply(string text, List<Token> tokens);
}
