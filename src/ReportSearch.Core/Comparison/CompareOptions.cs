namespace ReportSearch.Core.Comparison;

/// <summary>Settings of comparisons, bound from "ReportSearch:Compare"; the defaults are the values measured on the seeds.</summary>
public sealed class CompareOptions
{
    public const string Section = "ReportSearch:Compare";

    /// <summary>Matches shown per report when the caller does not say.</summary>
    public int DefaultPerReport { get; set; } = 3;

    public int MaxPerReport { get; set; } = 20;

    // The floors were measured on the seeds against the judged relevance set (tests/ReportSearch.Index.Tests/Relevance,
    // 82 queries, best 3 per report; CompareFloorTests prints the figures). Search scores are fused ranks scaled to 0..1
    // and crowd near the top, so score floors alone leave a district with nothing relevant showing its next-best problem:
    // with the score floors only, precision 0.47, recall 0.87, and 29 of 52 districts with nothing relevant showed
    // something; with the term floor as well, 0.59, 0.85 and 19 of 52 (keyword queries 0.81, 0.96, 3 of 16).

    /// <summary>A match below this search score is noise however few matches there are: the loose retry's leftovers (0.28–0.33 on the seeds); a match in words and bigrams alone scores 0.67.</summary>
    public double MinScore { get; set; } = 0.4;

    /// <summary>A match must reach this fraction of the best match's score over all reports, so a report with nothing relevant shows nothing.</summary>
    public double RelativeFloor { get; set; } = 0.8;

    /// <summary>When some problem holds at least this share of the query's terms, the query is in the reports' own words…</summary>
    public double TermGate { get; set; } = 0.5;

    /// <summary>…and then a match must hold at least this share. Paraphrases (no problem reaches the gate) rely on the score floors.</summary>
    public double MinTermCoverage { get; set; } = 0.4;

    /// <summary>How many search hits the comparison looks at before grouping them by report.</summary>
    public int CandidateHits { get; set; } = 200;
}
