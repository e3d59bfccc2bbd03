using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ReportSearch.Core;
using ReportSearch.Core.Classification;
using ReportSearch.Core.Model;
using ReportSearch.Core.Parsing;
using ReportSearch.Index.Storage;

namespace ReportSearch.Index.Classification;

/// <summary>A problem an editor should look at: the model's categories and scores for it, and how sure the model is of the first.</summary>
public sealed record ReviewItem(string ProblemId, string Statement, IReadOnlyList<string> Categories, IReadOnlyList<CategoryScore> Scores, double Certainty);

/// <summary>
/// The category model of one index. It is trained from the labelled seeds, the real labelled set and the editors' corrections
/// kept in the index, saved there with its training signature, and applied to every report as it is indexed. A correction
/// overrides the model for its problem at once (the store writes it over the predicted categories, and again whenever that
/// statement is re-indexed) and joins the training data at the next retraining, which happens before the next report is
/// categorised; an L-BFGS model retrains warm, from the one saved before the correction.
/// </summary>
public sealed class IndexCategorizer(IndexStore store, ProblemFeatures features, ReportParser parser, ClassifierOptions options)
{
    public const string ModelName = "categories";
    /// <summary>The ML.NET L-BFGS model the linear one was read from: what the next training starts from.</summary>
    public const string WarmStartName = "categories.warm-start";
    public const int MaxReview = 500;

    private readonly Lock _gate = new();
    private (string Signature, ICategoryModel Model)? _current;

    /// <summary>The current model: the one saved in the index when it was trained on today's labels and corrections, else a new one.</summary>
    public ICategoryModel Model
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
                    ? CategoryModel.FromBytes(saved.Bytes)
                    : Train(corrections, signature);
                _current = (signature, model);
                return model;
            }
        }
    }

    /// <summary>Sets every problem's categories and scores: the step between parsing and indexing.</summary>
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

    /// <summary>
    /// The indexed problems whose top category the model is least sure of, least sure first; problems an editor has already
    /// corrected are left out. Every problem is scored with the current model (microseconds each).
    /// </summary>
    public IReadOnlyList<ReviewItem> Review(int? top)
    {
        var count = top ?? 50;
        if (count is < 1 or > MaxReview)
            throw new InputRejectedException($"top must be between 1 and {MaxReview}, e.g. /api/review?top=50");
        var categorizer = new ProblemCategorizer(Model, features);
        var corrected = store.ListCategoryCorrections().Select(c => c.ProblemId).ToHashSet(StringComparer.Ordinal);
        return store.SampleProblemsForEmbedding(int.MaxValue, 1)
            .Where(p => !corrected.Contains(p.ProblemId))
            .Select(p =>
            {
                var problem = new Problem
                {
                    Id = p.ProblemId, Path = "", Statement = p.Statement, Headings = p.Headings,
                    Measures = p.Measures.Length == 0 ? [] : [new Measure { Id = p.ProblemId + "/m", Text = p.Measures }],
                };
                var ranked = categorizer.Score(problem);
                return new ReviewItem(p.ProblemId, p.Statement, categorizer.Model.Select(ranked), ranked.Take(3).ToList(), ranked[0].Probability);
            })
            .OrderBy(r => r.Certainty).ThenBy(r => r.ProblemId, StringComparer.Ordinal)
            .Take(count)
            .ToList();
    }

    private ICategoryModel Train(IReadOnlyList<Storage.CategoryCorrection> stored, string signature)
    {
        var labelled = LabelledExamples.LabelledReports(parser, LabelledSet.Seeds);
        // A correction teaches the model only while its problem is still indexed: its text is what the model learns from.
        var corrections = stored
            .GroupBy(c => c.ProblemId).Select(g => g.Last())
            .Select(c => (Correction: c, Problem: store.FindProblem(c.ProblemId)))
            .Where(x => x.Problem is not null)
            .Select(x => new Core.Classification.CategoryCorrection(x.Problem!, x.Correction.Categories))
            .ToList();
        var trainer = new CategoryTrainer(features, options);
        var examples = trainer.Examples(labelled, LabelledSet.Seeds, RealLabelledSet.Default, corrections);
        // Warm only from a model trained on the same labels and options: then it differs from today's data by corrections alone.
        var warm = store.LoadModel(WarmStartName) is { } previous && previous.Info == DataSignature.Value ? previous.Bytes : null;
        var trained = trainer.Train(examples, warm);
        store.SaveModel(ModelName, trained.Model.ToBytes(), signature);
        if (trained.WarmStart is not null) store.SaveModel(WarmStartName, trained.WarmStart, DataSignature.Value);
        return trained.Model;
    }

    /// <summary>What a model was trained on and how: labels, options, and the corrections made so far.</summary>
    private string Signature(IReadOnlyList<Storage.CategoryCorrection> corrections)
    {
        var text = new StringBuilder(DataSignature.Value).Append(";corrections:").Append(corrections.Count);
        if (corrections.Count > 0) text.Append(';').Append(corrections[^1].CorrectedAt.Ticks);
        return text.ToString();
    }

    private Lazy<string> DataSignature => _dataSignature ??= new(() =>
    {
        var labels = LabelledSet.Seeds.Labels.Select(l => $"{l.Report}\t{l.Path}\t{string.Join(';', l.Categories)}")
            .Concat(RealLabelledSet.Default.Statements.Select(s => $"{s.Source}\t{s.Statement}\t{string.Join('|', s.Measures)}\t{string.Join(';', s.Categories)}"));
        var setup = JsonSerializer.Serialize(options) + JsonSerializer.Serialize(features.Options);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', labels) + '\n' + setup)))[..16];
        return $"trainer:{ClassifierEvaluation.Name(options.Trainer)};data:{hash}";
    });

    private Lazy<string>? _dataSignature;
}
