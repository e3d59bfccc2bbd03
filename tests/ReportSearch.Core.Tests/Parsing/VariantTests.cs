using System.Net;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ReportSearch.Core.Parsing;

namespace ReportSearch.Core.Tests.Parsing;

/// <summary>The same report in other encodings, formats and typings must give the same problems and measures.</summary>
public class VariantTests
{
    static VariantTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static TheoryData<string> SeedNames => new() { Seeds.Gaoling, Seeds.Gaoming };

    private static void AssertSameAsSeed(string seed, byte[] variant, string fileName, string format)
    {
        var expected = Seeds.Parse(seed);
        var actual = new ReportParser().Parse(variant, fileName);
        Assert.Equal(format, actual.Format);
        Seeds.AssertSameShape(expected, actual);
        Assert.Equal(expected.Unit, actual.Unit);
        Assert.Equal(expected.Inspection, actual.Inspection);
        Assert.Equal(expected.PublishedDate, actual.PublishedDate);
        Assert.Equal(expected.Issuer, actual.Issuer);
    }

    private static string[] Lines(string seed) => Seeds.Text(seed).Replace("\r", "").Split('\n');

    [Theory, MemberData(nameof(SeedNames))]
    public void Gb18030_copy(string seed) =>
        AssertSameAsSeed(seed, Encoding.GetEncoding(54936).GetBytes(Seeds.Text(seed)), "copy.txt", "txt");

    [Theory, MemberData(nameof(SeedNames))]
    public void Utf16_copies_with_and_without_bom(string seed)
    {
        AssertSameAsSeed(seed, [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Seeds.Text(seed))], "le.txt", "txt");
        AssertSameAsSeed(seed, Encoding.BigEndianUnicode.GetBytes(Seeds.Text(seed)), "be-no-bom.txt", "txt");
        AssertSameAsSeed(seed, Encoding.Unicode.GetBytes(Seeds.Text(seed)), "le-no-bom.dat", "txt");
    }

    [Fact]
    public void Utf8_file_cut_mid_character_stays_utf8()
    {
        var bytes = Seeds.Bytes(Seeds.Gaoling);
        var report = new ReportParser().Parse(bytes[..^1], "cut.txt");
        Assert.Equal("西安市高陵区", report.Unit.FullName);
        Assert.Equal(41, report.Problems.Count);
    }

    [Theory, MemberData(nameof(SeedNames))]
    public void Utf8_with_bom_and_crlf(string seed) =>
        AssertSameAsSeed(seed, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Seeds.Text(seed).Replace("\n", "\r\n"))], "crlf.txt", "txt");

    [Theory, MemberData(nameof(SeedNames))]
    public void Html_page_with_navigation_footer_and_script(string seed)
    {
        var body = string.Concat(Lines(seed).Where(l => l.Trim().Length > 0).Select(l => $"<p>{WebUtility.HtmlEncode(l)}</p>\n"));
        var html = $"""
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>巡视整改</title>
            <style>p {"{"} margin: 0 {"}"}</style><script>var nav = "首页 > 不是正文";</script></head>
            <body><nav><a href="/">首页</a> <a href="/xxgk">信息公开</a> <a>巡视巡察</a></nav>
            <div class="menu"><ul><li>机构概况</li><li>要闻动态</li></ul></div>
            <div class="position-relative main-header-wrap"><div class="content">{body}</div></div>
            <footer><p>主办单位:某某纪律检查委员会</p><p>粤ICP备10233762号</p></footer>
            <script>document.write("统计代码");</script></body></html>
            """;
        AssertSameAsSeed(seed, Encoding.UTF8.GetBytes(html), "page.html", "html");
    }

    [Fact]
    public void Html_page_keeps_breadcrumb_round_and_h1_title_out_of_the_text()
    {
        var lines = Lines(Seeds.Gaoming).Where(l => l.Trim().Length > 0 && !l.StartsWith("所在位置") && !l.StartsWith("中共佛山市高明区委关于")).ToList();
        var html = "<html><body><div class=\"breadcrumb\">所在位置:首页 &gt; 省委巡视 &gt; 十二届省委第六轮巡视整改进展情况向社会公开(二)</div>"
                   + "<h1>中共佛山市高明区委关于巡视整改进展情况的通报</h1>"
                   + string.Concat(lines.Select(l => $"<p>{WebUtility.HtmlEncode(l)}</p>")) + "</body></html>";
        var report = new ReportParser().Parse(Encoding.UTF8.GetBytes(html), "page.htm");
        Assert.Equal("十二届省委第六轮", report.Inspection.Round);
        Assert.Equal("中共佛山市高明区委关于巡视整改进展情况的通报", report.Title);
        Seeds.AssertSameShape(Seeds.Parse(Seeds.Gaoming), report);
    }

    [Fact]
    public void Html_page_saved_in_gb2312_is_decoded_by_content()
    {
        var body = string.Concat(Lines(Seeds.Gaoling).Where(l => l.Length > 0).Select(l => $"<p>{WebUtility.HtmlEncode(l)}</p>"));
        var html = $"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body>{body}</body></html>";
        AssertSameAsSeed(Seeds.Gaoling, Encoding.GetEncoding(54936).GetBytes(html), "page.htm", "html");
    }

    [Theory, MemberData(nameof(SeedNames))]
    public void Docx_copy(string seed)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(Lines(seed).Select(l => new Paragraph(new Run(new DocumentFormat.OpenXml.Wordprocessing.Text(l) { Space = SpaceProcessingModeValues.Preserve })))));
        }
        AssertSameAsSeed(seed, stream.ToArray(), "report.docx", "docx");
    }

    /// <summary>Brackets, colons, commas, periods and digits typed full-width, as many offices do.</summary>
    private static string FullWidth(string text) => new(text.Select(c => c is '(' or ')' or ':' or ',' or ';' or (>= '0' and <= '9') ? (char)(c + 0xFEE0) : c).ToArray());

    [Theory, MemberData(nameof(SeedNames))]
    public void Full_width_punctuation_copy(string seed) =>
        AssertSameAsSeed(seed, Encoding.UTF8.GetBytes(FullWidth(Seeds.Text(seed))), "full.txt", "txt");

    [Theory, MemberData(nameof(SeedNames))]
    public void Half_width_punctuation_copy_of_a_full_width_text(string seed)
    {
        // Start from the full-width copy so the half-width pass really changes something, then fold back.
        var full = FullWidth(Seeds.Text(seed));
        var half = new string(full.Select(c => c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c).ToArray());
        AssertSameAsSeed(seed, Encoding.UTF8.GetBytes(half.Replace('\u3000', ' ')), "half.txt", "txt");
    }

    [Theory, MemberData(nameof(SeedNames))]
    public void Non_breaking_and_ideographic_spaces_copy(string seed)
    {
        var spaced = string.Join("\n", Lines(seed).Select(l => l.Length > 0 ? "\u3000\u3000" + l.Replace("。", "。\u00A0") : l));
        AssertSameAsSeed(seed, Encoding.UTF8.GetBytes(spaced), "spaces.txt", "txt");
    }

    [Fact]
    public void Items_run_together_in_one_paragraph()
    {
        // Seed 002's problems chapter as one paragraph: every 1./(一)/第N方面 runs on after the previous 。.
        var text = Seeds.Text(Seeds.Gaoming).Replace("\r", "");
        var start = text.IndexOf("第一方面问题", StringComparison.Ordinal);
        var end = text.IndexOf("三、坚持高质量发展导向", StringComparison.Ordinal);
        // Headings carry no punctuation, so where they run on a space is all that separates them.
        var middle = string.Join("", text[start..end].Split('\n').Where(l => l.Length > 0).Select(l => l.EndsWith('。') ? l : l + " "));
        var runTogether = text[..start] + middle + "\n" + text[end..];
        Seeds.AssertSameShape(Seeds.Parse(Seeds.Gaoming), new ReportParser().Parse(Encoding.UTF8.GetBytes(runTogether), "run.txt"));
    }

    [Fact]
    public void Numbered_headings_run_on_after_measures()
    {
        // Seed 000's problems chapter with every numbered line joined to the line before it, so each label
        // follows a 。 (or, after an unpunctuated heading, a space) inside one paragraph.
        var lines = Lines(Seeds.Gaoling);
        var (first, last) = (Array.FindIndex(lines, l => l.StartsWith("二、")), Array.FindIndex(lines, l => l.StartsWith("三、")));
        var joined = new StringBuilder();
        for (var i = 0; i < lines.Length; i++)
        {
            var runsOn = i > first && i < last && ReportSearch.Core.Parsing.Numbering.StartsWithLabel(lines[i]);
            if (i > 0) joined.Append(!runsOn ? "\n" : lines[i - 1].EndsWith('。') ? "" : " ");
            joined.Append(lines[i]);
        }
        Seeds.AssertSameShape(Seeds.Parse(Seeds.Gaoling), new ReportParser().Parse(Encoding.UTF8.GetBytes(joined.ToString()), "run.txt"));
    }

    [Fact]
    public void Hard_wrapped_lines_are_joined_into_their_paragraphs()
    {
        var wrapped = string.Join("\n", Lines(Seeds.Gaoling).SelectMany(Wrap));
        Seeds.AssertSameShape(Seeds.Parse(Seeds.Gaoling), new ReportParser().Parse(Encoding.UTF8.GetBytes(wrapped), "wrapped.txt"));

        static IEnumerable<string> Wrap(string line)
        {
            // Cut every ~40 characters, never right after sentence punctuation: a line ending in 。 is a paragraph end.
            var start = 0;
            for (var cut = 40; cut < line.Length - 20; cut++)
            {
                if (cut - start < 40 || "。;:!?”》)".Contains(line[cut - 1]) || char.IsAsciiDigit(line[cut]) || line[cut] == '(') continue;
                yield return line[start..cut];
                start = cut;
            }
            yield return line[start..];
        }
    }
}
