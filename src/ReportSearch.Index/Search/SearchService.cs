using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.AI;
using ReportSearch.Core;
using ReportSearch.Core.Analysis;
using ReportSearch.Index.Embeddings;
using ReportSearch.Index.Storage;

namespace ReportSearch.Index.Search;

/// <summary>
/// Hybrid search over problems and measures: BM25 over analysed words (with thesaurus equivalents weighted below the
/// literal words), BM25 over character bigrams, and exact vector similarity over problems, fused by weighted reciprocal
/// rank. A passage must match a share of the query's terms (or be a close vector neighbour); when nothing does, a looser
/// retry accepts any shared term. Filters apply before ranking; facets count every match, not only the page.
/// </summary>
public sealed class SearchService(IndexStore store, ITextAnalyzer analyzer, EmbeddingMaintenance? embeddings, RankingOptions? ranking = null)
{
    private readonly RankingOptions _options = ranking ?? new RankingOptions();
    private readonly Lock _catalogLock = new();
    private PassageCatalog? _catalog;

    /// <summary>Which signals take part; the relevance tests switch them to measure each alone.</summary>
    [Flags]
    public enum Signals { Words = 1, Bigrams = 2, Vectors = 4, All = Words | Bigrams | Vectors }

    public Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken cancel = default) =>
        SearchAsync(request, Signals.All, cancel);

    public async Task<SearchResult> SearchAsync(SearchRequest request, Signals signals, CancellationToken cancel = default)
    {
        var clock = Stopwatch.StartNew();
        var retrieval = await RetrieveAsync(request, signals, cancel);
        var (ranked, fused) = Rank(retrieval, request, _options);
        var texts = PassageTexts(ranked.Take(request.Top).Select(p => p.Id));
        // A report deleted since the catalog was loaded has no text left: its passages drop out of this page.
        var page = ranked.Take(request.Top).Where(p => texts.ContainsKey(p.Id)).ToList();
        var markTerms = MarkTerms(retrieval.Query);
        var hits = page.Select(p => new SearchHit(p.ReportId, p.Unit, p.City, p.Province, p.ProblemId, p.Kind, p.Path,
            texts[p.Id], SnippetMarker.Mark(texts[p.Id], markTerms), Math.Round(fused[p.Id], 4), p.Categories)
        {
            MeasureId = p.MeasureId,
            PublishedDate = p.PublishedDate,
        }).ToList();
        return new SearchResult(request.Query!.Trim(), ranked.Count,
            Math.Round(clock.Elapsed.TotalMilliseconds, 2), hits, Facets(ranked));
    }

    /// <summary>What each signal found for a query, before fusion: per passage its BM25 scores and coverage, and its similarity.</summary>
    internal sealed record Retrieval(PassageCatalog Catalog, AnalyzedQuery Query, Signals Signals,
        Dictionary<long, LexicalScore> Words, Dictionary<long, LexicalScore> Bigrams, Dictionary<long, double> Vectors, bool UsedVectors);

    internal async Task<Retrieval> RetrieveAsync(SearchRequest request, Signals signals, CancellationToken cancel)
    {
        var query = Validate(request);
        var analyzed = analyzer.AnalyzeQuery(query);
        if (analyzed.Words.Count == 0 && analyzed.Bigrams.Count == 0 && analyzed.Expansions.Count == 0)
            throw new InputRejectedException($"the query '{query}' has no searchable words (only stop words or symbols); type a content word such as 借调");

        var catalog = Catalog();
        Dictionary<long, LexicalScore> words = [], bigrams = [];
        using (var c = store.Connect())
        {
            if (signals.HasFlag(Signals.Words)) words = LexicalMatcher.Match(c, "fts_words", QueryTerms.ForWords(analyzed, analyzer), _options, catalog.Passages.Count);
            if (signals.HasFlag(Signals.Bigrams)) bigrams = LexicalMatcher.Match(c, "fts_bigrams", QueryTerms.ForBigrams(analyzed, analyzer), _options, catalog.Passages.Count);
        }
        var vectors = new Dictionary<long, double>();
        var useVectors = signals.HasFlag(Signals.Vectors) && catalog.Space is not null && catalog.Vectors.Count > 0;
        if (useVectors)
        {
            var text = string.Join(' ', analyzed.Expansions.Select(e => e.Term).Prepend(analyzed.Normalized));
            var embedding = await catalog.Space!.Generator.GenerateVectorAsync(text, cancellationToken: cancel);
            foreach (var (problemId, score) in catalog.Vectors.Nearest(embedding.Span, _options.VectorCandidates, (float)_options.LooseMinSimilarity))
                if (catalog.ProblemPassage.TryGetValue(problemId, out var id)) vectors[id] = score;
        }
        return new Retrieval(catalog, analyzed, signals, words, bigrams, vectors, useVectors);
    }

    /// <summary>
    /// Filters, the share-of-terms rule (with its looser retry when nothing passes) and the fusion: the matches best first.
    /// </summary>
    internal static (List<PassageEntry> Ranked, Dictionary<long, double> Fused) Rank(Retrieval r, SearchRequest request, RankingOptions options)
    {
        // FTS rows written after the catalog was loaded are not in it; the next search reloads it (the generation moved).
        var candidates = r.Words.Keys.Concat(r.Bigrams.Keys).Concat(r.Vectors.Keys).Distinct()
            .Select(id => r.Catalog.Passages.GetValueOrDefault(id)).OfType<PassageEntry>().Where(p => Accepts(request, p)).ToList();
        double Coverage(long id) => Math.Max(r.Words.GetValueOrDefault(id)?.Coverage ?? 0, r.Bigrams.GetValueOrDefault(id)?.Coverage ?? 0);
        var matches = candidates.Where(p => Coverage(p.Id) >= options.MinShouldMatch || r.Vectors.GetValueOrDefault(p.Id) >= options.MinSimilarity).ToList();
        if (matches.Count == 0) matches = candidates; // the looser retry: any shared term, or the lower similarity floor

        var fused = Fuse(matches.Select(p => p.Id).ToList(), r, options);
        return (matches.OrderByDescending(p => fused[p.Id]).ThenBy(p => p.Id).ToList(), fused);
    }

    /// <summary>
    /// Weighted reciprocal rank fusion, scaled to 0..1 by the best score possible (first in every signal that took part),
    /// so a hit ranked first by words, bigrams and vectors scores 1.
    /// </summary>
    private static Dictionary<long, double> Fuse(IReadOnlyList<long> ids, Retrieval r, RankingOptions options)
    {
        var k = options.RrfK;
        var fused = ids.ToDictionary(id => id, _ => 0.0);
        var best = 0.0;
        void Add(IEnumerable<(long Id, double Score)> scored, double weight)
        {
            best += weight / (k + 1);
            var rank = 0;
            foreach (var (id, _) in scored.Where(s => fused.ContainsKey(s.Id)).OrderByDescending(s => s.Score).ThenBy(s => s.Id))
                fused[id] += weight / (k + ++rank);
        }
        if (r.Signals.HasFlag(Signals.Words)) Add(r.Words.Select(kv => (kv.Key, kv.Value.Score)), options.WordsWeight);
        if (r.Signals.HasFlag(Signals.Bigrams)) Add(r.Bigrams.Select(kv => (kv.Key, kv.Value.Score)), options.BigramsWeight);
        if (r.UsedVectors) Add(r.Vectors.Select(kv => (kv.Key, kv.Value)), options.VectorWeight);
        return best == 0 ? fused : fused.ToDictionary(kv => kv.Key, kv => kv.Value / best);
    }

    private static bool Accepts(SearchRequest r, PassageEntry p) =>
        (r.Unit is null || string.Equals(p.Unit, r.Unit, StringComparison.Ordinal))
        && (r.City is null || string.Equals(p.City, r.City, StringComparison.Ordinal))
        && (r.Province is null || string.Equals(p.Province, r.Province, StringComparison.Ordinal))
        && (r.Category is null || p.Categories.Contains(r.Category))
        && (r.Kind is null || p.Kind == r.Kind)
        && (r.From is null || (p.PublishedDate is { } d1 && string.CompareOrdinal(d1, Iso(r.From.Value)) >= 0))
        && (r.To is null || (p.PublishedDate is { } d2 && string.CompareOrdinal(d2, Iso(r.To.Value)) <= 0));

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static SearchFacets Facets(IReadOnlyList<PassageEntry> matches)
    {
        static IReadOnlyDictionary<string, int> Count(IEnumerable<string?> values) =>
            values.Where(v => !string.IsNullOrEmpty(v)).GroupBy(v => v!).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Count());
        return new SearchFacets(Count(matches.Select(m => m.Unit)), Count(matches.SelectMany(m => m.Categories)), Count(matches.Select(m => m.Province)));
    }

    private static IReadOnlyList<string> MarkTerms(AnalyzedQuery q)
    {
        var words = q.Words.Concat(q.Expansions.Select(e => e.Term)).ToList();
        // Single characters would mark half the text; they count only when the query is nothing else.
        var longer = words.Where(w => w.Length > 1).ToList();
        return (longer.Count > 0 ? longer : words).Concat(q.Bigrams).ToList();
    }

    private string Validate(SearchRequest request)
    {
        var query = request.Query?.Trim() ?? "";
        if (query.Length == 0)
            throw new InputRejectedException("the query is empty; type a few words, for example 借调干部");
        if (query.Length > _options.MaxQueryLength)
            throw new InputRejectedException($"the query is {query.Length} characters long; shorten it to at most {_options.MaxQueryLength}");
        if (!query.Any(char.IsLetterOrDigit))
            throw new InputRejectedException($"the query '{query}' is only punctuation; type words, for example 借调干部");
        if (request.Top is < 1 or > 1000)
            throw new InputRejectedException($"top must be from 1 to 1000, not {request.Top}");
        if (request.Kind is not (null or "problem" or "measure"))
            throw new InputRejectedException($"kind must be problem or measure, not '{request.Kind}'");
        if (request.From is { } from && request.To is { } to && from > to)
            throw new InputRejectedException($"the date range is empty: from {Iso(from)} is after to {Iso(to)}; swap them");
        return query;
    }

    private PassageCatalog Catalog()
    {
        var generation = store.Generation();
        lock (_catalogLock)
        {
            if (_catalog is null || _catalog.Generation != generation) _catalog = PassageCatalog.Load(store, embeddings);
            return _catalog;
        }
    }

    private Dictionary<long, string> PassageTexts(IEnumerable<long> ids)
    {
        using var c = store.Connect();
        return IndexStore.Query(c, IndexSql.SelectPassageTexts, r => (r.GetInt64(0), r.GetString(1)),
                ("$rowids", "[" + string.Join(',', ids) + "]"))
            .ToDictionary(x => x.Item1, x => x.Item2);
    }
}
