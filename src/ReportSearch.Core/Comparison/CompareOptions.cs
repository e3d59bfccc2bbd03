namespace ReportSearch.Core.Comparison;

/// <summary>Settings of comparisons, bound from "ReportSearch:Compare"; the defaults are the values measured on the seeds.</summary>
public sealed class CompareOptions
{
    public const string Section = "ReportSearch:Compare";

    /// <summary>Matches shown per report when the caller does not say.</summary>
    public int DefaultPerReport { get; set; } = 3;

    public int MaxPerReport { get; set; } = 20;

    // Both floors were measured on the seeds with 22 queries whose relevant problems were marked by hand (18 with answers in
    // one or both reports, 4 off-topic): without floors the best 3 per report held 24 unrelated problems; with these, 6
    // (4 of them for the vague 高铁建设), and 30 of 31 relevant problems stayed. Search scores are fused ranks scaled to
    // 0..1, so they crowd near the top: a relative floor separates better than an absolute one.

    /// <summary>A match below this search score is noise however few matches there are: the loose retry's leftovers (0.28–0.33 on the seeds); a match in words and bigrams alone scores 0.67.</summary>
    public double MinScore { get; set; } = 0.4;

    /// <summary>A match must reach this fraction of the best match's score over all reports, so a report with nothing relevant shows nothing.</summary>
    public double RelativeFloor { get; set; } = 0.8;

    /// <summary>How many search hits the comparison looks at before grouping them by report.</summary>
    public int CandidateHits { get; set; } = 200;
}
