using ReportSearch.Core.Model;
using ReportSearch.Core.Parsing;

namespace ReportSearch.Core.Tests.Parsing;

public class GazetteerTests
{
    private static readonly Gazetteer Places = Gazetteer.Default;

    [Fact]
    public void Holds_all_34_province_level_and_333_prefecture_level_divisions()
    {
        Assert.Equal(34, Places.Places.Count(p => p.IsProvince));
        Assert.Equal(333, Places.Places.Count(p => p.Kind == "prefecture"));
        Assert.Equal(Places.Places.Count, Places.Places.Select(p => p.Name).Distinct().Count());
        var provinces = Places.Places.Where(p => p.IsProvince).Select(p => p.Name).ToHashSet();
        Assert.All(Places.Places, p => Assert.Contains(p.Province, provinces));
        Assert.Contains(Places.Places, p => p is { Name: "锡林郭勒盟", Province: "内蒙古自治区" });
        Assert.Contains(Places.Places, p => p is { Name: "阿里地区", Province: "西藏自治区" });
        Assert.Contains(Places.Places, p => p is { Name: "延边朝鲜族自治州", Province: "吉林省" });
    }

    [Theory]
    [InlineData("西安市", "西安市", "西安市", "西安市", "陕西省", "city", "party_committee")]
    [InlineData("陕西省西安市高陵区", "高陵区", "西安市高陵区", "西安市", "陕西省", "county", "party_committee")]
    [InlineData("吉林市船营区", "船营区", "吉林市船营区", "吉林市", "吉林省", "county", "party_committee")]
    [InlineData("北京市朝阳区", "朝阳区", "北京市朝阳区", "北京市", "北京市", "county", "party_committee")]
    [InlineData("上海市徐汇区", "徐汇区", "上海市徐汇区", "上海市", "上海市", "county", "party_committee")]
    [InlineData("辽宁省朝阳市", "朝阳市", "朝阳市", "朝阳市", "辽宁省", "city", "party_committee")]
    [InlineData("广东省", "广东省", "广东省", null, "广东省", "province", "party_committee")]
    [InlineData("高陵区", "高陵区", "高陵区", null, null, "county", "party_committee")]
    [InlineData("省教育厅", "省教育厅", "省教育厅", null, null, "other", "department")]
    [InlineData("武汉市文化和旅游局", "武汉市文化和旅游局", "武汉市文化和旅游局", "武汉市", "湖北省", "other", "department")]
    [InlineData("金华市婺城区文化和旅游体育局", "婺城区文化和旅游体育局", "金华市婺城区文化和旅游体育局", "金华市", "浙江省", "other", "department")]
    [InlineData("西安科技大学", "西安科技大学", "西安科技大学", "西安市", "陕西省", "other", "university")]
    [InlineData("上海虹桥国际中央商务区管理委员会", "上海虹桥国际中央商务区管理委员会", "上海虹桥国际中央商务区管理委员会", "上海市", "上海市", "other", "department")]
    [InlineData("山东大学", "山东大学", "山东大学", null, "山东省", "other", "university")]
    [InlineData("徐庄镇", "徐庄镇", "徐庄镇", null, null, "other", "town")]
    [InlineData("陕西延长石油(集团)有限责任公司", "陕西延长石油(集团)有限责任公司", "陕西延长石油(集团)有限责任公司", null, "陕西省", "other", "enterprise")]
    public void Units_get_city_province_level_and_kind(string written, string name, string fullName, string? city, string? province, string level, string kind) =>
        Assert.Equal(new InspectedUnit(name, fullName, city, province, level, kind), new UnitResolver(Places).Resolve(written));
}
