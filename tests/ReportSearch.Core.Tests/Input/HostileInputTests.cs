using System.Diagnostics;
using System.Text;
using ReportSearch.Core.Input;
using ReportSearch.Core.Parsing;
using ReportSearch.Testing;
using Xunit.Abstractions;

namespace ReportSearch.Core.Tests.Input;

/// <summary>
/// Hostile files, generated here (never committed), are refused with one line and bounded work. Each test prints the
/// time and the managed memory the refusal took; the bound asserted is generous (the machine is shared) but far below
/// what the unbounded reader used (5 GB and killed, 425 s, 45 s and 2.5 GB).
/// </summary>
public sealed class HostileInputTests(ITestOutputHelper output)
{
    private const long MemoryBound = 400L * 1024 * 1024;
    private static readonly TimeSpan TimeBound = TimeSpan.FromSeconds(30);

    private InputRejectedException Refused(string what, byte[] bytes, string name)
    {
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var e = Assert.Throws<InputRejectedException>(() => new ReportParser(new ReportInputOptions()).Parse(bytes, name));
        clock.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        output.WriteLine($"{what}: {bytes.Length / 1024.0 / 1024.0:0.0} MB file refused in {clock.ElapsedMilliseconds} ms, {allocated / 1024.0 / 1024.0:0} MB allocated: {e.Message}");
        Assert.DoesNotContain('\n', e.Message);
        Assert.True(clock.Elapsed < TimeBound, $"{what} took {clock.Elapsed}");
        Assert.True(allocated < MemoryBound, $"{what} allocated {allocated / 1024 / 1024} MB");
        return e;
    }

    [Fact]
    public void Zip_bomb_docx_is_refused_as_too_large_without_inflating_it_all()
    {
        var bomb = HostileFiles.ZipBomb(1L << 30); // 1 GB of document.xml in a few MB
        var e = Refused("zip bomb docx", bomb, "bomb.docx");
        Assert.Equal(InputRejection.TooLarge, e.Kind);
        Assert.Contains("word/document.xml", e.Message);
        Assert.Contains("MaxDocxPartBytes", e.Message);
    }

    [Fact]
    public void Docx_whose_parts_together_inflate_too_far_is_refused()
    {
        var bomb = HostileFiles.ZipBomb(12L * 1024 * 1024, parts: 6);
        var e = Refused("docx of six 12 MB parts", bomb, "parts.docx");
        Assert.Equal(InputRejection.TooLarge, e.Kind);
        Assert.Contains("MaxDocxTotalBytes", e.Message);
    }

    [Fact]
    public void Hundred_thousand_nested_divs_are_refused_before_parsing()
    {
        var e = Refused("100,000 nested divs", HostileFiles.NestedDivs(100_000), "deep.html");
        Assert.Equal(InputRejection.Invalid, e.Kind);
        Assert.Contains("nested more than 512", e.Message);
    }

    [Fact]
    public void Millions_of_headings_are_refused_before_parsing()
    {
        var e = Refused("2.8 million 一、 headings", HostileFiles.Headings(2_800_000), "headings.txt");
        Assert.Equal(InputRejection.TooLarge, e.Kind);
        Assert.Contains("MaxOutlineItems", e.Message);
    }

    [Fact]
    public void One_endless_line_is_refused()
    {
        var e = Refused("one line of 5 million characters", Encoding.UTF8.GetBytes("一、" + new string('问', 5_000_000)), "line.txt");
        Assert.Equal(InputRejection.TooLarge, e.Kind);
        Assert.Contains("MaxLineChars", e.Message);
    }

    [Fact]
    public void Real_page_depth_and_outline_stay_well_inside_the_limits()
    {
        var seeds = Directory.GetFiles(Path.Combine(SeedRoot(), "seeds"));
        Assert.NotEmpty(seeds);
        foreach (var seed in seeds)
        {
            var report = new ReportParser().ParseFile(seed);
            Assert.NotEmpty(report.Problems);
        }
        Assert.True(HtmlNesting.MaxDepth("<html><body><div><p>a<p>b<ul><li>c<li>d</ul><br><img src=x></div></body></html>", 512) <= 4);
        Assert.True(TextLimits.IsOutlineItem("（十二）加强"));
        Assert.True(TextLimits.IsOutlineItem("  3. 落实"));
        Assert.False(TextLimits.IsOutlineItem("一是加强"));
    }

    private static string SeedRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "ReportSearch.sln"))) return d.FullName;
        throw new InvalidOperationException("tests run below the repository");
    }
}
