namespace ReportSearch.Index.Search;

/// <summary>
/// Orders a search's candidates and cuts out the page asked for: weighted reciprocal rank fusion of the BM25 order and the
/// similarity order, scaled to 0..1 by the best score possible (first in both), then the requested order (relevance, or date
/// newest first with relevance breaking ties); matches above the relevance floor first, those below it after.
/// A long sentence reaches most of the corpus, so the two signal orders are sorted on packed primitive keys and the final
/// order is only ever established for the page's candidates (a bounded heap), never for every match.
/// </summary>
internal sealed class FusedRanking(RankingOptions options)
{
    public List<(Candidate Candidate, double Score)> Page(IReadOnlyList<Candidate> candidates, SearchSort sort, int offset, int top)
    {
        var scores = Fuse(candidates);
        Comparison<int> order = sort == SearchSort.Date
            ? (a, b) => Before(candidates[b].Date, candidates[a].Date, scores[b], scores[a], candidates[a].Doc, candidates[b].Doc)
            : (a, b) => Before(scores[b], scores[a], candidates[b].Date, candidates[a].Date, candidates[a].Doc, candidates[b].Doc);
        var wanted = offset + top;
        var above = Best(candidates, above: true, wanted, order);
        var below = above.Count >= wanted ? [] : Best(candidates, above: false, wanted - above.Count, order);
        return above.Concat(below).Skip(offset).Take(top).Select(i => (candidates[i], scores[i])).ToList();
    }

    /// <summary>Two keys, then the document; a key is descending when the caller passes the second item's value first.</summary>
    private static int Before<T1, T2>(T1 first1, T1 first2, T2 second1, T2 second2, int doc1, int doc2)
        where T1 : IComparable<T1> where T2 : IComparable<T2> =>
        first1.CompareTo(first2) is var c && c != 0 ? c : second1.CompareTo(second2) is var d && d != 0 ? d : doc1.CompareTo(doc2);

    private double[] Fuse(IReadOnlyList<Candidate> candidates)
    {
        var k = options.RrfK;
        var fused = new double[candidates.Count];
        var best = 0.0;
        void Add(bool lexical, double weight)
        {
            // The order of one signal: descending value, ties by document; only candidates the signal saw take part.
            // Positive floats order as their bit patterns, so (value descending, doc ascending) packs into one long.
            var keys = new long[candidates.Count];
            var order = new int[candidates.Count];
            var n = 0;
            for (var i = 0; i < candidates.Count; i++)
            {
                var c = candidates[i];
                var value = lexical ? c.Score : c.Similarity;
                if (value <= 0) continue;
                keys[n] = ((long)(int.MaxValue - BitConverter.SingleToInt32Bits(value)) << 32) | (uint)c.Doc;
                order[n++] = i;
            }
            if (n == 0) return;
            Array.Sort(keys, order, 0, n);
            best += weight / (k + 1);
            for (var r = 0; r < n; r++) fused[order[r]] += weight / (k + r + 1);
        }
        Add(lexical: true, options.LexicalWeight);
        Add(lexical: false, options.VectorWeight);
        for (var i = 0; i < fused.Length; i++) fused[i] = best == 0 ? 0 : fused[i] / best;
        return fused;
    }

    /// <summary>
    /// The first <paramref name="count"/> candidates on one side of the floor in <paramref name="order"/>, through a heap of
    /// that size.
    /// </summary>
    private static List<int> Best(IReadOnlyList<Candidate> candidates, bool above, int count, Comparison<int> order)
    {
        if (count <= 0) return [];
        // The heap's root is the worst kept so far: a newcomer replaces it only when it comes before it.
        var worstFirst = Comparer<int>.Create((a, b) => order(b, a));
        var heap = new PriorityQueue<int, int>(worstFirst);
        for (var i = 0; i < candidates.Count; i++)
        {
            if (candidates[i].Above != above) continue;
            if (heap.Count < count) heap.Enqueue(i, i);
            else if (order(i, heap.Peek()) < 0) heap.DequeueEnqueue(i, i);
        }
        var kept = new List<int>(heap.Count);
        while (heap.TryDequeue(out var i, out _)) kept.Add(i);
        kept.Sort(order);
        return kept;
    }
}
