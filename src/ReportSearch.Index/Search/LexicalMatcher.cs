using System.Runtime.InteropServices;
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
    public static Dictionary<long, LexicalScore> Match(SqliteConnection c, string table, QueryTerms query, RankingOptions options, long passages)
    {
        var groups = query.Terms.Select(t => t.Group).Distinct().Select((g, i) => (g, i)).ToDictionary(x => x.g, x => x.i);
        var common = CommonTerms(c, table, query, options, passages);
        var counted = groups.Keys.Count(g => !common.Contains(g));
        var scores = new Dictionary<long, (double Score, ulong Groups)>();
        using var cmd = IndexStore.Command(c, null, IndexSql.MatchTerm(table),
            ("$heading", options.HeadingWeight), ("$statement", options.StatementWeight), ("$body", options.BodyWeight));
        var match = cmd.Parameters.Add("$match", SqliteType.Text);
        foreach (var term in query.Terms.Where(t => !common.Contains(t.Phrase)))
        {
            match.Value = term.Match;
            var bit = 1UL << Math.Min(groups[term.Group], 63);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                ref var s = ref CollectionsMarshal.GetValueRefOrAddDefault(scores, r.GetInt64(0), out _);
                s.Score += term.Weight * r.GetDouble(1);
                s.Groups |= bit;
            }
        }
        return scores.ToDictionary(kv => kv.Key,
            kv => new LexicalScore(kv.Value.Score, counted == 0 ? 0 : Math.Min(1.0, (double)ulong.PopCount(kv.Value.Groups) / counted)));
    }

    /// <summary>
    /// Literal single-token terms found in more than <see cref="RankingOptions.CommonTermShare"/> of the passages (整改, 问题 in this
    /// genre): their bm25 weight is near zero while scanning them is most of a query's cost, so they are left out, and out of
    /// the share-of-terms count. When every term is that common, none is left out.
    /// </summary>
    private static HashSet<string> CommonTerms(SqliteConnection c, string table, QueryTerms query, RankingOptions options, long passages)
    {
        var common = new HashSet<string>(StringComparer.Ordinal);
        if (passages < options.CommonTermMinPassages) return common;
        using var cmd = IndexStore.Command(c, null, IndexSql.DocumentFrequency(table));
        var term = cmd.Parameters.Add("$term", SqliteType.Text);
        foreach (var t in query.Terms.Where(t => t.Weight >= 1 && !t.Phrase.Contains(' ')))
        {
            term.Value = t.Phrase;
            if (cmd.ExecuteScalar() is long df && df > options.CommonTermShare * passages) common.Add(t.Phrase);
        }
        return common.Count == query.Terms.Count(t => t.Weight >= 1) ? [] : common;
    }
}
