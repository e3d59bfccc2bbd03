using ReportSearch.Core.Analysis;
using Xunit.Abstractions;

namespace ReportSearch.Core.Tests.Analysis;

/// <summary>
/// Measures on the seeds why indexing fine sub-words is on: every word ICU finds in a seed is taken as a one-word
/// query; it "misses at word level" when the report contains it but the indexed words do not (it is buried in a
/// longer lexicon term such as 党风廉政建设 or 住房公积金). Bigrams still match those, so this is about word-level
/// precision and BM25 on words, and the cost is the extra indexed words.
/// </summary>
public sealed class SubwordMeasurementTests(ITestOutputHelper output)
{
    [Fact]
    public void Fine_subwords_recover_the_words_buried_in_long_lexicon_terms()
    {
        var fine = new ChineseAnalyzer();
        var coarse = new ChineseAnalyzer(new AnalysisOptions { IndexSubwords = false });
        foreach (var seed in new[] { "000", "002" })
        {
            var text = SeedPaths.Read(seed);
            var fineWords = fine.Analyze(text).Words;
            var coarseWords = coarse.Analyze(text).Words;
            var fineSet = fineWords.ToHashSet();
            var coarseSet = coarseWords.ToHashSet();

            var queries = fine.SegmenterWords(text).Where(w => w.Length >= 2)
                .SelectMany(w => fine.AnalyzeQuery(w).Words).Where(q => q.Length >= 2 && !char.IsDigit(q[0])).Distinct().ToList();
            var coarseMisses = queries.Where(q => !coarseSet.Contains(q)).ToList();
            var fineMisses = queries.Where(q => !fineSet.Contains(q)).ToList();

            output.WriteLine($"seed {seed}: {queries.Count} one-word queries; word-level misses coarse {coarseMisses.Count}, fine {fineMisses.Count}; " +
                             $"indexed words coarse {coarseWords.Count}, fine {fineWords.Count} (+{100.0 * (fineWords.Count - coarseWords.Count) / coarseWords.Count:F1}%)");
            output.WriteLine("  recovered by sub-words: " + string.Join(" ", coarseMisses.Except(fineMisses).Take(40)));
            output.WriteLine("  still missed: " + string.Join(" ", fineMisses.Take(40)));

            Assert.True(fineMisses.Count < coarseMisses.Count);
            Assert.True(fineWords.Count < coarseWords.Count * 1.25, "sub-words should add well under a quarter more words");
        }
    }
}
