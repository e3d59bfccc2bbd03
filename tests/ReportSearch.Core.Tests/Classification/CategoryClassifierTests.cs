using ReportSearch.Core.Classification;

namespace ReportSearch.Core.Tests.Classification;

public sealed class CategoryClassifierTests(SeedFixture seeds) : IClassFixture<SeedFixture>
{
    private static readonly ClassifierOptions Options = new();

    private CategoryClassifier Train(IEnumerable<EvaluationExample> examples, ClassifierOptions? options = null) =>
        CategoryClassifier.Train(Taxonomy.Default, seeds.Features, examples.Select(e => e.Example).ToList(), options ?? Options);

    private EvaluationExample At(string path) => seeds.Examples.Single(e => e.Path == path);

    [Theory]
    [InlineData("二/第一方面/(四)/2", "anti_crime")]
    [InlineData("二/第一方面/(五)", "ideology")]
    [InlineData("二/第一方面/(一)/2", "epidemic_control")]
    public void The_prior_finds_a_category_no_training_label_has(string path, string category)
    {
        var training = seeds.Examples.Where(e => !e.Example.Categories.Contains(category)).ToList();
        Assert.DoesNotContain(training, e => e.Example.Categories.Contains(category));
        var problem = At(path).Example.Features;

        Assert.Equal(category, Train(training).Predict(problem)[0]);
        // Without the prior the category has nothing to be found by: the prior, not luck, found it.
        Assert.NotEqual(category, Train(training, Options with { PriorWeight = 0 }).Predict(problem)[0]);
    }

    [Fact]
    public void A_correction_added_as_a_training_example_changes_the_prediction_for_that_text()
    {
        var problem = At("二/(一)/2/(7)");   // 城市绿地面积等绿化目标未完成
        var others = seeds.Examples.Where(e => e != problem).ToList();
        var model = Train(others);
        var before = model.Predict(problem.Example.Features);
        // The editor picks the model's runner-up: a correction it did not already agree with.
        var corrected = model.Score(problem.Example.Features)[1].Category;
        Assert.NotEqual(corrected, before[0]);

        var correction = new EvaluationExample("editor", problem.Path, problem.Example with { Categories = [corrected] });
        var after = Train([.. others, correction]).Predict(problem.Example.Features);
        Assert.Equal(corrected, after[0]);
    }

    [Fact]
    public void Model_round_trips_through_bytes_with_identical_predictions_and_training_is_deterministic()
    {
        var model = Train(seeds.Examples);
        var bytes = model.ToBytes();
        var restored = CategoryClassifier.FromBytes(bytes);

        Assert.Equal(model.Threshold, restored.Threshold);
        foreach (var e in seeds.Examples)
        {
            Assert.Equal(model.Score(e.Example.Features), restored.Score(e.Example.Features));
            Assert.Equal(model.Predict(e.Example.Features), restored.Predict(e.Example.Features));
        }
        Assert.Equal(bytes, restored.ToBytes());
        Assert.Equal(bytes, Train(seeds.Examples).ToBytes());
    }

    [Fact]
    public void Predictions_have_at_least_one_category_primary_first_and_only_taxonomy_ids()
    {
        var model = Train(seeds.Examples);
        foreach (var e in seeds.Examples)
        {
            var scores = model.Score(e.Example.Features);
            var predicted = model.Predict(e.Example.Features);
            Assert.NotEmpty(predicted);
            Assert.Equal(scores[0].Category, predicted[0]);
            Assert.All(predicted, c => Assert.True(Taxonomy.Default.Contains(c)));
            Assert.Equal(1.0, scores.Sum(s => s.Probability), 9);
        }
    }

    [Fact]
    public void A_category_id_outside_the_taxonomy_is_refused()
    {
        var bad = new TrainingExample(seeds.Examples[0].Example.Features, ["corruption"]);
        var error = Assert.Throws<ArgumentException>(() => CategoryClassifier.Train(Taxonomy.Default, seeds.Features, [bad], Options));
        Assert.Contains("corruption", error.Message);
    }

    [Fact]
    public void Categorizer_sets_categories_on_every_problem_of_a_parsed_report()
    {
        var categorizer = new ProblemCategorizer(Train(seeds.Examples), seeds.Features);
        var report = categorizer.Apply(seeds.Reports["000_a859e88ebbc2d2c3.txt"]);
        Assert.All(report.Problems, p => Assert.NotEmpty(p.Categories));
        Assert.Equal("cadre_management", report.Problems.Single(p => p.Path == "二/(三)/2/(35)").Categories[0]);
    }
}
