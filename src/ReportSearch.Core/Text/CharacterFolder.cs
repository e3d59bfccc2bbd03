using ReportSearch.Core.Analysis;

namespace ReportSearch.Core.Text;

/// <summary>
/// Folds the many ways the same report text is typed into one form for parsing: full-width ASCII forms
/// (（１）, ：, ．, Ａ) to half-width, every kind of space (NBSP, ideographic, thin…) to ' ', stray line
/// separators to '\n', traditional characters to simplified (the analyser's ICU-derived table). It maps one
/// character to one character so offsets stay valid in the original (see <see cref="Passage"/>); joining wrapped
/// lines is <see cref="ParagraphBuilder"/>'s job. (Analysis.TextNormalizer is the search side: NFKC, lower-case,
/// free to change lengths.)
/// </summary>
public static class CharacterFolder
{
    public static string Fold(string text)
    {
        var chars = text.ToCharArray();
        var simplified = TraditionalToSimplified.Instance;
        for (var i = 0; i < chars.Length; i++)
            chars[i] = simplified.Map(Fold(chars[i], i + 1 < chars.Length ? chars[i + 1] : '\0'));
        return new string(chars);
    }

    private static char Fold(char c, char next) => c switch
    {
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
        '\u3000' or '\u00A0' or '\u202F' or '\u205F' or '\u2007' or '\t' => ' ',
        >= '\u2000' and <= '\u200B' => ' ',
        '\uFEFF' => ' ',
        // A lone CR (old Mac files) ends a line; the CR of CRLF becomes a space the line's trim removes.
        '\r' => next == '\n' ? ' ' : '\n',
        '\u2028' or '\u2029' or '\v' or '\f' or '\u0085' => '\n',
        // Dash variants between numbers (2016—2017) read the same.
        '\u2014' or '\u2013' or '\u2012' or '\u2015' => '-',
        _ => c,
    };
}
