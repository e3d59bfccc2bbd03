using ReportSearch.Core.Classification;

namespace ReportSearch.Core.Tests.Classification;

/// <summary>
/// How far the real set's labels are from what another careful labeller would write: the ceiling a classifier's top-1 can
/// be measured against. tests/data/agreement/second-labellings.tsv holds four second labellings of the first 622 statements,
/// each made blind by a separate labelling agent that saw only TAXONOMY.md and the statements with their issuers (the
/// third and fourth with the rows shuffled and renamed), never the set's labels.
/// </summary>
public sealed class LabelAgreementTests
{
    private static readonly string Labellings = Path.Combine(Directory.GetParent(Seeds.Folder)!.FullName, "tests", "data", "agreement", "second-labellings.tsv");

    // Measured: the second labellings' primary equals the set's on 0.918 / 0.928 / 0.899 / 0.900 of the statements, and each
    // other's on 0.924–0.942; the set's primary is among a second labelling's first two on 0.941–0.966. Most disagreements are
    // the order of two categories a statement carries, or where 议事决策 and 党的领导 findings go: the set files them under
    // grassroots_party_building beside 三重一大 (the taxonomy's terms), the second labellers, who saw only TAXONOMY.md, under
    // political_theory.
    [Fact]
    public void Second_labellings_agree_with_the_real_set_on_about_nine_in_ten_primaries()
    {
        var rows = File.ReadAllLines(Labellings).Skip(1).Select(l => l.Split('\t')).ToList();
        var statements = RealLabelledSet.Default.Statements;
        Assert.Equal(622, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(statements[i].Source, rows[i][0]);
            Assert.Equal(statements[i].Statement, rows[i][1]);
        }
        for (var labeller = 2; labeller < 6; labeller++)
        {
            var second = rows.Select(r => r[labeller].Split(';')).ToList();
            Assert.All(second, labels => Assert.All(labels, c => Assert.True(Taxonomy.Default.Contains(c), c)));
            var primary = Enumerable.Range(0, rows.Count).Count(i => second[i][0] == statements[i].Categories[0]) / (double)rows.Count;
            Assert.InRange(primary, 0.89, 0.94);
        }
    }
}
