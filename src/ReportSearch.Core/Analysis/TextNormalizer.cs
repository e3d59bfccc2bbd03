using System.Text;

namespace ReportSearch.Core.Analysis;

/// <summary>
/// The char filter in front of the tokenizer: makes variants of the same text identical. NFKC folds full-width
/// forms to half-width (ＡＢＣ１２３，→ ABC123,) and the ideographic space and NBSP to a plain space; every other
/// kind of space becomes ' ', invisible format characters and lone surrogates are dropped or replaced, Latin is
/// lower-cased, and traditional characters become simplified (幹部借調 → 干部借调) so a query in either script
/// meets the same terms.
/// </summary>
internal sealed class TextNormalizer
{
    private readonly TraditionalToSimplified _traditionalToSimplified;

    public TextNormalizer(TraditionalToSimplified traditionalToSimplified) => _traditionalToSimplified = traditionalToSimplified;

    public string Normalize(string text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        // string.Normalize throws on ill-formed UTF-16, which arbitrary input (a truncated file, a fuzzer) can be.
        var nfkc = ReplaceLoneSurrogates(text).Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(nfkc.Length);
        foreach (var c in nfkc)
        {
            if (char.IsWhiteSpace(c)) sb.Append(' ');
            else if (char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format) sb.Append(' ');
            else if (c < 0x80) sb.Append(char.ToLowerInvariant(c));
            else if (char.IsUpper(c)) sb.Append(char.ToLowerInvariant(c));
            else sb.Append(_traditionalToSimplified.Map(c));
        }
        return sb.ToString();
    }

    private static string ReplaceLoneSurrogates(string text)
    {
        char[]? copy = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c)) (copy ??= text.ToCharArray())[i] = '\uFFFD';
        }
        return copy is null ? text : new string(copy);
    }
}
