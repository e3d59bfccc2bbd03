namespace ReportSearch.Core.Comparison;

/// <summary>How well one problem matches what is being compared: the search score of the problem or its best measure.</summary>
public sealed record ProblemScore(string ReportId, string ProblemId, double Score);
