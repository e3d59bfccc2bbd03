using ReportSearch.Core.Classification;

namespace ReportSearch.Core.Tests.Classification;

public sealed class LearningCurveTests(SeedFixture seeds) : IClassFixture<SeedFixture>
{
    [Fact]
    public void The_fit_recovers_a_power_law_and_projects_where_it_reaches_a_target()
    {
        CurvePoint At(double n) => new(0, n, 1 - 0.5 * Math.Pow(n, -0.2), 0, 0);
        var curve = new LearningCurve("t", "real", [At(100), At(200), At(400), At(800)]);

        Assert.Equal(0.5, curve.Fit.A, 6);
        Assert.Equal(0.2, curve.Fit.B, 6);
        Assert.Equal(Math.Pow(0.5 / 0.15, 1 / 0.2), curve.ProblemsFor(0.85)!.Value, 3);
    }

    [Fact]
    public void A_curve_that_does_not_rise_projects_nothing()
    {
        var curve = new LearningCurve("t", "real", [new(0.5, 100, 0.7, 0, 0), new(1, 200, 0.69, 0, 0)]);
        Assert.True(curve.Fit.B <= 0);
        Assert.Null(curve.ProblemsFor(0.85));
    }

    [Fact]
    public void Training_on_a_share_of_the_real_sources_trains_on_fewer_and_all_of_them_matches_the_plain_evaluation()
    {
        var examples = seeds.Examples.Concat(RealLabelledSet.Default.Examples(seeds.Features)).ToList();
        var evaluation = new ClassifierEvaluation(CategoryPrior.Of(Taxonomy.Default, seeds.Features), new ClassifierOptions());

        var curve = evaluation.Curve(examples, TrainerKind.NaiveBayes, RealLabelledSet.Kind, [0.25, 1], draws: 1);
        var plain = ClassifierEvaluation.Headline(evaluation.Run(examples, [TrainerKind.NaiveBayes]), TrainerKind.NaiveBayes);

        Assert.Equal([0.25, 1.0], curve.Points.Select(p => p.Share).ToArray());
        var real = RealLabelledSet.Default.Statements.Count;
        // Each held-out source trains on the others: all of them but its own statements, or about a quarter of those.
        Assert.InRange(curve.Points[1].TrainingProblems, real * 0.9, real - 1);
        Assert.InRange(curve.Points[0].TrainingProblems, real * 0.15, real * 0.35);
        Assert.Equal(plain.Top1, curve.Points[1].Top1, 9);
        Assert.Equal(plain.MacroF1, curve.Points[1].MacroF1, 9);
        Assert.True(curve.Points[0].Top1 < curve.Points[1].Top1, $"a quarter of the sources {curve.Points[0].Top1:F3}, all {curve.Points[1].Top1:F3}");
    }
}
