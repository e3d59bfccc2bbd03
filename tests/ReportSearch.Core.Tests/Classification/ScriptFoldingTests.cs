using FsCheck;
using FsCheck.Fluent;
using ICU4N.Text;
using ReportSearch.Core.Analysis;
using ReportSearch.Core.Classification;

namespace ReportSearch.Core.Tests.Classification;

/// <summary>
/// Traditional characters and full-width forms are folded by the analysis chain's normaliser before any feature is made, so a
/// statement gets the same categories in either script: checked on the real set's statements turned traditional by ICU.
/// </summary>
public sealed class ScriptFoldingTests(SeedFixture seeds) : IClassFixture<SeedFixture>
{
    private static readonly Lazy<ICategoryModel> Model = new(() =>
    {
        var features = new ProblemFeatures(new ChineseAnalyzer(), new FeatureOptions());
        return CategoryTrainer.Fit(CategoryPrior.Of(Taxonomy.Default, features),
            RealLabelledSet.Default.Examples(features).Select(e => e.Example).ToList(), TrainerKind.Lbfgs, new ClassifierOptions()).Model;
    });

    private static string Traditional(string simplified)
    {
        var transform = Transliterator.GetInstance("Simplified-Traditional");
        return transform.Transliterate(simplified);
    }

    private static string FullWidth(string text) =>
        new(text.Select(c => c is >= '!' and <= '~' ? (char)(c - '!' + '！') : c).ToArray());

    [Fact]
    public void The_same_statement_in_traditional_and_simplified_characters_gets_the_same_categories()
    {
        var statements = RealLabelledSet.Default.Statements.Select(s => s.Statement).ToList();
        var changed = 0;
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(150), Prop.ForAll(Gen.Choose(0, statements.Count - 1).ToArbitrary(), i =>
        {
            var simplified = statements[i];
            var traditional = FullWidth(Traditional(simplified));
            if (traditional != simplified) changed++;
            var a = Model.Value.Predict(seeds.Features.Of(simplified, [], []));
            var b = Model.Value.Predict(seeds.Features.Of(traditional, [], []));
            return a.SequenceEqual(b);
        }));
        // The property says something only if the transform really changed the text.
        Assert.True(changed > 100, $"only {changed} of 150 statements changed script");
    }
}
