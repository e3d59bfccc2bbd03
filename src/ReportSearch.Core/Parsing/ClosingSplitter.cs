using System.Text.RegularExpressions;
using ReportSearch.Core.Text;

namespace ReportSearch.Core.Parsing;

/// <summary>
/// Separates the closing block — the invitation to supervise with contact details, the issuer, the date —
/// from the report body, so the last numbered item does not swallow it.
/// </summary>
public static partial class ClosingSplitter
{
    [GeneratedRegex(@"^\d{4}年\d{1,2}月\d{1,2}日$")]
    public static partial Regex DateLine();

    [GeneratedRegex(@"欢迎广大|联系方式|联系电话|邮政信箱|电子邮箱|监督电话|来信来电|举报电话")]
    private static partial Regex ContactWords();

    [GeneratedRegex(@"(?:委|委员会|党组|党委|工委|政府|办公室|局|厅|院)$")]
    private static partial Regex IssuerEnding();

    // The closing block is a few paragraphs long; looking further back would take body text for it.
    private const int MaxClosingParagraphs = 6;
    private const int MaxShortLine = 80;

    public static (List<Passage> Body, List<Passage> Closing) Split(IReadOnlyList<Passage> paragraphs)
    {
        // The earliest closing-like paragraph in the tail, provided nothing after it is long body text;
        // a stray line at the very end (a half-written date, a page number) does not hide the block.
        var start = paragraphs.Count;
        for (var i = paragraphs.Count - 1; i >= Math.Max(0, paragraphs.Count - MaxClosingParagraphs); i--)
        {
            var normal = paragraphs[i].Trim().Normal;
            if (IsClosing(normal)) start = i;
            else if (normal.Length > MaxShortLine || Numbering.StartsWithLabel(normal)) break;
        }
        return (paragraphs.Take(start).ToList(), paragraphs.Skip(start).ToList());
    }

    public static bool IsIssuerLine(string normal) =>
        normal.Length <= 40 && !normal.Contains('。') && !normal.Contains(',') && IssuerEnding().IsMatch(normal);

    // A numbered paragraph is always report body, however it ends.
    private static bool IsClosing(string normal) =>
        !Numbering.StartsWithLabel(normal) && (DateLine().IsMatch(normal) || IsIssuerLine(normal) || ContactWords().IsMatch(normal));
}
