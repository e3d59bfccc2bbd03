using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace ReportSearch.Index.Search;

/// <summary>Accepts exactly the given top-level document ids (the vector neighbours found for one search).</summary>
internal sealed class DocIdsFilter(IReadOnlyList<int> docs) : Filter
{
    public override DocIdSet GetDocIdSet(AtomicReaderContext context, IBits acceptDocs)
    {
        var bits = new FixedBitSet(context.AtomicReader.MaxDoc);
        foreach (var doc in docs)
        {
            var local = doc - context.DocBase;
            if (local >= 0 && local < bits.Length && (acceptDocs is null || acceptDocs.Get(local))) bits.Set(local);
        }
        return bits;
    }
}
