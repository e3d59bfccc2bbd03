using Lucene.Net.Analysis.Icu;

namespace ReportSearch.Core.Analysis;

/// <summary>
/// The char filters in front of every tokenizer: they make variants of the same text identical while Lucene keeps
/// offsets pointing into the original. ICU's NFKC_Casefold folds full-width forms to half-width (ＡＢＣ１２３，→ abc123,),
/// NBSP, the ideographic space and the other spaces to ' ', lower-cases, and deletes invisible format characters
/// (zero-width space, BOM); then traditional characters become simplified (幹部借調 → 干部借调) so a query in either
/// script meets the same terms.
/// </summary>
internal static class TextNormalizer
{
    public static TextReader Wrap(TextReader reader) =>
        new TraditionalToSimplifiedCharFilter(new ICUNormalizer2CharFilter(reader), TraditionalToSimplified.Instance);

    /// <summary>The text as the tokenizer sees it.</summary>
    public static string Normalize(string text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        using var reader = Wrap(new StringReader(text));
        return reader.ReadToEnd();
    }
}
