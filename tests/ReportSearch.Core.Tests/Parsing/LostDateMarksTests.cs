using ReportSearch.Core.Parsing;

namespace ReportSearch.Core.Tests.Parsing;

/// <summary>Dates whose 年 and 月 a page lost (c10 江夏区委: "2024717日至830日"; c22 武汉理工大学, 日 too: "201617,") come back only where the digits allow one reading.</summary>
public class LostDateMarksTests
{
    [Theory]
    [InlineData("于2024717日至830日对江夏区委进行了巡视", "于2024年7月17日至8月30日对江夏区委进行了巡视")]
    [InlineData("2023年4月3日至531日", "2023年4月3日至5月31日")]
    [InlineData("自20231015日起", "自2023年10月15日起")]
    [InlineData("爱护。\n201617,教育部巡视组反馈了巡视意见", "爱护。\n2016年1月7日,教育部巡视组反馈了巡视意见")] // c22: 日 lost too
    [InlineData("20160107,巡视组反馈了意见", "2016年1月7日,巡视组反馈了意见")]
    public void A_run_with_one_real_reading_gets_its_marks_back(string text, string expected) =>
        Assert.Equal(expected, LostDateMarks.Restore(text));

    [Theory]
    [InlineData("至112日")]          // 1月12日 or 11月2日: two readings
    [InlineData("全年365日无休")]     // no reading is a date
    [InlineData("开展100日攻坚")]     // 10月0日 and 1月00日 are not dates
    [InlineData("2024年7月17日")]     // already marked
    [InlineData("3月15日")]
    [InlineData("20240231日")]        // 2月31日 does not exist, 20月 neither
    [InlineData("共计201617,占比")]    // a bare run inside a sentence is a quantity
    [InlineData("201612人参加")]      // at a paragraph's start but no comma after it
    [InlineData("2016112,其余")]      // 1月12日 or 11月2日: two readings
    public void Other_runs_stay_as_they_are(string text) =>
        Assert.Equal(text, LostDateMarks.Restore(text));
}
