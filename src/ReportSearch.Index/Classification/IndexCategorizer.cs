using System.Security.Cryptography;
using System.Text;
using ReportSearch.Core;
using ReportSearch.Core.Classification;
using ReportSearch.Core.Model;
using ReportSearch.Core.Parsing;
using ReportSearch.Index.Storage;

namespace ReportSearch.Index.Classification;

/// <summary>
/// The category model of one index. It is trained from the labelled seeds plus the editors' corrections kept in the index,
/// saved there, and applied to every report as it is indexed. A correction overrides the model for its problem at once
/// (the store writes it over the predicted categories, and again whenever that statement is re-indexed) and joins the
/// training data at the next retraining, which happens before the next report is categorised.
/// </summary>
public sealed class IndexCategorizer(IndexStore store, ProblemFeatures features, ReportParser parser, ClassifierOptions options)
{
    public const string ModelName = "categories";

    private readonly Lock _gate = new();
    private (string Signature, CategoryClassifier Model)? _current;

    /// <summary>The current model: the one saved in the index when it was trained on today's labels and corrections, else a new one.</summary>
    public CategoryClassifier Model
    {
        get
        {
            var corrections = store.ListCategoryCorrections();
            var signature = Signature(corrections);
            lock (_gate)
            {
                if (_current is { } current && current.Signature == signature) return current.Model;
                var saved = store.LoadModel(ModelName);
                var model = saved is not null && saved.Info == signature
                    ? CategoryClassifier.FromBytes(saved.Bytes)
                    : Train(corrections, signature);
                _current = (signature, model);
                return model;
            }
        }
    }

    /// <summary>Sets every problem's categories: the step between parsing and indexing.</summary>
    public RectificationReport Apply(RectificationReport report) => new ProblemCategorizer(Model, features).Apply(report);

    /// <summary>An editor's categories for a problem (primary first): checked against the taxonomy, stored, in effect at once.</summary>
    public Storage.CategoryCorrection Correct(string problemId, IReadOnlyList<string>? categories)
    {
        if (categories is null || categories.Count == 0)
            throw new InputRejectedException("give at least one category id, primary first, e.g. {\"categories\":[\"cadre_management\"]}; GET /api/categories lists them");
        var unknown = categories.FirstOrDefault(c => !Taxonomy.Default.Contains(c));
        if (unknown is not null)
            throw new InputRejectedException($"'{unknown}' is not a category id; GET /api/categories lists the ids");
        return store.SaveCategoryCorrection(problemId, categories.Distinct(StringComparer.Ordinal).ToList());
    }

    private CategoryClassifier Train(IReadOnlyList<Storage.CategoryCorrection> stored, string signature)
    {
        var labelled = LabelledExamples.LabelledReports(parser, LabelledSet.Seeds);
        // A correction teaches the model only while its problem is still indexed: its text is what the model learns from.
        var corrections = stored
            .GroupBy(c => c.ProblemId).Select(g => g.Last())
            .Select(c => (Correction: c, Problem: store.FindProblem(c.ProblemId)))
            .Where(x => x.Problem is not null)
            .Select(x => new Core.Classification.CategoryCorrection(x.Problem!, x.Correction.Categories))
            .ToList();
        var model = new CategoryTrainer(features, options).Train(labelled, LabelledSet.Seeds, corrections);
        store.SaveModel(ModelName, model.ToBytes(), signature);
        return model;
    }

    /// <summary>What a model was trained on: the labelled set's content and the corrections made so far.</summary>
    private static string Signature(IReadOnlyList<Storage.CategoryCorrection> corrections)
    {
        var text = new StringBuilder("labels:").Append(LabelsHash.Value).Append(";corrections:").Append(corrections.Count);
        if (corrections.Count > 0) text.Append(';').Append(corrections[^1].CorrectedAt.Ticks);
        return text.ToString();
    }

    private static readonly Lazy<string> LabelsHash = new(() =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n',
            LabelledSet.Seeds.Labels.Select(l => $"{l.Report}\t{l.Path}\t{string.Join(';', l.Categories)}")))))[..16]);
}
