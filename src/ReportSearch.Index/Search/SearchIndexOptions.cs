namespace ReportSearch.Index.Search;

public enum SearchDirectoryKind { NIO, MMap, Simple }

/// <summary>How the Lucene index is kept on disk (configuration section <c>ReportSearch:SearchIndex</c>).</summary>
public sealed class SearchIndexOptions
{
    /// <summary>
    /// MMapDirectory is reported much slower than the others under parallel search on .NET (apache/lucenenet#1151), but
    /// here, measured by `reportsearch bench` (4 clients on the same index files, 1,000 reports), it was the fastest: p50
    /// 38 ms against NIOFSDirectory's 58 and SimpleFSDirectory's 46 (docs/performance.md). Measure again on your machine.
    /// </summary>
    public SearchDirectoryKind Directory { get; set; } = SearchDirectoryKind.MMap;

    /// <summary>
    /// Documents the writer buffers before it flushes a segment. Larger segments mean fewer merges of small ones; the
    /// buffer is held only while a writer is open (an index run), never while searching.
    /// </summary>
    public double RamBufferMB { get; set; } = 64;

    /// <summary>
    /// During an index run, store changes (reports written) between commits of the search index: what readers wait to see,
    /// and at most what a killed run leaves for the next open to replay.
    /// </summary>
    public int BulkCommitChanges { get; set; } = 1000;

    /// <summary>
    /// Segments an index run that wrote at least <see cref="BulkCommitChanges"/> changes (and a rebuild) leaves the search
    /// index in, merging at the end. At 10,000 reports the merge policy left 22; merging them to 4 took 10 s and search p50
    /// went from 82–90 to 63 ms and compare p50 from 100–107 to 82–87 ms, with the same hits (docs/performance.md); one
    /// segment was no faster than four. 0 leaves the segments to the merge policy.
    /// </summary>
    public int SegmentsAfterRun { get; set; } = 4;
}
