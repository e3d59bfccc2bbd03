namespace ReportSearch.Core.Classification;

/// <summary>The classifier's settings; the defaults are what `classify --eval` measured best on the seeds.</summary>
public sealed record ClassifierOptions
{
    /// <summary>How many pseudo-tokens one problem counts for: its features are fractions, the smoothing is per token.</summary>
    public double ExampleLength { get; init; } = 100;
    /// <summary>Additive smoothing of the pooled (background) distribution, per feature.</summary>
    public double Smoothing { get; init; } = 0.01;
    /// <summary>Pseudo-tokens of the pooled distribution mixed into each category's (Dirichlet smoothing).</summary>
    public double BackgroundWeight { get; init; } = 1000;
    /// <summary>How many labelled problems a category's description and terms count for; 0 turns the prior off.</summary>
    public double PriorWeight { get; init; } = 1.0;
    /// <summary>How much a problem teaches its secondary categories, relative to its primary one.</summary>
    public double SecondaryWeight { get; init; } = 0.5;
    /// <summary>
    /// Pseudo-tokens a problem is scored as. Naive Bayes posteriors of long texts are near 0 or 1; a short effective length
    /// keeps them graded so that a threshold can pick out second categories.
    /// </summary>
    public double ScoringLength { get; init; } = 10;
    /// <summary>Probability a non-primary category needs when there are too few examples to calibrate the threshold.</summary>
    public double DefaultThreshold { get; init; } = 0.25;
    /// <summary>Folds of the internal cross-validation that calibrates the threshold.</summary>
    public int CalibrationFolds { get; init; } = 5;
}
