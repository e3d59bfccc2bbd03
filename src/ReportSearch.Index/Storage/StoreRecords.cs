using ReportSearch.Core.Model;

namespace ReportSearch.Index.Storage;

/// <summary>One indexed report without its problems: what `reports --json` and GET /api/reports list.</summary>
public sealed record ReportSummary(
    string Id, string SourcePath, string? SourceName, string? Format, string? Title, InspectedUnit Unit, Inspection Inspection,
    DateOnly? PublishedDate, string? Issuer, IReadOnlyList<string> Warnings, DateTime IndexedAt, int ProblemCount, int MeasureCount);

/// <summary>Row counts of every table: what the integrity tests compare before and after.</summary>
public sealed record IndexCounts(long Reports, long Problems, long Measures, long Sections, long Embeddings, long ProblemCategories);

/// <summary>One entry of the change log: report <paramref name="ReportId"/> was written, replaced or removed.</summary>
public sealed record ReportChange(long Seq, string ReportId);

public sealed record SavedModel(string Name, byte[] Bytes, string? Info, DateTime TrainedAt);

public sealed record CategoryCorrection(string ProblemId, string StatementHash, IReadOnlyList<string> Categories, DateTime CorrectedAt);

/// <summary>The text a problem is embedded from: its headings, its statement and its measures.</summary>
public sealed record EmbeddingSource(string ProblemId, IReadOnlyList<string> Headings, string Statement, string Measures)
{
    public string Text => string.Join(' ', Headings.Append(Statement).Append(Measures));
}

/// <summary>
/// Where a search hit's text is kept: a problem's statement or a measure's text by <paramref name="Id"/>, or a section by
/// its report's id and <paramref name="Ordinal"/>.
/// </summary>
public sealed record TextKey(string Kind, string Id, int Ordinal = 0);
