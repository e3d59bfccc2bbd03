namespace ReportSearch.Index.Search;

public enum SearchDirectoryKind { NIO, MMap, Simple }

/// <summary>How the Lucene index is kept on disk (configuration section <c>ReportSearch:SearchIndex</c>).</summary>
public sealed class SearchIndexOptions
{
    /// <summary>
    /// NIOFSDirectory by default: MMapDirectory is reported much slower under parallel search on .NET (apache/lucenenet#1151);
    /// `reportsearch bench` measures both.
    /// </summary>
    public SearchDirectoryKind Directory { get; set; } = SearchDirectoryKind.NIO;
}
