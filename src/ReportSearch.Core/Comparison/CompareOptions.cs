namespace ReportSearch.Core.Comparison;

/// <summary>Settings of comparisons, bound from "ReportSearch:Compare"; the defaults are the values measured on the seeds.</summary>
public sealed class CompareOptions
{
    public const string Section = "ReportSearch:Compare";

    /// <summary>Matches shown per report when the caller does not say.</summary>
    public int DefaultPerReport { get; set; } = 3;

    public int MaxPerReport { get; set; } = 20;

    /// <summary>A match below this search score is noise, however few matches a report has.</summary>
    public double MinScore { get; set; } = 0.0;

    /// <summary>A match must reach this fraction of the best match's score over all reports, so a report with nothing relevant shows nothing.</summary>
    public double RelativeFloor { get; set; } = 0.5;

    /// <summary>How many search hits the comparison looks at before grouping them by report.</summary>
    public int CandidateHits { get; set; } = 200;
}
