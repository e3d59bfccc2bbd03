using ReportSearch.Core.Classification;

namespace ReportSearch.Core.Tests.Classification;

public sealed class CategoryTrainerTests(SeedFixture seeds) : IClassFixture<SeedFixture>
{
    private readonly CategoryTrainer _trainer = new(seeds.Features, new ClassifierOptions { Trainer = TrainerKind.Lbfgs });

    [Fact]
    public void Training_data_is_the_seeds_and_the_real_set_with_a_correction_replacing_its_label_and_others_added()
    {
        var report = seeds.Reports["000_a859e88ebbc2d2c3.txt"];
        var greening = report.Problems.Single(p => p.Path == "二/(一)/2/(7)");
        var unlabelled = greening with { Id = "ffffffffffffffff-p01", Path = "二/(一)/1/(1)" };

        var examples = _trainer.Examples(seeds.Reports, LabelledSet.Seeds, RealLabelledSet.Default,
            [new CategoryCorrection(greening, ["livelihood"]), new CategoryCorrection(unlabelled, ["livelihood", "ecology_environment"])]);

        Assert.Equal(89 + RealLabelledSet.Default.Statements.Count + 1, examples.Count);
        var greeningFeatures = seeds.Features.Of(greening);
        var withThoseFeatures = examples.Where(e => e.Features.SequenceEqual(greeningFeatures)).ToList();
        Assert.Equal(2, withThoseFeatures.Count);
        Assert.DoesNotContain(withThoseFeatures, e => e.Categories[0] == "ecology_environment");
    }

    [Fact]
    public void A_correction_retrains_warm_from_the_saved_LBFGS_model_and_steers_it()
    {
        var problem = seeds.Reports["000_a859e88ebbc2d2c3.txt"].Problems.Single(p => p.Path == "二/(一)/2/(7)");
        var plain = _trainer.Train(_trainer.Examples(seeds.Reports, LabelledSet.Seeds, RealLabelledSet.Default, []));
        Assert.NotNull(plain.WarmStart);
        var ranked = plain.Model.Score(seeds.Features.Of(problem));
        var target = ranked[1].Category;

        var examples = _trainer.Examples(seeds.Reports, LabelledSet.Seeds, RealLabelledSet.Default, [new CategoryCorrection(problem, [target])]);
        var warm = _trainer.Train(examples, plain.WarmStart);
        Assert.Equal(target, new ProblemCategorizer(warm.Model, seeds.Features).Categorize(problem)[0]);
        Assert.NotNull(warm.WarmStart);
    }
}
