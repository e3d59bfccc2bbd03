using ReportSearch.Core.Classification;

namespace ReportSearch.Core.Tests.Classification;

public sealed class RealLabelledSetTests
{
    [Fact]
    public void A_page_under_two_source_ids_is_refused()
    {
        RealSource Page(string id) => new(id, "https://example.gov.cn/a.html", "issuer", "town", "巡察反馈");
        var statement = new RealStatement("R01", "https://example.gov.cn/a.html", "镇纪委监督责任落实不严", [], ["supervision_discipline"], "");

        var error = Assert.Throws<InvalidDataException>(() => new RealLabelledSet([Page("R01"), Page("R02")], [statement]));
        Assert.Contains("R01, R02", error.Message);
    }
}
