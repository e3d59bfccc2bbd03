using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using static ReportSearch.Index.Search.SearchDocument;

namespace ReportSearch.Index.Search;

/// <summary>One document the query reached, with what ranking and labelling need.</summary>
internal readonly record struct Candidate(int Doc, float Score, float Similarity, int Date, int Covered, bool Above);

/// <summary>
/// One pass over every document the query reaches. For each it reads the filters' doc values, counts how many query groups
/// the document covers (from per-group bit sets made per segment), decides whether it clears the relevance floor, keeps the
/// candidates that pass every filter, and counts facets: a field's counts skip that field's own filter, so a multi-select
/// list keeps showing the values one could add. Nothing is materialised per term; memory is one small record per match.
/// </summary>
internal sealed class MatchCollector(
    SearchRequest request, QueryPlan plan, IReadOnlyDictionary<int, float> vectors, int floorGroups,
    float minSimilarity, float looseSimilarity) : ICollector
{
    private readonly (string Field, BytesRef[] Values)[] _filters = Filters(request);
    private readonly Dictionary<string, int>[] _facetCounts = Names.Facets.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
    private readonly int _from = request.From is { } f ? f.Year * 10000 + f.Month * 100 + f.Day : int.MinValue;
    private readonly int _to = request.To is { } t ? t.Year * 10000 + t.Month * 100 + t.Day : int.MaxValue;
    private readonly bool _lexical = plan.Groups.Count > 0;

    private Scorer? _scorer;
    private int _docBase;
    private NumericDocValues? _dates;
    private SortedSetDocValues?[] _facetValues = [];
    private long[][] _segmentCounts = [];
    private HashSet<long>[] _accepted = [];
    private FixedBitSet?[][] _termSets = []; // [group][term] for this segment

    public List<Candidate> Candidates { get; } = [];
    public int Folded { get; private set; }
    /// <summary>Per segment (by doc base), the bit sets of every query term: which hits hold which words.</summary>
    public Dictionary<int, FixedBitSet?[][]> TermSets { get; } = [];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushFacets();
        var reader = context.AtomicReader;
        _docBase = context.DocBase;
        _dates = reader.GetNumericDocValues(Names.DateNumber);
        _facetValues = Names.Facets.Select(reader.GetSortedSetDocValues).ToArray();
        _segmentCounts = _facetValues.Select(v => new long[v?.ValueCount ?? 0]).ToArray();
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

        var date = (int)(_dates?.Get(doc) ?? 0);
        var failed = 0; // bit i: filter i rejects the document; the last bit: the date range
        for (var i = 0; i < _filters.Length; i++)
            if (!Holds(_filters[i].Field, doc, _accepted[i])) failed |= 1 << i;
        if ((request.From is not null || request.To is not null) && (date == 0 || date < _from || date > _to)) failed |= 1 << 30;

        var above = !_lexical && !isNeighbour || covered >= floorGroups || isNeighbour && similarity >= minSimilarity;
        if (failed == 0)
        {
            Candidates.Add(new Candidate(_docBase + doc, _lexical ? _scorer!.GetScore() : 0, isNeighbour ? similarity : 0, date, covered, above));
            if (!above) Folded++;
        }
        if (above) CountFacets(doc, failed);
    }

    /// <summary>Counts the document under every facet field whose own filter is the only one (or none) that rejects it.</summary>
    private void CountFacets(int doc, int failed)
    {
        for (var f = 0; f < Names.Facets.Length; f++)
        {
            var own = Array.FindIndex(_filters, x => x.Field == Names.Facets[f]);
            var others = own < 0 ? failed : failed & ~(1 << own);
            if (others != 0 || _facetValues[f] is not { } values) continue;
            values.SetDocument(doc);
            for (var ord = values.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = values.NextOrd()) _segmentCounts[f][ord]++;
        }
    }

    private bool Holds(string field, int doc, HashSet<long> accepted)
    {
        var values = _facetValues[Array.IndexOf(Names.Facets, field)];
        if (values is null || accepted.Count == 0) return false;
        values.SetDocument(doc);
        for (var ord = values.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = values.NextOrd())
            if (accepted.Contains(ord)) return true;
        return false;
    }

    private void FlushFacets()
    {
        for (var f = 0; f < _segmentCounts.Length; f++)
        {
            var term = new BytesRef();
            for (var ord = 0; ord < _segmentCounts[f].Length; ord++)
            {
                if (_segmentCounts[f][ord] == 0) continue;
                _facetValues[f]!.LookupOrd(ord, term);
                var key = term.Utf8ToString();
                _facetCounts[f][key] = _facetCounts[f].GetValueOrDefault(key) + (int)_segmentCounts[f][ord];
            }
        }
        _segmentCounts = [];
    }

    public SearchFacets Facets()
    {
        FlushFacets();
        IReadOnlyDictionary<string, int> Ordered(int f) => _facetCounts[f]
            .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary(kv => kv.Key, kv => kv.Value);
        return new SearchFacets(Ordered(0), Ordered(1), Ordered(2), Ordered(3), Ordered(4), Ordered(5));
    }

    private static FixedBitSet? Bits(Query query, AtomicReaderContext context)
    {
        var set = new QueryWrapperFilter(query).GetDocIdSet(context, context.AtomicReader.LiveDocs);
        var it = set?.GetIterator();
        if (it is null) return null;
        var bits = new FixedBitSet(context.AtomicReader.MaxDoc);
        for (var d = it.NextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.NextDoc()) bits.Set(d);
        return bits;
    }

    private static (string Field, BytesRef[] Values)[] Filters(SearchRequest r) =>
        new[] { (Names.Unit, r.Units), (Names.City, r.Cities), (Names.Province, r.Provinces), (Names.Category, r.Categories), (Names.Kind, r.Kinds), (Names.Year, r.Years) }
            .Where(f => f.Item2.Count > 0).Select(f => (f.Item1, f.Item2.Select(v => new BytesRef(v)).ToArray())).ToArray();
}
