namespace ReportSearch.Core.Classification;

/// <summary>
/// The classifier's settings (appsettings "ReportSearch:Classifier"). The defaults are what `classify --eval` measured best
/// leave-one-source-out over the real labelled set and the seeds.
/// </summary>
public sealed record ClassifierOptions
{
    /// <summary>Which learner the index trains: the one with the best leave-one-source-out figures.</summary>
    public TrainerKind Trainer { get; init; } = TrainerKind.Lbfgs;
    /// <summary>How many labelled problems a category's description and terms count for; 0 turns the prior off.</summary>
    public double PriorWeight { get; init; } = 1.0;
    /// <summary>How much a problem teaches its secondary categories, relative to its primary one.</summary>
    public double SecondaryWeight { get; init; } = 0.5;

    // ---- maximum entropy (ML.NET) ----
    /// <summary>Features are hashed to 2^HashBits slots.</summary>
    public int HashBits { get; init; } = 15;
    public double L2Regularization { get; init; } = 0.003;
    public double L1Regularization { get; init; } = 0;
    public int SdcaIterations { get; init; } = 200;
    /// <summary>L-BFGS stops when the loss improves by less than this share, or after <see cref="LbfgsIterations"/>.</summary>
    public double LbfgsTolerance { get; init; } = 1e-4;
    public int LbfgsIterations { get; init; } = 1000;
    /// <summary>A second or third category needs this share of the first's probability…</summary>
    public double SecondRatio { get; init; } = 0.5;
    /// <summary>…and at least this probability.</summary>
    public double MinSecondProbability { get; init; } = 0.15;
    public int MaxCategories { get; init; } = 3;

    // ---- naive Bayes ----
    /// <summary>How many pseudo-tokens one problem counts for: its features are fractions, the smoothing is per token.</summary>
    public double ExampleLength { get; init; } = 100;
    /// <summary>Additive smoothing of the pooled (background) distribution, per feature.</summary>
    public double Smoothing { get; init; } = 0.01;
    /// <summary>Pseudo-tokens of the pooled distribution mixed into each category's (Dirichlet smoothing).</summary>
    public double BackgroundWeight { get; init; } = 1000;
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
