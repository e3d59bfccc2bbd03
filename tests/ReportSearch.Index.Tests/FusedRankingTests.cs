using FsCheck;
using FsCheck.Fluent;
using ReportSearch.Index.Search;

namespace ReportSearch.Index.Tests;

/// <summary>
/// The page <see cref="FusedRanking"/> cuts out (packed-key signal orders, a bounded heap for the final order) must be the
/// page of the plain definition: every candidate fused and fully sorted, above the floor first. Scores and dates are drawn
/// from small sets so that ties, which the order breaks by date and document, are common.
/// </summary>
public sealed class FusedRankingTests
{
    private static readonly RankingOptions Options = new();

    private static List<(Candidate Candidate, double Score)> Definition(IReadOnlyList<Candidate> candidates, SearchSort sort, int offset, int top)
    {
        var fused = new double[candidates.Count];
        var best = 0.0;
        void Add(Func<Candidate, float> signal, double weight)
        {
            var order = Enumerable.Range(0, candidates.Count).Where(i => signal(candidates[i]) > 0)
                .OrderByDescending(i => signal(candidates[i])).ThenBy(i => candidates[i].Doc).ToArray();
            if (order.Length == 0) return;
            best += weight / (Options.RrfK + 1);
            for (var r = 0; r < order.Length; r++) fused[order[r]] += weight / (Options.RrfK + r + 1);
        }
        Add(c => c.Score, Options.LexicalWeight);
        Add(c => c.Similarity, Options.VectorWeight);
        var ranked = candidates.Select((c, i) => (Candidate: c, Score: best == 0 ? 0 : fused[i] / best));
        var ordered = sort == SearchSort.Date
            ? ranked.OrderByDescending(r => r.Candidate.Date).ThenByDescending(r => r.Score)
            : ranked.OrderByDescending(r => r.Score).ThenByDescending(r => r.Candidate.Date);
        var all = ordered.ThenBy(r => r.Candidate.Doc).ToList();
        return all.Where(r => r.Candidate.Above).Concat(all.Where(r => !r.Candidate.Above)).Skip(offset).Take(top).ToList();
    }

    private static readonly Gen<List<Candidate>> Candidates =
        from count in Gen.Choose(0, 60)
        from rows in Gen.ListOf(
            from score in Gen.Elements(0f, 0.5f, 1.25f, 2f, 7.5f)
            from similarity in Gen.Elements(0f, 0f, 0.2f, 0.35f, 0.8f)
            from date in Gen.Elements(0, 20230101, 20240615)
            from above in Gen.Elements(true, true, false)
            select (score, similarity, date, above), count)
        from docs in Gen.Shuffle(Enumerable.Range(0, 1000).ToArray())
        select rows.Select((r, i) => new Candidate(docs[i], r.score, r.similarity, r.date, 1, r.above)).ToList();

    [Fact]
    public void The_page_is_the_page_of_every_candidate_fused_and_sorted()
    {
        var cases =
            from candidates in Candidates
            from sort in Gen.Elements(SearchSort.Relevance, SearchSort.Date)
            from offset in Gen.Choose(0, 20)
            from top in Gen.Choose(1, 25)
            select (candidates, sort, offset, top);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(cases.ToArbitrary(), c =>
            Assert.Equal(Definition(c.candidates, c.sort, c.offset, c.top), new FusedRanking(Options).Page(c.candidates, c.sort, c.offset, c.top))));
    }
}
