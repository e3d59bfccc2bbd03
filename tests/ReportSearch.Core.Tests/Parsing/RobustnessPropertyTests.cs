using System.Text;
using FsCheck;
using FsCheck.Fluent;
using ReportSearch.Core.Parsing;

namespace ReportSearch.Core.Tests.Parsing;

/// <summary>Whatever comes in, the parser answers with a report or a user-facing rejection, never a crash.</summary>
public class RobustnessPropertyTests
{
    private static readonly ReportParser Parser = new();

    private static bool ParsesOrRejects(byte[] bytes)
    {
        try
        {
            var report = Parser.Parse(bytes, "input");
            return report.Id.Length == 16 && report.Problems.All(p => p.Measures.All(m => m.Text is not null));
        }
        catch (InputRejectedException)
        {
            return true;
        }
    }

    private static Config Runs(int count) => Config.QuickThrowOnFailure.WithMaxTest(count);

    [Fact]
    public void Arbitrary_strings_never_crash()
    {
        var reportish = Gen.Elements("一、", "(一)", "(1)", "1.", "①", "第一方面问题", "针对", "一是", "二是", "。", "\n", "《", "》", "2.4%", "187人", "　", "\u00A0", "所在位置:首页 >", "来源:", "附件:", "主办单位", "2021年5月6日", "中共某区委", "对西安市高陵区开展了巡视");
        var pieces = Gen.OneOf(ArbMap.Default.ArbFor<string>().Generator.Where(s => s is not null), reportish);
        var texts = Gen.ListOf(pieces).Select(l => string.Concat(l));
        Check.One(Runs(500), Prop.ForAll(texts.ToArbitrary(), text => ParsesOrRejects(Encoding.UTF8.GetBytes(text))));
    }

    [Fact]
    public void Truncated_seed_reports_never_crash()
    {
        foreach (var seed in new[] { Seeds.Gaoling, Seeds.Gaoming })
        {
            var text = Seeds.Text(seed);
            var cuts = Gen.Choose(0, text.Length);
            Check.One(Runs(150), Prop.ForAll(cuts.ToArbitrary(), cut => ParsesOrRejects(Encoding.UTF8.GetBytes(text[..cut]))));
            // Cutting the bytes (not the characters) also leaves a broken last character behind.
            var bytes = Seeds.Bytes(seed);
            Check.One(Runs(100), Prop.ForAll(Gen.Choose(0, bytes.Length).ToArbitrary(), cut => ParsesOrRejects(bytes[..cut])));
        }
    }

    [Fact]
    public void Seed_prefixes_at_regular_cut_points_never_crash()
    {
        // Besides the random cuts: a sweep across the whole report, so every region of it is cut somewhere.
        foreach (var seed in new[] { Seeds.Gaoling, Seeds.Gaoming })
        {
            var text = Seeds.Text(seed);
            for (var cut = 0; cut <= text.Length; cut += 97)
                Assert.True(ParsesOrRejects(Encoding.UTF8.GetBytes(text[..cut])), $"{seed} cut at {cut}");
        }
    }

    [Fact]
    public void Random_bytes_never_crash()
    {
        var bytes = ArbMap.Default.ArbFor<byte[]>().Generator.Where(b => b is not null);
        Check.One(Runs(500), Prop.ForAll(bytes.ToArbitrary(), ParsesOrRejects));
        // Random bytes behind real file signatures reach the zip, docx and signature paths too.
        var signed = Gen.Zip(Gen.Elements<byte[]>([0x50, 0x4B, 0x03, 0x04], [0xFF, 0xFE], [0xFE, 0xFF], [0xEF, 0xBB, 0xBF], "<html>"u8.ToArray()), bytes)
            .Select(t => t.Item1.Concat(t.Item2).ToArray());
        Check.One(Runs(300), Prop.ForAll(signed.ToArbitrary(), ParsesOrRejects));
    }
}
