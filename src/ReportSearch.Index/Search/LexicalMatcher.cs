using Microsoft.Data.Sqlite;
using ReportSearch.Index.Storage;

namespace ReportSearch.Index.Search;

/// <summary>How well one passage matched one FTS table: the summed weighted bm25 and the share of query groups it covers.</summary>
public sealed record LexicalScore(double Score, double Coverage);

/// <summary>
/// BM25 over one FTS table, one term at a time: FTS5's bm25 of an OR query is the sum of its phrases' scores, so summing
/// per-term scores gives the same ranking while letting each term carry its own weight (thesaurus equivalents below 1)
/// and telling how many of the query's words each passage matched.
/// </summary>
internal static class LexicalMatcher
{
    public static Dictionary<long, LexicalScore> Match(SqliteConnection c, string table, QueryTerms query, RankingOptions options)
    {
        var scores = new Dictionary<long, (double Score, HashSet<string> Groups)>();
        using var cmd = IndexStore.Command(c, null, IndexSql.MatchTerm(table),
            ("$heading", options.HeadingWeight), ("$statement", options.StatementWeight), ("$body", options.BodyWeight));
        var match = cmd.Parameters.Add("$match", SqliteType.Text);
        foreach (var term in query.Terms)
        {
            match.Value = term.Match;
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var id = r.GetInt64(0);
                if (!scores.TryGetValue(id, out var s)) scores[id] = s = (0, new HashSet<string>(StringComparer.Ordinal));
                s.Groups.Add(term.Group);
                scores[id] = (s.Score + term.Weight * r.GetDouble(1), s.Groups);
            }
        }
        return scores.ToDictionary(kv => kv.Key,
            kv => new LexicalScore(kv.Value.Score, query.Groups == 0 ? 0 : (double)kv.Value.Groups.Count / query.Groups));
    }
}
