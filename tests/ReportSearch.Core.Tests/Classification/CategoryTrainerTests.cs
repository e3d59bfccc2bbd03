using ReportSearch.Core.Classification;

namespace ReportSearch.Core.Tests.Classification;

public sealed class CategoryTrainerTests(SeedFixture seeds) : IClassFixture<SeedFixture>
{
    private readonly CategoryTrainer _trainer = new(seeds.Features, new ClassifierOptions());

    [Fact]
    public void A_correction_of_a_labelled_problem_replaces_its_label_and_others_are_added()
    {
        var report = seeds.Reports["000_a859e88ebbc2d2c3.txt"];
        var greening = report.Problems.Single(p => p.Path == "二/(一)/2/(7)");
        var unlabelled = greening with { Id = "ffffffffffffffff-p01", Path = "二/(一)/1/(1)" };

        var examples = _trainer.Examples(seeds.Reports, LabelledSet.Seeds,
            [new CategoryCorrection(greening, ["livelihood"]), new CategoryCorrection(unlabelled, ["livelihood", "ecology_environment"])]);

        Assert.Equal(90, examples.Count);
        var greeningFeatures = seeds.Features.Of(greening);
        var withThoseFeatures = examples.Where(e => e.Features.SequenceEqual(greeningFeatures)).ToList();
        Assert.Equal(2, withThoseFeatures.Count);
        Assert.DoesNotContain(withThoseFeatures, e => e.Categories[0] == "ecology_environment");
    }

    [Fact]
    public void Corrections_steer_the_trained_model()
    {
        var problem = seeds.Reports["000_a859e88ebbc2d2c3.txt"].Problems.Single(p => p.Path == "二/(一)/2/(7)");
        var plain = _trainer.Train(seeds.Reports, LabelledSet.Seeds, []);
        var target = plain.Score(seeds.Features.Of(problem)).First(s => s.Category != plain.Predict(seeds.Features.Of(problem))[0]).Category;

        var corrected = _trainer.Train(seeds.Reports, LabelledSet.Seeds, [new CategoryCorrection(problem, [target])]);
        Assert.Equal(target, new ProblemCategorizer(corrected, seeds.Features).Categorize(problem)[0]);
    }
}
