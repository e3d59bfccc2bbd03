using System.Net;
using System.Text.RegularExpressions;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using ReportSearch.Core.Analysis;

namespace ReportSearch.Index.Search;

/// <summary>
/// The snippet of a hit, by Lucene.Net.Highlighter: the best window of its text for the terms that matched, HTML-escaped,
/// each occurrence wrapped in &lt;mark&gt;…&lt;/mark&gt;. The text is re-analysed into bigrams, whose offsets point into the
/// original, so a term is marked wherever it stands, however the segmenter cut the text (overlapping bigrams of one term
/// merge into one mark); … shows where the window cuts the text.
/// </summary>
public sealed partial class SnippetHighlighter(ITextAnalyzer analyzer, int maxLength = 160)
{
    private const string Field = "snippet";

    public string Mark(string text, IEnumerable<string> terms)
    {
        var query = new BooleanQuery();
        foreach (var bigram in terms.SelectMany(t => analyzer.Analyze(t).Bigrams).Distinct(StringComparer.Ordinal))
            query.Add(new TermQuery(new Term(Field, bigram)), Occur.SHOULD);
        string? fragment = null;
        if (query.Clauses.Count > 0)
        {
            var highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new HtmlTextEncoder(), new QueryScorer(query, Field))
            {
                TextFragmenter = new SimpleFragmenter(maxLength),
                MaxDocCharsToAnalyze = int.MaxValue,
            };
            fragment = highlighter.GetBestFragment(analyzer.BigramsAnalyzer, Field, text);
        }
        fragment ??= WebUtility.HtmlEncode(text.Length <= maxLength ? text : text[..maxLength]);
        // Where the window sits in the text: its plain characters, found again.
        var plain = WebUtility.HtmlDecode(Tags().Replace(fragment, ""));
        var at = text.IndexOf(plain, StringComparison.Ordinal);
        return (at > 0 ? "…" : "") + fragment + (at >= 0 && at + plain.Length < text.Length ? "…" : "");
    }

    [GeneratedRegex("</?mark>")]
    private static partial Regex Tags();

    /// <summary>Escapes markup only: Lucene's SimpleHTMLEncoder turns every Chinese character into a numeric entity.</summary>
    private sealed class HtmlTextEncoder : IEncoder
    {
        public string EncodeText(string originalText) => WebUtility.HtmlEncode(originalText);
    }
}
