namespace ReportSearch.Index.Indexing;

/// <summary>How far an index run has come, reported as files finish: what a progress bar or line shows.</summary>
public sealed record IndexProgress(int Done, int Total, long BytesDone, long BytesTotal, TimeSpan Elapsed);
