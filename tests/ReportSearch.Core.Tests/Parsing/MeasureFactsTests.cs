using ReportSearch.Core.Model;
using ReportSearch.Core.Parsing;
using ReportSearch.Core.Text;

namespace ReportSearch.Core.Tests.Parsing;

public class MeasureFactsTests
{
    [Theory]
    [InlineData("借调下属单位干部187人", 187, "人", "187人")]
    [InlineData("全区现有4千多亩已出让的土地闲置", 4000, "亩", "4千多亩")]
    [InlineData("挤占挪用650多万元专项资金", 6500000, "元", "650多万元")]
    [InlineData("均增长94.81%", 94.81, "%", "94.81%")]
    [InlineData("供水管网已铺设2.03公里", 2.03, "公里", "2.03公里")]
    [InlineData("新增14万㎡城市绿地面积", 140000, "㎡", "14万㎡")]
    [InlineData("人均涨薪约1200元/月", 1200, "元/月", "1200元/月")]
    [InlineData("城市家具2.59万余处", 25900, "处", "2.59万余处")]
    [InlineData("拨付企业扶持专项资金4.3亿元", 430000000, "元", "4.3亿元")]
    [InlineData("累计开展谈话290余人次", 290, "人次", "290余人次")]
    [InlineData("新增污水处理能力2.2万吨/日", 22000, "吨/日", "2.2万吨/日")]
    [InlineData("处罚清运车辆29辆", 29, "辆", "29辆")]
    public void Quantity_value_is_in_the_base_unit_and_text_as_written(string text, double value, string unit, string written)
    {
        var quantity = Assert.Single(QuantityReader.Find(Passage.From(text)));
        Assert.Equal((decimal)value, quantity.Value);
        Assert.Equal(unit, quantity.Unit);
        Assert.Equal(written, quantity.Text);
    }

    [Theory]
    [InlineData("2021年5月6日召开区委第10次常委会会议")]
    [InlineData("十二届省委第六轮巡视")]
    public void Dates_and_ordinals_are_not_quantities(string text) => Assert.Empty(QuantityReader.Find(Passage.From(text)));

    [Fact]
    public void Full_width_digits_are_read_and_written_text_kept()
    {
        var quantity = Assert.Single(QuantityReader.Find(Passage.From("借调干部１８７人")));
        Assert.Equal(187m, quantity.Value);
        Assert.Equal("１８７人", quantity.Text);
    }

    [Fact]
    public void Documents_are_titles_in_order_without_repeats()
    {
        Assert.Equal(["《整改方案》", "《整改工作方案》"],
            DocumentCitations.Find("对照区委《整改方案》任务分工,制定了各自的《整改工作方案》,再对照《整改方案》"));
        Assert.Empty(DocumentCitations.Find("没有引用文件"));
    }

    [Theory]
    [InlineData("区财政局等7个单位已全部完成整改工作", MeasureStatus.Done)]
    [InlineData("目前,各责任单位已完成整改。", MeasureStatus.Done)]
    [InlineData("目前,7个街办综合执法队工作已正常开展。", MeasureStatus.Done)]
    [InlineData("文卫路人行道提升工程正在招投标", MeasureStatus.InProgress)]
    [InlineData("已完成中期稿编制,主体正在施工", MeasureStatus.InProgress)]   // under way wins over done
    [InlineData("已完成清淤约296公里,预计2021年5月底基本实现全覆盖", MeasureStatus.InProgress)] // done and scheduled: partly done
    [InlineData("预计2022年3月运营", MeasureStatus.Planned)]
    [InlineData("计划在2023年全面打通", MeasureStatus.Planned)]
    [InlineData("力争三年内完成水库集水区桉树清退", MeasureStatus.Planned)]
    [InlineData("组织召开区委理论中心组学习,进行深入学习研讨交流", null)]
    [InlineData("将廉政档案向部门中层干部拓展", null)]   // 将 as "take … and" is not future tense
    public void Status_follows_the_documented_precedence(string text, string? status) => Assert.Equal(status, StatusReader.Read(text));

    [Fact]
    public void Measures_are_cut_at_ordinals_in_sequence_only()
    {
        var measures = MeasureSplitter.Split(Passage.From("一是统一是非观念。二是领导包抓、挂图作战,三是增加财税收入。(1)细项。(2)细项二。"));
        Assert.Equal(["一是", "二是", "三是"], measures.Select(m => m.Ordinal));
        Assert.Equal("统一是非观念。", measures[0].Text.Original);
        Assert.Equal(["(1)", "(2)"], measures[2].Items.Select(i => i.Ordinal));
    }

    [Fact]
    public void Without_一是_numbered_items_are_the_measures_else_one_measure()
    {
        Assert.Equal(["(1)", "(2)"], MeasureSplitter.Split(Passage.From("(1)甲。(2)乙。")).Select(m => m.Ordinal));
        var single = Assert.Single(MeasureSplitter.Split(Passage.From("召开会议,明确责任。")));
        Assert.Null(single.Ordinal);
        var withLead = MeasureSplitter.Split(Passage.From("围绕目标:一是甲。二是乙。"));
        Assert.Equal([null, "一是", "二是"], withLead.Select(m => m.Ordinal));
    }
}
