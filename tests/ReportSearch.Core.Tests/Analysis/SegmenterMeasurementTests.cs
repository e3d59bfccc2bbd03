using System.Diagnostics;
using System.Text;
using ReportSearch.Core.Analysis;
using Xunit.Abstractions;

namespace ReportSearch.Core.Tests.Analysis;

/// <summary>
/// Measures each segmenter on the two seeds: analysis throughput (Analyze, i.e. the words and the bigrams analyzers,
/// in MB per CPU-second of this process, since wall time on a shared machine measures the neighbours; best of ten
/// rounds after fifteen of warm-up so the JIT has settled; printed, never asserted) and how much the lexicon still has to repair.
/// What is asserted is that every segmenter's chain ends with the genre terms as words. The retrieval figures per
/// segmenter come from RelevanceTests (README, "Analysis").
/// </summary>
public sealed class SegmenterMeasurementTests(SegmenterFixture segmenters, ITestOutputHelper output) : IClassFixture<SegmenterFixture>
{
    private static readonly string[] GenreTerms = ["借调", "区委", "混编混岗", "八项规定", "三会一课", "两违", "村级工业园", "以案促改", "四种形态", "第一议题", "党风廉政建设", "民主生活会"];

    [Theory]
    [InlineData(Segmenter.Icu)]
    [InlineData(Segmenter.SmartCn)]
    [InlineData(Segmenter.Jieba)]
    public void Each_segmenter_ends_with_the_genre_terms_and_its_throughput_is_printed(Segmenter segmenter)
    {
        var analyzer = segmenters[segmenter];
        var texts = new[] { SeedPaths.Read("000"), SeedPaths.Read("002") };
        var megabytes = texts.Sum(t => Encoding.UTF8.GetByteCount(t)) / 1e6;

        var words = texts.SelectMany(t => analyzer.Analyze(t).Words).ToHashSet();
        for (var round = 0; round < 15; round++) foreach (var text in texts) analyzer.Analyze(text);
        var best = double.MaxValue;
        for (var round = 0; round < 10; round++)
        {
            var start = Process.GetCurrentProcess().TotalProcessorTime;
            foreach (var text in texts) analyzer.Analyze(text);
            best = Math.Min(best, (Process.GetCurrentProcess().TotalProcessorTime - start).TotalSeconds);
        }
        var segmenterWords = texts.SelectMany(analyzer.SegmenterWords).ToHashSet();
        output.WriteLine($"{segmenter}: {megabytes / best:F2} MB per CPU-second over {megabytes * 1000:F0} KB; genre terms the segmenter alone leaves whole: " +
                         $"{GenreTerms.Count(segmenterWords.Contains)}/{GenreTerms.Length}");

        Assert.All(GenreTerms, term => Assert.Contains(term, words));
    }
}
