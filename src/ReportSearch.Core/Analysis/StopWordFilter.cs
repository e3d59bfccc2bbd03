namespace ReportSearch.Core.Analysis;

/// <summary>
/// Drops words that carry no meaning for retrieval: the listed ones (function words, punctuation; for queries also
/// question words) and any token without a letter or digit, since Unicode has more symbols than any list.
/// </summary>
internal sealed class StopWordFilter(IReadOnlySet<string> stopWords) : ITokenFilter
{
    public void Apply(string text, List<Token> tokens) =>
        tokens.RemoveAll(t => t.Kind == TokenKind.Punctuation || stopWords.Contains(t.Text));
}
