using ReportSearch.Core.Classification;

namespace ReportSearch.Core.Tests.Classification;

public sealed class LabelledSetTests(SeedFixture seeds) : IClassFixture<SeedFixture>
{
    [Fact]
    public void Taxonomy_keeps_the_ids_of_TAXONOMY_md_in_order()
    {
        string[] ids =
        [
            "political_theory", "major_decisions", "economic_development", "land_resources", "ecology_environment", "livelihood",
            "risk_prevention", "epidemic_control", "anti_crime", "ideology", "primary_responsibility", "supervision_discipline",
            "conduct_eight_rules", "integrity_risk", "cadre_management", "grassroots_party_building", "rectification_followup",
        ];
        Assert.Equal(ids, Taxonomy.Default.Categories.Select(c => c.Id));
        Assert.All(Taxonomy.Default.Categories, c =>
        {
            Assert.False(string.IsNullOrWhiteSpace(c.Name));
            Assert.False(string.IsNullOrWhiteSpace(c.Description));
            Assert.True(c.Terms.Count >= 8, $"{c.Id} has only {c.Terms.Count} terms");
        });
        Assert.Contains("混编混岗", Taxonomy.Default["cadre_management"].Terms);
    }

    [Fact]
    public void Every_label_uses_taxonomy_ids_once_each()
    {
        Assert.All(LabelledSet.Seeds.Labels, l =>
        {
            Assert.NotEmpty(l.Categories);
            Assert.All(l.Categories, c => Assert.True(Taxonomy.Default.Contains(c), $"{l.Report} {l.Path}: unknown category {c}"));
            Assert.Equal(l.Categories.Count, l.Categories.Distinct().Count());
            Assert.False(string.IsNullOrWhiteSpace(l.Excerpt));
        });
    }

    [Fact]
    public void Labels_cover_every_parsed_problem_of_both_seeds_by_path()
    {
        Assert.Equal(2, seeds.Reports.Count);
        foreach (var (name, report) in seeds.Reports)
        {
            var labelled = LabelledSet.Seeds.Labels.Where(l => l.Report == name).Select(l => l.Path).ToList();
            Assert.Equal(report.Problems.Select(p => p.Path), labelled);
        }
        Assert.Equal(41, seeds.Reports["000_a859e88ebbc2d2c3.txt"].Problems.Count);
        Assert.Equal(48, seeds.Reports["002_63dd2cdd5dcf940c.txt"].Problems.Count);
        Assert.Contains(LabelledSet.Seeds.Labels, l => l.Path == "二/(四)/(38)");
        Assert.Contains(LabelledSet.Seeds.Labels, l => l.Path == "二/第一方面/(五)" && l.Categories[0] == "ideology");
        Assert.Contains(LabelledSet.Seeds.Labels, l => l.Path == "二/(三)/2/(35)" && l.Categories[0] == "cadre_management");
    }
}
