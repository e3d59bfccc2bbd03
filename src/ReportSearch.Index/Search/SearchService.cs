using System.Diagnostics;
using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Microsoft.Extensions.AI;
using ReportSearch.Core;
using ReportSearch.Core.Analysis;
using ReportSearch.Index.Embeddings;
using ReportSearch.Index.Storage;
using static ReportSearch.Index.Search.SearchDocument;

namespace ReportSearch.Index.Search;

/// <summary>
/// Hybrid search over problems and measures: one Lucene query (BM25 over analysed words and character bigrams, per-part
/// boosts, thesaurus equivalents at their lower weight) fused by weighted reciprocal rank with exact vector similarity over
/// problems. A document matches when it holds one of the query's words (or a thesaurus equivalent) or is a vector
/// neighbour; one holding too small a share of them (or only a loose neighbour) falls below the relevance floor and is
/// counted as folded, shown on request or when nothing clears the floor. Filters and facets read doc values in the same pass.
/// </summary>
public sealed class SearchService(IndexStore store, SearchIndex index, ITextAnalyzer analyzer, EmbeddingMaintenance? embeddings, RankingOptions? ranking = null)
{
    private readonly RankingOptions _options = ranking ?? new RankingOptions();
    private readonly SnippetHighlighter _snippets = new(analyzer);
    private readonly Lock _vectorsLock = new();
    private (long Generation, EmbeddingSpace? Space, VectorIndex Vectors)? _vectors;

    /// <summary>Which signals take part; the relevance tests switch them to measure each alone.</summary>
    [Flags]
    public enum Signals { Words = 1, Bigrams = 2, Vectors = 4, All = Words | Bigrams | Vectors }

    public Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken cancel = default) =>
        SearchAsync(request, Signals.All, cancel);

    public async Task<SearchResult> SearchAsync(SearchRequest request, Signals signals, CancellationToken cancel = default)
    {
        var clock = Stopwatch.StartNew();
        var text = Validate(request);
        var analysed = text.Length == 0 ? null : analyzer.AnalyzeQuery(text);
        if (analysed is not null && analysed.Words.Count == 0 && analysed.Bigrams.Count == 0 && analysed.Expansions.Count == 0)
            throw new InputRejectedException($"the query '{text}' has no searchable words (only stop words or symbols); type a content word such as 借调");
        var neighbours = analysed is not null && signals.HasFlag(Signals.Vectors) ? await NeighboursAsync(analysed, cancel) : [];
        var searcher = index.Acquire();
        if (searcher is null) return new SearchResult(text, 0, Elapsed(clock), [], Empty);
        try
        {
            var plan = analysed is null ? null : QueryPlan.Build(analysed, analyzer, signals, _options);
            var vectors = DocumentsOf(searcher, neighbours);
            var groups = plan?.Groups.Count ?? 0;
            var collector = new MatchCollector(request, plan ?? QueryPlan.None, vectors,
                floorGroups: Math.Max(1, (int)Math.Ceiling(_options.FloorShare * groups - 1e-9)),
                _options.FloorScoreRatio, (float)_options.MinSimilarity, (float)_options.LooseMinSimilarity);
            searcher.Search(TopQuery(plan, vectors.Keys, analysed is null), collector);
            collector.Finish();

            var total = collector.Candidates.Count - collector.Folded;
            // When nothing clears the floor, the matches below it are shown, marked: the looser retry RAGFlow makes.
            // Otherwise they are only counted: ranking them (a long sentence reaches most of the corpus) is work for nothing.
            var withLow = request.IncludeLow || total == 0;
            var shown = new FusedRanking(_options).Page(withLow ? collector.Candidates : collector.Candidates.Where(c => c.Above).ToList(),
                request.Sort, request.Offset, request.Top);
            var hits = Hits(searcher, shown, plan, collector, request.Snippets);
            return new SearchResult(text, total, Elapsed(clock), hits, collector.Facets) { Folded = collector.Folded };
        }
        finally
        {
            index.Release(searcher);
        }
    }

    /// <summary>
    /// The engine's own share of a search, for `reportsearch bench`: the Lucene query a search runs (words and bigrams, their
    /// boosts and equivalents) with its matches only counted. No relevance floor, term sets, filters, facets, fusion, vectors
    /// or hits: what any search over this index must at least spend before the product does its part.
    /// </summary>
    public int CountLexicalMatches(string query)
    {
        var plan = QueryPlan.Build(analyzer.AnalyzeQuery(Validate(new SearchRequest(query))), analyzer, Signals.Words | Signals.Bigrams, _options);
        if (plan.Scoring is not { } scoring || index.Acquire() is not { } searcher) return 0;
        try
        {
            var counter = new TotalHitCountCollector();
            searcher.Search(scoring, counter);
            return counter.TotalHits;
        }
        finally
        {
            index.Release(searcher);
        }
    }

    private static readonly SearchFacets Empty = new(Dict(), Dict(), Dict(), Dict(), Dict(), Dict());
    private static Dictionary<string, int> Dict() => new(StringComparer.Ordinal);

    private static Query TopQuery(QueryPlan? plan, IEnumerable<int> vectorDocs, bool listing)
    {
        if (listing) return new MatchAllDocsQuery();
        var top = new BooleanQuery(disableCoord: true);
        if (plan?.Scoring is { } scoring) top.Add(scoring, Occur.SHOULD);
        // Vector neighbours join the pass with no score of their own: their rank comes from similarity in the fusion.
        var ids = vectorDocs.ToList();
        if (ids.Count > 0) top.Add(new ConstantScoreQuery(new DocIdsFilter(ids)) { Boost = 0 }, Occur.SHOULD);
        return top;
    }

    /// <summary>
    /// The hits of a page: what they show from the index's stored fields, their texts from the record store in one read.
    /// A hit whose row is gone (its report removed or replaced after this searcher opened) is left out: its documents are
    /// on their way out of the index.
    /// </summary>
    private List<SearchHit> Hits(IndexSearcher searcher, List<(Candidate Candidate, double Score)> shown, QueryPlan? plan,
        MatchCollector collector, bool snippets)
    {
        var docs = shown.Select(s => (s.Candidate, s.Score, Doc: searcher.Doc(s.Candidate.Doc))).ToList();
        var keys = docs.Select(d => TextKeyOf(d.Doc)).ToList();
        var texts = store.ShownTexts(keys);
        return docs.Select((d, i) => texts.TryGetValue(keys[i], out var text)
                ? Hit(searcher, d.Doc, text, d.Candidate, d.Score, plan, collector, snippets)
                : null)
            .OfType<SearchHit>().ToList();
    }

    private static TextKey TextKeyOf(Document doc) => doc.Get(Names.Kind) switch
    {
        "problem" => new TextKey("problem", doc.Get(Names.Problem)),
        "measure" => new TextKey("measure", doc.Get(Names.Measure)),
        _ => new TextKey("section", doc.Get(Names.Report), doc.GetField(Names.Section).GetInt32Value()!.Value),
    };

    private SearchHit Hit(IndexSearcher searcher, Document doc, string text, Candidate c, double score, QueryPlan? plan,
        MatchCollector collector, bool snippets)
    {
        var matched = plan is null ? [] : MatchedTerms(plan, collector, searcher.IndexReader, c.Doc);
        return new SearchHit(doc.Get(Names.Report), doc.Get(Names.Unit), doc.Get(Names.City), doc.Get(Names.Province),
            doc.Get(Names.Problem), doc.Get(Names.Kind), doc.Get(Names.Path), text,
            _snippets.Mark(text, snippets ? matched : []), Math.Round(score, 4), doc.GetValues(Names.Category))
        {
            MeasureId = doc.Get(Names.Measure),
            PublishedDate = doc.Get(Names.PublishedDate),
            MatchedTerms = matched,
            MatchedBy = (matched.Count > 0, c.Similarity > 0) switch { (true, true) => "both", (false, true) => "vector", _ => "terms" },
            LowRelevance = !c.Above,
        };
    }

    private static IReadOnlyList<string> MatchedTerms(QueryPlan plan, MatchCollector collector, IndexReader reader, int doc)
    {
        var leaf = reader.Leaves[ReaderUtil.SubIndex(doc, reader.Leaves)];
        var sets = collector.TermSets[leaf.DocBase];
        var matched = new List<string>();
        for (var g = 0; g < plan.Groups.Count; g++)
            for (var t = 0; t < plan.Groups[g].Terms.Count; t++)
                if (sets[g][t] is { } bits && bits.Get(doc - leaf.DocBase)) matched.Add(plan.Groups[g].Terms[t].Text);
        return matched;
    }

    /// <summary>The problems nearest to the query in the embedding space, at or above the loose similarity floor.</summary>
    private async Task<IReadOnlyList<(string ProblemId, float Similarity)>> NeighboursAsync(AnalyzedQuery query, CancellationToken cancel)
    {
        var (space, vectors) = Vectors();
        if (space is null || vectors.Count == 0) return [];
        var text = string.Join(' ', query.Expansions.Select(e => e.Term).Prepend(query.Normalized));
        var embedding = await space.Generator.GenerateVectorAsync(text, cancellationToken: cancel);
        return vectors.Nearest(embedding.Span, _options.VectorCandidates, (float)_options.LooseMinSimilarity)
            .Select(n => (n.Item1, (float)n.Item2)).ToList();
    }

    /// <summary>The index's vectors, reloaded only when a write moved the store's generation.</summary>
    private (EmbeddingSpace? Space, VectorIndex Vectors) Vectors()
    {
        if (embeddings is null) return (null, VectorIndex.Empty);
        var generation = store.Generation();
        lock (_vectorsLock)
        {
            if (_vectors is not { } v || v.Generation != generation)
            {
                var space = embeddings.CurrentSpace();
                _vectors = v = (generation, space, space is null ? VectorIndex.Empty : embeddings.LoadVectors(space));
            }
            return (v.Space, v.Vectors);
        }
    }

    /// <summary>
    /// The Lucene documents of the vector neighbours: their ids looked up directly in each segment's terms, not one search
    /// per neighbour (a hundred searches, each building a weight and a collector, were 7% of a search at 1,000 reports).
    /// </summary>
    private static Dictionary<int, float> DocumentsOf(IndexSearcher searcher, IReadOnlyList<(string ProblemId, float Similarity)> neighbours)
    {
        var docs = new Dictionary<int, float>();
        if (neighbours.Count == 0) return docs;
        var ids = neighbours.Select(n => (Term: new BytesRef(n.ProblemId), n.Similarity)).ToList();
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            var terms = leaf.AtomicReader.GetTerms(Names.ProblemDocument)?.GetEnumerator();
            if (terms is null) continue;
            DocsEnum? postings = null;
            foreach (var (term, similarity) in ids)
            {
                if (!terms.SeekExact(term)) continue;
                postings = terms.Docs(leaf.AtomicReader.LiveDocs, postings, DocsFlags.NONE);
                if (postings.NextDoc() is var doc && doc != DocIdSetIterator.NO_MORE_DOCS) docs[leaf.DocBase + doc] = similarity;
            }
        }
        return docs;
    }

    private string Validate(SearchRequest request)
    {
        var query = request.Query?.Trim() ?? "";
        if (query.Length == 0 && !request.HasFilters)
            throw new InputRejectedException("the query is empty; type a few words, for example 借调干部, or pick a filter to list its reports");
        if (query.Length > _options.MaxQueryLength)
            throw new InputRejectedException($"the query is {query.Length} characters long; shorten it to at most {_options.MaxQueryLength}");
        if (query.Length > 0 && !query.Any(char.IsLetterOrDigit))
            throw new InputRejectedException($"the query '{query}' is only punctuation; type words, for example 借调干部");
        if (request.Top is < 1 or > 1000)
            throw new InputRejectedException($"top must be from 1 to 1000, not {request.Top}");
        if (request.Offset < 0)
            throw new InputRejectedException($"offset must be 0 or more, not {request.Offset}");
        if (request.Kinds.FirstOrDefault(k => k is not ("problem" or "measure" or "section")) is { } kind)
            throw new InputRejectedException($"kind must be problem, measure or section, not '{kind}'");
        if (request.From is { } from && request.To is { } to && from > to)
            throw new InputRejectedException($"the date range is empty: from {Iso(from)} is after to {Iso(to)}; swap them");
        return query;
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static double Elapsed(Stopwatch clock) => Math.Round(clock.Elapsed.TotalMilliseconds, 2);
}
