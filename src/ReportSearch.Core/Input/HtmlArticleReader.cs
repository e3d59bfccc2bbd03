using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace ReportSearch.Core.Input;

/// <summary>
/// Reads the article out of a saved web page: scripts, styles, navigation, headers, footers and sidebars go;
/// block elements become lines. The breadcrumb is kept as the first line because it names the inspection round;
/// <see cref="Text.PageFurnitureFilter"/> then takes it and the other page furniture out of the text.
/// </summary>
public static partial class HtmlArticleReader
{
    private const string DroppedTags = "script, style, noscript, template, nav, header, footer, aside, form, iframe, svg, button, select, object";

    [GeneratedRegex(@"crumb|position|location|weizhi|dqwz", RegexOptions.IgnoreCase)]
    private static partial Regex BreadcrumbName();

    [GeneratedRegex(@"(?:^|[\s_-])(?:nav|navbar|menu|footer|foot|header|sidebar|share|copyright|banner|toolbar)(?:$|[\s_-])", RegexOptions.IgnoreCase)]
    private static partial Regex NoiseName();

    [GeneratedRegex(@"[ \t\r\n\f]+")]
    private static partial Regex HtmlSpace();

    private static readonly HashSet<string> BlockTags =
    [
        "P", "DIV", "BR", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "TR", "TD", "TH", "SECTION", "ARTICLE", "MAIN",
        "TABLE", "UL", "OL", "BLOCKQUOTE", "PRE", "DD", "DT", "DL", "HR", "CENTER", "TITLE",
    ];

    public static bool LooksLikeHtml(string text)
    {
        var head = text.Length > 4096 ? text[..4096] : text;
        return Regex.IsMatch(head, @"<(?:!doctype\s+html|html|head|body|meta|div|p|article|table|span)\b", RegexOptions.IgnoreCase);
    }

    public static List<string> Read(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var body = (IElement?)document.Body ?? document.DocumentElement;
        var breadcrumb = body.QuerySelectorAll("*")
            .FirstOrDefault(e => IsBreadcrumb(e) && e.TextContent.Length <= MaxBreadcrumbLength)
            ?.TextContent;

        foreach (var element in body.QuerySelectorAll(DroppedTags).ToList()) element.Remove();
        // A class name is only a hint: an element holding most of the page is the article's wrapper, whatever it is called.
        var pageLength = body.TextContent.Length;
        foreach (var element in body.QuerySelectorAll("*").Where(e => IsNoise(e) && e.TextContent.Length * 2 < pageLength).ToList())
            element.Remove();

        var text = new StringBuilder();
        if (breadcrumb is not null) text.Append(HtmlSpace().Replace(breadcrumb, " ").Trim()).Append('\n');
        Render(body, text);
        return text.ToString().Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
    }

    private const int MaxBreadcrumbLength = 300;

    private static bool IsBreadcrumb(IElement e) => BreadcrumbName().IsMatch(e.ClassName ?? "") || BreadcrumbName().IsMatch(e.Id ?? "");

    private static bool IsNoise(IElement e) => IsBreadcrumb(e) || NoiseName().IsMatch(e.ClassName ?? "") || NoiseName().IsMatch(e.Id ?? "");

    private static void Render(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText t)
            {
                text.Append(HtmlSpace().Replace(t.Data, " "));
                continue;
            }
            if (child is not IElement element) continue;
            var block = BlockTags.Contains(element.TagName);
            if (block) text.Append('\n');
            Render(element, text);
            if (block) text.Append('\n');
        }
    }
}
