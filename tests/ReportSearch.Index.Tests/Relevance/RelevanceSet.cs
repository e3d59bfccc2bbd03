using ReportSearch.Index.Search;

namespace ReportSearch.Index.Tests.Relevance;

/// <summary>One judged query of relevance.tsv: the relevant problem paths in each seed, most relevant first.</summary>
public sealed record JudgedQuery(string Id, string Type, string Query, IReadOnlyDictionary<string, IReadOnlyList<string>> Relevant, string Note);

/// <summary>relevance.tsv (written by hand, judged against both seeds) and problems.tsv (every path a judgement may cite).</summary>
public static class RelevanceSet
{
    public static readonly string[] Seeds = ["000", "002"];
    private static string Folder => Path.Combine(TestIndex.RepoRoot, "tests", "ReportSearch.Index.Tests", "Relevance");

    public static IReadOnlyList<JudgedQuery> Load() =>
        Rows("relevance.tsv").Select(c => new JudgedQuery(c[0], c[1], c[2],
            new Dictionary<string, IReadOnlyList<string>>
            {
                ["000"] = c[3].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                ["002"] = c[4].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            }, c.Length > 5 ? c[5] : "")).ToList();

    public static IReadOnlySet<(string Seed, string Path)> Problems() =>
        Rows("problems.tsv").Select(c => (c[0], c[1])).ToHashSet();

    private static IEnumerable<string[]> Rows(string file) =>
        File.ReadLines(Path.Combine(Folder, file)).Where(l => l.Length > 0 && !l.StartsWith('#')).Skip(1).Select(l => l.Split('\t'));
}

/// <summary>Recall@3 per seed and MRR of one ranking configuration over the relevance set.</summary>
public sealed record RelevanceFigures(string Method, double Recall000, double Recall002, double Mrr, double NoneHitRate)
{
    public double Recall => (Recall000 + Recall002) / 2;
    public override string ToString() =>
        $"{Method,-22} Recall@3 000 {Recall000:0.000}  002 {Recall002:0.000}  MRR {Mrr:0.000}  none-queries answered {NoneHitRate:0.00}";
}

public static class RelevanceEvaluator
{
    /// <summary>
    /// Recall@3 for a seed = relevant problems of that seed among its first three distinct problems in the ranking
    /// / min(3, relevant count), over queries judging that seed; MRR over queries with any relevant problem, first relevant
    /// distinct problem within the first 20. Measure hits count for their problem.
    /// </summary>
    public static RelevanceFigures Evaluate(string method, IReadOnlyList<JudgedQuery> queries,
        Func<JudgedQuery, IReadOnlyList<(string Seed, string Path)>> rank, Action<string>? log = null)
    {
        var recall = RelevanceSet.Seeds.ToDictionary(s => s, _ => new List<double>());
        var reciprocal = new List<double>();
        var noneAnswered = new List<double>();
        foreach (var q in queries)
        {
            var ranked = rank(q).Distinct().ToList();
            if (q.Type == "none") { noneAnswered.Add(ranked.Count > 0 ? 1 : 0); continue; }
            foreach (var seed in RelevanceSet.Seeds)
            {
                var relevant = q.Relevant[seed];
                if (relevant.Count == 0) continue;
                var top = ranked.Where(r => r.Seed == seed).Take(3).Select(r => r.Path).ToList();
                recall[seed].Add((double)top.Count(relevant.Contains) / Math.Min(3, relevant.Count));
            }
            var first = ranked.Take(20).Select((r, i) => (r, i)).FirstOrDefault(x => q.Relevant[x.r.Seed].Contains(x.r.Path));
            var rr = first.r.Path is null ? 0 : 1.0 / (first.i + 1);
            reciprocal.Add(rr);
            if (log is not null && rr < 0.5)
                log($"  {method} {q.Id} {q.Type} '{q.Query}': first relevant at {(rr == 0 ? "none" : (1 / rr).ToString())}; top: {string.Join(" | ", ranked.Take(3).Select(r => r.Seed + ":" + r.Path))}");
        }
        return new RelevanceFigures(method, recall["000"].Average(), recall["002"].Average(), reciprocal.Average(),
            noneAnswered.Count == 0 ? 0 : noneAnswered.Average());
    }

    /// <summary>The ranking SearchService gives, as (seed, problem path) best first.</summary>
    public static async Task<RelevanceFigures> EvaluateAsync(string method, SearchService search, IReadOnlyDictionary<string, string> seedOfReport,
        IReadOnlyList<JudgedQuery> queries, SearchService.Signals signals, Action<string>? log = null)
    {
        var rankings = new Dictionary<string, IReadOnlyList<(string, string)>>();
        foreach (var q in queries)
        {
            var result = await search.SearchAsync(new SearchRequest(q.Query) { Top = 200 }, signals);
            rankings[q.Id] = result.Hits.Select(h => (seedOfReport[h.ReportId], h.Path)).ToList();
        }
        return Evaluate(method, queries, q => rankings[q.Id], log);
    }
}
