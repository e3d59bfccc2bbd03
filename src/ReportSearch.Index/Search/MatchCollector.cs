using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using static ReportSearch.Index.Search.SearchDocument;

namespace ReportSearch.Index.Search;

/// <summary>One document the query reached, with what ranking and labelling need.</summary>
internal readonly record struct Candidate(int Doc, float Score, float Similarity, int Date, int Covered, bool Above);

/// <summary>A document the query reached that passes every filter but at most one (it may count in that filter's facet).</summary>
internal readonly record struct Reached(int Segment, int Doc, int DocBase, int Failed, float Score, float Similarity, int Date, int Covered);

/// <summary>
/// One pass over every document the query reaches: it reads the filters' doc values, counts how many query groups the
/// document covers (from per-group bit sets made per segment) and keeps a small record of each document that fails at most
/// one filter. Then <see cref="Finish"/> sets the relevance floor, which needs the best score of all, and counts facets
/// over the matches above it: a field's counts skip that field's own filter, so a multi-select list keeps showing the
/// values one could add. Nothing is materialised per term; memory is one small record per match.
/// </summary>
internal sealed class MatchCollector(
    SearchRequest request, QueryPlan plan, IReadOnlyDictionary<int, float> vectors, int floorGroups,
    double floorScoreRatio, float minSimilarity, float looseSimilarity) : ICollector
{
    private readonly (string Field, int Facet, BytesRef[] Values)[] _filters = Filters(request);
    private readonly int _from = request.From is { } f ? f.Year * 10000 + f.Month * 100 + f.Day : int.MinValue;
    private readonly int _to = request.To is { } t ? t.Year * 10000 + t.Month * 100 + t.Day : int.MaxValue;
    private readonly bool _lexical = plan.Groups.Count > 0;

    private Scorer? _scorer;
    private float _best;
    private int _docBase;
    private NumericDocValues? _dates;
    private SortedSetDocValues?[] _facetValues = [];
    private readonly List<SortedSetDocValues?[]> _segmentFacetValues = [];
    private readonly List<Reached> _reached = [];
    private HashSet<long>[] _accepted = [];
    private FixedBitSet?[][] _termSets = []; // [group][term] for this segment

    public List<Candidate> Candidates { get; } = [];
    public int Folded { get; private set; }
    public SearchFacets Facets { get; private set; } = null!;
    /// <summary>Per segment (by doc base), the bit sets of every query term: which hits hold which words.</summary>
    public Dictionary<int, FixedBitSet?[][]> TermSets { get; } = [];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        var reader = context.AtomicReader;
        _docBase = context.DocBase;
        _dates = reader.GetNumericDocValues(Names.DateNumber);
        _facetValues = Names.Facets.Select(reader.GetSortedSetDocValues).ToArray();
        _segmentFacetValues.Add(_facetValues);
        _accepted = _filters.Select(filter =>
        {
            var values = reader.GetSortedSetDocValues(filter.Field);
            return values is null ? [] : filter.Values.Select(values.LookupTerm).Where(o => o >= 0).ToHashSet();
        }).ToArray();
        _termSets = plan.Groups.Select(g => g.Terms.Select(t => Bits(t.Match, context)).ToArray()).ToArray();
        TermSets[_docBase] = _termSets;
    }

    public void Collect(int doc)
    {
        var covered = 0;
        foreach (var group in _termSets)
            foreach (var set in group)
                if (set is not null && set.Get(doc)) { covered++; break; }
        var similarity = vectors.GetValueOrDefault(_docBase + doc, float.NaN);
        var isNeighbour = !float.IsNaN(similarity);
        if (_lexical && covered == 0 && !(isNeighbour && similarity >= looseSimilarity)) return;

        var score = _lexical ? _scorer!.GetScore() : 0;
        _best = Math.Max(_best, score); // over every match, filtered or not: the floor is the query's, the same under any filter
        var date = (int)(_dates?.Get(doc) ?? 0);
        var failed = 0; // bit i: filter i rejects the document; the last bit: the date range
        for (var i = 0; i < _filters.Length; i++)
            if (!Holds(_filters[i].Facet, doc, _accepted[i])) failed |= 1 << i;
        if ((request.From is not null || request.To is not null) && (date == 0 || date < _from || date > _to)) failed |= 1 << 30;
        if (int.PopCount(failed) > 1) return;
        _reached.Add(new Reached(_segmentFacetValues.Count - 1, doc, _docBase, failed, score,
            isNeighbour ? similarity : float.NaN, date, covered));
    }

    /// <summary>
    /// The relevance floor: a match clears it when it holds the floor's share of the query's groups and scores at least
    /// <c>floorScoreRatio</c> of the best BM25 score (a match on one common word beside matches on all of them falls
    /// below), or when it is a close vector neighbour. A listing by filters alone has no floor.
    /// </summary>
    public void Finish()
    {
        // Ordinals are counted per segment and turned into values once at the end, not once per document.
        // Which filter (or none) each facet field has, looked up once rather than per document.
        var ownFilter = Names.Facets.Select(f => Array.FindIndex(_filters, x => x.Field == f)).ToArray();
        var ordinals = _segmentFacetValues.Select(values => values.Select(v => new int[v?.ValueCount ?? 0]).ToArray()).ToArray();
        foreach (var r in _reached)
        {
            var neighbour = !float.IsNaN(r.Similarity);
            var above = !_lexical && !neighbour
                        || r.Covered >= floorGroups && r.Score >= floorScoreRatio * _best
                        || neighbour && r.Similarity >= minSimilarity;
            if (r.Failed == 0)
            {
                Candidates.Add(new Candidate(r.DocBase + r.Doc, r.Score, neighbour ? r.Similarity : 0, r.Date, r.Covered, above));
                if (!above) Folded++;
            }
            if (!above || !request.Facets) continue;
            for (var f = 0; f < Names.Facets.Length; f++)
            {
                var own = ownFilter[f];
                var others = own < 0 ? r.Failed : r.Failed & ~(1 << own);
                if (others != 0 || _segmentFacetValues[r.Segment][f] is not { } values) continue;
                values.SetDocument(r.Doc);
                for (var ord = values.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = values.NextOrd()) ordinals[r.Segment][f][ord]++;
            }
        }
        var counts = Names.Facets.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
        var term = new BytesRef();
        for (var segment = 0; segment < ordinals.Length; segment++)
            for (var f = 0; f < Names.Facets.Length; f++)
                for (var ord = 0; ord < ordinals[segment][f].Length; ord++)
                {
                    if (ordinals[segment][f][ord] == 0) continue;
                    _segmentFacetValues[segment][f]!.LookupOrd(ord, term);
                    var key = term.Utf8ToString();
                    counts[f][key] = counts[f].GetValueOrDefault(key) + ordinals[segment][f][ord];
                }
        IReadOnlyDictionary<string, int> Ordered(int f) => counts[f]
            .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary(kv => kv.Key, kv => kv.Value);
        Facets = new SearchFacets(Ordered(0), Ordered(1), Ordered(2), Ordered(3), Ordered(4), Ordered(5));
    }

    private bool Holds(int facet, int doc, HashSet<long> accepted)
    {
        var values = _facetValues[facet];
        if (values is null || accepted.Count == 0) return false;
        values.SetDocument(doc);
        for (var ord = values.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = values.NextOrd())
            if (accepted.Contains(ord)) return true;
        return false;
    }

    /// <summary>
    /// The documents of one query term in one segment. Its match is a disjunction of word and bigram clauses; their union is
    /// read clause by clause, a single term straight from its postings: iterating the disjunction would score every
    /// document on the way (Lucene's disjunction scorer sums its clauses' scores as it advances), and only ranking scores.
    /// </summary>
    private static FixedBitSet? Bits(Query query, AtomicReaderContext context)
    {
        FixedBitSet? bits = null;
        foreach (var clause in query is BooleanQuery b ? b.Clauses.Select(c => c.Query) : [query])
        {
            if (Documents(clause, context) is not { } documents) continue;
            bits ??= new FixedBitSet(context.AtomicReader.MaxDoc);
            bits.Or(documents);
        }
        return bits;
    }

    private static DocIdSetIterator? Documents(Query clause, AtomicReaderContext context)
    {
        var reader = context.AtomicReader;
        if (clause is not TermQuery single)
            return new QueryWrapperFilter(clause).GetDocIdSet(context, reader.LiveDocs)?.GetIterator();
        var terms = reader.GetTerms(single.Term.Field)?.GetEnumerator();
        return terms is not null && terms.SeekExact(single.Term.Bytes) ? terms.Docs(reader.LiveDocs, null, DocsFlags.NONE) : null;
    }

    private static (string Field, int Facet, BytesRef[] Values)[] Filters(SearchRequest r) =>
        new[] { (Names.Unit, r.Units), (Names.City, r.Cities), (Names.Province, r.Provinces), (Names.Category, r.Categories), (Names.Kind, r.Kinds), (Names.Year, r.Years) }
            .Where(f => f.Item2.Count > 0)
            .Select(f => (f.Item1, Array.IndexOf(Names.Facets, f.Item1), f.Item2.Select(v => new BytesRef(v)).ToArray())).ToArray();
}
