namespace ReportSearch.Core.Classification;

/// <summary>A trained category model: what the index applies to every problem and the evaluation compares across trainers.</summary>
public interface ICategoryModel
{
    /// <summary>Which trainer made it (naive-bayes, lbfgs, sdca): part of its training signature.</summary>
    string Trainer { get; }

    /// <summary>Every category, most probable first, with probabilities that sum to 1.</summary>
    IReadOnlyList<CategoryScore> Score(IReadOnlyDictionary<string, double> features);

    /// <summary>The categories to assign, primary first, picked from <see cref="Score"/> by the model's rule.</summary>
    IReadOnlyList<string> Select(IReadOnlyList<CategoryScore> ranked);

    byte[] ToBytes();
}

public static class CategoryModel
{
    public static IReadOnlyList<string> Predict(this ICategoryModel model, IReadOnlyDictionary<string, double> features) =>
        model.Select(model.Score(features));

    /// <summary>Reads a model saved by <see cref="ICategoryModel.ToBytes"/>, whichever trainer made it.</summary>
    public static ICategoryModel FromBytes(ReadOnlySpan<byte> bytes) =>
        LinearCategoryModel.IsLinear(bytes) ? LinearCategoryModel.FromBytes(bytes) : CategoryClassifier.FromBytes(bytes);
}
