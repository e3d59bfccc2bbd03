using System.Text;
using ReportSearch.Core.Model;
using ReportSearch.Core.Parsing;
using ReportSearch.Core.Text;

namespace ReportSearch.Core.Tests.Parsing;

public class StructureTests
{
    [Theory]
    [InlineData("一、总体情况", LabelKind.Chapter, "一")]
    [InlineData("第三方面问题,组织建设", LabelKind.Aspect, "第三方面")]
    [InlineData("(十二)关于", LabelKind.Section, "(十二)")]
    [InlineData("12.针对", LabelKind.Item, "12")]
    [InlineData("3、针对", LabelKind.Item, "3")]
    [InlineData("(35)借调", LabelKind.SubItem, "(35)")]
    [InlineData("③落实", LabelKind.Circled, "③")]
    public void Labels_are_recognised_with_their_path_form(string text, LabelKind kind, string path)
    {
        var label = Numbering.Match(CharacterFolder.Fold(text), 0);
        Assert.NotNull(label);
        Assert.Equal(kind, label.Kind);
        Assert.Equal(path, label.PathPart);
    }

    [Theory]
    [InlineData("2.4%的问题线索")]
    [InlineData("1.5%左右")]
    [InlineData("2020年完成")]
    [InlineData("一是加强学习")]
    public void Numbers_that_are_not_labels(string text) => Assert.Null(Numbering.Match(text, 0));

    [Fact]
    public void Full_width_brackets_and_digits_are_labels_too() =>
        Assert.Equal("(12)", Numbering.Match(CharacterFolder.Fold("（１２）土地闲置"), 0)!.PathPart);

    [Fact]
    public void Labels_inside_a_paragraph_count_only_after_sentence_punctuation()
    {
        var text = "一、总体。(一)甲项,增长2.4%。1.乙项;(1)丙项 见第(2)条";
        var offsets = Numbering.LabelOffsets(text).Select(o => text[o..(o + 2)]).ToList();
        Assert.Equal(["一、", "(一", "1.", "(1"], offsets);
    }

    [Fact]
    public void Folding_keeps_length_and_folds_widths_spaces_and_script()
    {
        var original = "（一）２０２０年：Ａ\u00A0\u3000。";
        var normal = CharacterFolder.Fold(original);
        Assert.Equal(original.Length, normal.Length);
        Assert.Equal("(一)2020年:A  。", normal);
    }

    [Fact]
    public void Traditional_characters_are_read_as_simplified_and_shown_as_written()
    {
        var text = "根據省委統一部署,2020年5月25日至7月10日,省委第十巡視組對佛山市高明區進行了巡視。\n二、整改情況\n1.針對學以致用有差距問題。一是加強學習。二是已完成整改。\n中共佛山市高明區委\n2021年5月6日";
        var report = new ReportParser().Parse(Encoding.UTF8.GetBytes(text), "trad.txt");
        var problem = Assert.Single(report.Problems);
        Assert.Equal("學以致用有差距問題", problem.Statement);
        Assert.Equal(["一是", "二是"], problem.Measures.Select(m => m.Ordinal));
        Assert.Equal(MeasureStatus.Done, problem.Measures[1].Status);
        Assert.Equal("广东省", report.Unit.Province);
        Assert.Equal("省委第十巡视组", report.Inspection.Team);
    }

    [Fact]
    public void A_plans_chapter_stays_plans_even_with_paragraphs_under_its_items()
    {
        var text = "一、整改情况\n(一)某方面\n(1)问题甲。\n一是做了甲。\n二、下一步打算\n(一)持续加压。\n对已完成的任务常抓不懈。";
        var report = new ReportParser().Parse(Encoding.UTF8.GetBytes(text), "plans.txt");
        Assert.Equal("一/(一)/(1)", Assert.Single(report.Problems).Path);
        Assert.Contains(report.Sections, s => s is { Path: "二", Kind: SectionKind.Plans });
    }

    [Fact]
    public void Unit_falls_back_to_the_issuing_party_committee()
    {
        var text = "一、整改情况\n(1)问题甲。\n一是做了甲。\n中共西安市高陵区委\n2022年5月6日";
        var report = new ReportParser().Parse(Encoding.UTF8.GetBytes(text), "signed.txt");
        Assert.Equal(new InspectedUnit("高陵区", "西安市高陵区", "西安市", "陕西省", "county", UnitKind.PartyCommittee), report.Unit);
        Assert.Equal(new DateOnly(2022, 5, 6), report.PublishedDate);
        Assert.Null(report.Inspection.Team);
    }

    [Fact]
    public void Text_without_structure_still_parses_with_warnings_and_paragraph_sections()
    {
        var report = new ReportParser().Parse(Encoding.UTF8.GetBytes("今天开了一个会。\n\n会上讨论了很多事情,没有编号。\n第三段。"), "note.txt");
        Assert.Empty(report.Problems);
        Assert.Equal(3, report.Sections.Count);
        Assert.All(report.Sections, s => Assert.Equal(SectionKind.Other, s.Kind));
        Assert.Contains(report.Warnings, w => w.Contains("no numbered structure"));
        Assert.Contains(report.Warnings, w => w.Contains("inspected unit not found"));
        Assert.Equal(InspectedUnit.Unknown, report.Unit);
        Assert.Null(report.PublishedDate);
    }

    [Fact]
    public void Page_date_is_the_publication_date_when_there_is_no_signature()
    {
        var text = "来源:本网 日期:2021-05-08 07:52\n根据省委统一部署,2020年5月25日至7月10日,省委第十巡视组对佛山市高明区进行了巡视。\n一、整改\n1.针对某问题。一是做了。";
        var report = new ReportParser().Parse(Encoding.UTF8.GetBytes(text), "page.txt");
        Assert.Equal(new DateOnly(2021, 5, 8), report.PublishedDate);
        Assert.Null(report.Issuer);
        Assert.Equal("某问题", Assert.Single(report.Problems).Statement);
    }
}

public class OpeningTests
{
    private static RectificationReport Parse(string text) => new ReportParser().Parse(Encoding.UTF8.GetBytes(text), "opening.txt");

    [Fact]
    public void A_heading_without_a_full_stop_is_not_glued_to_the_one_is_measure_under_it()
    {
        var report = Parse("一、整改落实情况\n(一)关于“学习贯彻上级决策部署不够到位”问题的整改\n一是全面深化理论学习。完善学习制度。\n二是狠抓落实。已完成整改。");
        var problem = Assert.Single(report.Problems);
        Assert.Equal("关于“学习贯彻上级决策部署不够到位”问题的整改", problem.Statement);
        Assert.Equal(["一是", "二是"], problem.Measures.Select(m => m.Ordinal));
    }

    [Fact]
    public void An_organisation_chapter_with_one_is_paragraphs_is_a_section()
    {
        var report = Parse("一、区委及主要负责人组织落实整改情况\n(一)区委主要负责人组织落实整改工作情况\n一是抓牢思想认识。召开常委会。\n二是抓好责任落实。");
        Assert.Empty(report.Problems);
        Assert.Contains(report.Sections, s => s is { Path: "一", Kind: SectionKind.Organisation });
    }

    [Fact]
    public void A_feedback_date_without_a_year_takes_the_visits_year_or_the_next()
    {
        var same = Parse("按照市委统一部署,市委第三巡察组于2023年8月18日至11月24日对市文体广旅局党组开展了巡察,并于12月22日进行了反馈。");
        Assert.Equal(new DateOnly(2023, 12, 22), same.Inspection.FeedbackDate);
        Assert.Equal(new DateOnly(2023, 8, 18), same.Inspection.Start);
        var next = Parse("根据区委统一部署,2022年11月29日至12月20日,区委第五巡察组对徐庄镇党委进行了巡察。1月14日,区委巡察组向徐庄镇党委反馈了巡察意见。");
        Assert.Equal(new DateOnly(2023, 1, 14), next.Inspection.FeedbackDate);
        Assert.Equal("区委第五巡察组", next.Inspection.Team);
    }

    [Fact]
    public void A_ministrys_own_team_names_the_ministry_as_body()
    {
        var report = Parse("根据教育部巡视工作统一部署,教育部第三巡视组于2015年10月20日至11月23日对武汉理工大学进行了巡视。");
        Assert.Equal("教育部第三巡视组", report.Inspection.Team);
        Assert.Equal("教育部", report.Inspection.Body);
        Assert.Equal(UnitKind.University, report.Unit.Kind);
        // Not a team: the words before a ministry's name only count from the start of a clause.
        Assert.Null(Parse("根据中央统一部署教育部第三巡视组对某大学进行了巡视。").Inspection.Team);
    }

    [Fact]
    public void A_disclosure_header_gives_title_date_and_issuer_and_is_not_text()
    {
        var report = Parse("- 索 引 号:3704063704060004/2023-00364\n- 发布机构:中共徐庄镇委员会\n- 发文时间:2023年11月23日\n- 标 题:徐庄镇党委关于巡察整改进展情况的通报\n根据区委统一部署,2022年11月29日至2023年2月20日,区委第五巡察组对徐庄镇进行了巡察。");
        Assert.Equal("徐庄镇党委关于巡察整改进展情况的通报", report.Title);
        Assert.Equal("中共徐庄镇委员会", report.Issuer);
        Assert.Equal(new DateOnly(2023, 11, 23), report.PublishedDate);
        Assert.Equal(UnitKind.Town, report.Unit.Kind);
        Assert.DoesNotContain(report.Sections, s => s.Text.Contains("索"));
    }

    [Fact]
    public void A_title_broken_over_three_lines_is_read_whole_and_the_inspected_body_loses_its_party_prefix()
    {
        var report = Parse("中共某某新区管理委员会党组\n关于十二届市委第一轮巡视集中整改\n进展情况的通报\n根据市委统一部署,市委第一巡视组于2022年9月13日至11月29日对中共某某新区管理委员会党组开展专项巡视,并于2023年1月12日反馈了巡视意见。");
        Assert.Equal("中共某某新区管理委员会党组关于十二届市委第一轮巡视集中整改进展情况的通报", report.Title);
        Assert.Equal("中共某某新区管理委员会党组", report.Issuer);
        Assert.Equal("十二届市委第一轮", report.Inspection.Round);
        Assert.Equal(("某某新区管理委员会", UnitKind.Department), (report.Unit.Name, report.Unit.Kind));
        Assert.DoesNotContain(report.Sections, s => s.Text.Contains("进展情况的通报"));
    }

    // Layouts of collected cases c15–c19, written out short.
    [Fact]
    public void A_date_and_time_before_the_source_line_is_the_page_date_and_no_title()
    {
        var report = Parse("2021-02-23 12:42:06来源:某市住房和城乡建设局\n根据市委统一部署,2020年5月17日至8月7日,市委第八巡察组对市住房城乡建设局党组进行巡察。2020年10月27日反馈了巡察意见。");
        Assert.Equal(new DateOnly(2021, 2, 23), report.PublishedDate);
        Assert.Null(report.Title);
        Assert.DoesNotContain(report.Sections, s => s.Text.Contains("来源"));
    }

    [Fact]
    public void A_bracketed_font_size_widget_and_a_lone_dash_are_page_furniture()
    {
        var report = Parse("来源:某某管理局发布日期:2022-12-08\n【浏览字号 :大 中 小】\n-\n根据区委统一部署,2022年3月15日至5月20日,区委第一巡察组对某某局党组开展了巡察。");
        Assert.Null(report.Title);
        Assert.DoesNotContain(report.Sections, s => s.Text.Contains("字号") || s.Text.Trim() == "-");
    }

    [Fact]
    public void The_body_from_a_rounds_deployment_a_team_named_by_its_subject_and_a_short_name_in_brackets()
    {
        var report = Parse("根据四届区委第二轮巡察工作统一部署,2022年3月15日至5月20日,区委营商环境专项巡察组对中共广州市某某新区某某开发建设管理局(简称某某管理局)党组开展专项巡察,并于7月5日召开巡察反馈会向某某管理局党组反馈了巡察意见。");
        Assert.Equal(("区委", "区委营商环境专项巡察组", "四届区委第二轮"), (report.Inspection.Body, report.Inspection.Team, report.Inspection.Round));
        Assert.Equal(("某某新区某某开发建设管理局", "广州市"), (report.Unit.Name, report.Unit.City));
        Assert.Equal(new DateOnly(2022, 7, 5), report.Inspection.FeedbackDate);
    }

    [Fact]
    public void A_body_inspected_with_the_organisations_under_it_is_the_one_named_first()
    {
        var report = Parse("根据市委统一部署,2023年4月17日至5月31日,市委第六巡察组对某某镇党委及甲村、乙村、丙村三个村(社区)党组织进行了巡察。2023年7月26日,市委巡察组向某某镇党委反馈了巡察意见。");
        Assert.Equal(("某某镇", UnitKind.Town), (report.Unit.Name, report.Unit.Kind));
        Assert.Equal(new DateOnly(2023, 7, 26), report.Inspection.FeedbackDate);
    }

    // Synthetic layouts (not real reports) for issuers the real cases do not yet cover.
    [Theory]
    [InlineData("中共中国某能集团有限公司党组关于十九届中央第五轮巡视整改进展情况的通报\n根据中央统一部署,2020年5月10日至7月10日,中央第十巡视组对中国某能集团有限公司党组进行了常规巡视,并于9月10日反馈了巡视意见。",
        "中国某能集团有限公司", null, null, "enterprise", "中央", "十九届中央第五轮", "2020-09-10")]
    [InlineData("中共陕西省交通运输厅党组关于巡视整改情况的通报\n根据省委统一部署,2021年3月1日至4月30日,省委第二巡视组对省交通运输厅党组开展了常规巡视。2021年6月20日反馈了巡视意见。",
        "陕西省交通运输厅", null, "陕西省", "department", "省委", null, "2021-06-20")]
    [InlineData("中共某某县委关于巡视整改进展情况的通报\n根据省委统一部署,2019年10月8日至12月8日,省委第六巡视组对某某县进行了巡视,2020年1月9日反馈了巡视意见。",
        "某某县", null, null, "party_committee", "省委", null, "2020-01-09")]
    public void Issuers_of_other_kinds(string text, string unit, string? city, string? province, string kind, string body, string? round, string feedback)
    {
        var report = Parse(text);
        Assert.Equal((unit, city, province, kind), (report.Unit.Name, report.Unit.City, report.Unit.Province, report.Unit.Kind));
        Assert.Equal((body, round, DateOnly.Parse(feedback)), (report.Inspection.Body, report.Inspection.Round, report.Inspection.FeedbackDate));
        Assert.StartsWith("中共" + unit, report.Issuer);
        Assert.EndsWith("的通报", report.Title);
    }
}
