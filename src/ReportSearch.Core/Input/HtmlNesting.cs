namespace ReportSearch.Core.Input;

/// <summary>
/// How deep a page's elements nest, found by one linear scan of the markup before the HTML parser sees it: the parser's
/// tree building slows down with the square of the depth (100,000 nested divs took 425 s), the scan takes milliseconds.
/// It counts like the parser nests: void elements and elements whose end tag is optional (p, li, td…) do not deepen
/// the count, comments and the raw text of script and style are skipped. An over-estimate errs towards refusing a page
/// built of thousands of unclosed tags, which no real report is.
/// </summary>
internal static class HtmlNesting
{
    private static readonly HashSet<string> Flat = new(StringComparer.OrdinalIgnoreCase)
    {
        // void elements
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        // optional end tags: the parser closes them implicitly, so they rarely stack
        "p", "li", "dt", "dd", "td", "th", "tr", "option", "optgroup", "thead", "tbody", "tfoot", "colgroup", "rb", "rt", "rp",
    };

    public static void Check(string html, string name, int maxDepth)
    {
        var depth = MaxDepth(html.AsSpan(), maxDepth);
        if (depth > maxDepth)
            throw new InputRejectedException(
                $"{name} is an HTML page nested more than {maxDepth} elements deep, which no report page is; save the article alone, or raise ReportSearch:Input:MaxHtmlDepth",
                InputRejection.Invalid);
    }

    /// <summary>The deepest nesting seen, stopping early once it passes <paramref name="stopAbove"/>.</summary>
    internal static int MaxDepth(ReadOnlySpan<char> html, int stopAbove)
    {
        int depth = 0, max = 0, i = 0;
        while ((i = NextTag(html, i)) >= 0)
        {
            var rest = html[(i + 1)..];
            if (rest.StartsWith("!--"))
            {
                var end = rest.IndexOf("-->");
                if (end < 0) break;
                i += end + 4;
                continue;
            }
            var closing = rest.Length > 0 && rest[0] == '/';
            var nameStart = closing ? 1 : 0;
            var nameLength = 0;
            while (nameStart + nameLength < rest.Length && char.IsAsciiLetterOrDigit(rest[nameStart + nameLength])) nameLength++;
            var tagEnd = rest.IndexOf('>');
            if (tagEnd < 0) break;
            var tag = rest.Slice(nameStart, nameLength);
            i += tagEnd + 2;
            if (nameLength == 0 || !char.IsAsciiLetter(tag[0]) || IsFlat(tag)) continue;
            if (closing) { depth = Math.Max(0, depth - 1); continue; }
            if (rest[tagEnd - 1] == '/') continue; // <x/>
            if (tag.Equals("script", StringComparison.OrdinalIgnoreCase) || tag.Equals("style", StringComparison.OrdinalIgnoreCase))
            {
                var close = html[i..].IndexOf(tag.Equals("script", StringComparison.OrdinalIgnoreCase) ? "</script" : "</style", StringComparison.OrdinalIgnoreCase);
                if (close < 0) break;
                i += close;
                depth++; // its own end tag, found next, takes it off again
                continue;
            }
            if (++depth > max && (max = depth) > stopAbove) return max;
        }
        return max;
    }

    private static int NextTag(ReadOnlySpan<char> html, int from)
    {
        if (from >= html.Length) return -1;
        var at = html[from..].IndexOf('<');
        return at < 0 ? -1 : from + at;
    }

    private static bool IsFlat(ReadOnlySpan<char> tag) => Flat.GetAlternateLookup<ReadOnlySpan<char>>().Contains(tag);
}
