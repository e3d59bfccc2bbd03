using System.Net;
using System.Text;

namespace ReportSearch.Index.Search;

/// <summary>
/// The snippet of a hit: a window of its text around the first match, HTML-escaped, with every occurrence of a query term
/// (literal words, thesaurus equivalents, bigrams) wrapped in &lt;mark&gt;…&lt;/mark&gt;. Overlapping occurrences merge into one mark.
/// </summary>
public static class SnippetMarker
{
    public static string Mark(string text, IEnumerable<string> terms, int maxLength = 160)
    {
        var folded = Fold(text);
        var marked = new bool[text.Length];
        foreach (var term in terms.Select(Fold).Where(t => t.Length > 0).Distinct())
            for (var at = folded.IndexOf(term, StringComparison.Ordinal); at >= 0; at = folded.IndexOf(term, at + 1, StringComparison.Ordinal))
                Array.Fill(marked, true, at, term.Length);

        var first = Array.IndexOf(marked, true);
        var start = text.Length <= maxLength || first < maxLength / 4 ? 0 : Math.Min(first - maxLength / 4, text.Length - maxLength);
        var end = Math.Min(text.Length, start + maxLength);
        var sb = new StringBuilder();
        if (start > 0) sb.Append('…');
        for (var i = start; i < end;)
        {
            var j = i;
            while (j < end && marked[j] == marked[i]) j++;
            var part = WebUtility.HtmlEncode(text[i..j]);
            if (marked[i]) sb.Append("<mark>").Append(part).Append("</mark>");
            else sb.Append(part);
            i = j;
        }
        if (end < text.Length) sb.Append('…');
        return sb.ToString();
    }

    /// <summary>Full-width ASCII to half-width and lower case, one character for one, so positions in the folded text are positions in the text.</summary>
    private static string Fold(string s)
    {
        var chars = s.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var ch = chars[i];
            if (ch is >= '\uFF01' and <= '\uFF5E') ch = (char)(ch - 0xFEE0);
            else if (ch == '\u3000') ch = ' ';
            chars[i] = char.ToLowerInvariant(ch);
        }
        return new string(chars);
    }
}
