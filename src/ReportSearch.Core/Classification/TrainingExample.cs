namespace ReportSearch.Core.Classification;

/// <summary>
/// One thing the classifier learns from: a problem's features and its categories, primary first.
/// The labelled seeds and editors' corrections both arrive in this form.
/// </summary>
public sealed record TrainingExample(IReadOnlyDictionary<string, double> Features, IReadOnlyList<string> Categories);

/// <summary>A category the model proposes, with its posterior probability.</summary>
public sealed record CategoryScore(string Category, double Probability);
