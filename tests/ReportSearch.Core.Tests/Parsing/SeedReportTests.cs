using ReportSearch.Core.Model;

namespace ReportSearch.Core.Tests.Parsing;

public class SeedReportTests
{
    private static readonly RectificationReport Gaoling = Seeds.Parse(Seeds.Gaoling);
    private static readonly RectificationReport Gaoming = Seeds.Parse(Seeds.Gaoming);

    private static Problem At(RectificationReport r, string path) => Assert.Single(r.Problems, p => p.Path == path);

    [Fact]
    public void Gaoling_states_41_numbered_problems_in_order()
    {
        Assert.Equal(41, Gaoling.Problems.Count);
        Assert.Equal(Enumerable.Range(1, 41).Select(n => $"({n})"), Gaoling.Problems.Select(p => p.Path.Split('/')[^1]));
        Assert.All(Gaoling.Problems, p => Assert.NotEmpty(p.Measures));
        Assert.Empty(Gaoling.Warnings);
    }

    [Fact]
    public void Gaoming_has_48_problems_12_16_14_6_across_its_four_aspects()
    {
        Assert.Equal(48, Gaoming.Problems.Count);
        var perAspect = Gaoming.Problems.GroupBy(p => p.Path.Split('/')[1]).Select(g => (g.Key, g.Count())).ToList();
        Assert.Equal([("第一方面", 12), ("第二方面", 16), ("第三方面", 14), ("第四方面", 6)], perAspect);
        Assert.All(Gaoming.Problems, p => Assert.NotEmpty(p.Measures));
        Assert.Empty(Gaoming.Warnings);
    }

    [Fact]
    public void Gaoling_metadata_is_read_from_opening_and_signature()
    {
        Assert.Equal(new InspectedUnit("高陵区", "西安市高陵区", "西安市", "陕西省", "county", "party_committee"), Gaoling.Unit);
        Assert.Equal(new Inspection("省委", "省委第三巡视组", null, new DateOnly(2020, 10, 21), new DateOnly(2020, 12, 15), new DateOnly(2021, 2, 23)), Gaoling.Inspection);
        Assert.Equal(new DateOnly(2022, 5, 6), Gaoling.PublishedDate);
        Assert.Equal("中共西安市高陵区委", Gaoling.Issuer);
        Assert.Null(Gaoling.Title);
        // First 16 hex characters of the SHA-256 of the file, so the same file always has the same id.
        Assert.Equal("4a6511cbf5559afc", Gaoling.Id);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Seeds.Bytes(Seeds.Gaoling)))[..16], Gaoling.Id);
    }

    [Fact]
    public void Gaoming_metadata_takes_round_from_breadcrumb_and_date_from_signature_not_page()
    {
        Assert.Equal(new InspectedUnit("高明区", "佛山市高明区", "佛山市", "广东省", "county", "party_committee"), Gaoming.Unit);
        Assert.Equal(new Inspection("省委", "省委第十巡视组", "十二届省委第六轮", new DateOnly(2020, 5, 25), new DateOnly(2020, 7, 10), new DateOnly(2020, 9, 16)), Gaoming.Inspection);
        Assert.Equal(new DateOnly(2021, 5, 6), Gaoming.PublishedDate);
        Assert.Equal("中共佛山市高明区委", Gaoming.Issuer);
        Assert.Equal("中共佛山市高明区委关于巡视整改进展情况的通报", Gaoming.Title);
    }

    [Fact]
    public void Gaoling_paths_headings_and_ids_follow_the_conventions()
    {
        var idle = At(Gaoling, "二/(一)/3/(12)");
        Assert.StartsWith("土地闲置问题较为突出,全区现有4千多亩", idle.Statement);
        Assert.Equal("关于“推动高质量发展成效不明显”问题的整改情况", idle.Aspect);
        Assert.Equal(3, idle.Headings.Count);
        Assert.Equal("始终高标准严要求,推动巡视整改工作取得实效", idle.Headings[0]);
        Assert.Equal(Gaoling.Id + "-p12", idle.Id);
        var only = Assert.Single(idle.Measures);
        Assert.Null(only.Ordinal);
        Assert.Equal(idle.Id + "-m1", only.Id);

        Assert.Equal("二/(四)/(38)", Gaoling.Problems[37].Path);
        Assert.Equal("巡视、审计等监督发现问题整改不彻底,长效机制尚未形成方面", Gaoling.Problems[37].Aspect);
    }

    [Fact]
    public void Gaoling_measures_belong_to_their_own_problem()
    {
        var secondment = At(Gaoling, "二/(三)/2/(35)");
        Assert.StartsWith("借调干部不规范且数量多", secondment.Statement);
        Assert.Equal(["一是", "二是", "三是"], secondment.Measures.Select(m => m.Ordinal));
        Assert.Contains("《关于开展干部借调摸排工作的通知》", secondment.Measures[0].Documents);
        Assert.Equal(MeasureStatus.Done, secondment.Measures[2].Status);

        var green = At(Gaoling, "二/(一)/2/(7)");
        Assert.StartsWith("完成2020年新增14万㎡城市绿地面积任务", Assert.Single(green.Measures).Text);

        // The last problem keeps its one measure and not the closing plans or the contact block.
        var last = Gaoling.Problems[^1];
        Assert.DoesNotContain("下一步", last.Measures[^1].Text);
        Assert.DoesNotContain("欢迎广大", last.Measures[^1].Text);
        // No measure runs into the next numbered problem.
        Assert.All(Gaoling.Problems.SelectMany(p => p.Measures), m => Assert.DoesNotMatch(@"\(\d{1,2}\)", m.Text));
    }

    [Fact]
    public void Gaoming_explicit_problems_take_the_statement_from_the_针对_heading()
    {
        var illegal = At(Gaoming, "二/第一方面/(四)/3");
        Assert.Equal("“两违”问题整治不力问题", illegal.Statement);
        Assert.Equal("关于推进乡村振兴战略和基层治理存在短板问题", illegal.Aspect);
        Assert.Equal(["紧盯巡视反馈问题,逐条逐项真改实改,推动巡视整改工作取得阶段性成效", "贯彻落实党的理论路线方针政策和党中央重大决策部署不够坚决", "关于推进乡村振兴战略和基层治理存在短板问题"], illegal.Headings);

        var first = Gaoming.Problems[0];
        Assert.Equal("学以致用有差距问题", first.Statement);
        Assert.Equal(["一是", "二是", "三是"], first.Measures.Select(m => m.Ordinal));
        // (1)…(6) are sub-items of the first measure, not problems or measures of their own.
        Assert.Equal(["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"], first.Measures[0].Items.Select(i => i.Ordinal));
        Assert.StartsWith("狠抓学思践悟", first.Measures[0].Items[0].Text);
        Assert.Contains("(6)厚植高明生态优势", first.Measures[0].Text);
        Assert.Equal(2, first.Measures[1].Items.Count);

        var mixed = At(Gaoming, "二/第三方面/(三)/4");
        Assert.Equal("混编混岗问题突出等问题", mixed.Statement);
        Assert.Equal(3, mixed.Measures.Count);
        Assert.StartsWith("全面清理整改", mixed.Measures[0].Text);
    }

    [Fact]
    public void Gaoming_heading_only_section_is_one_problem_with_its_items_as_measures()
    {
        var ideology = At(Gaoming, "二/第一方面/(五)");
        Assert.Equal("关于落实意识形态工作责任制方面存在的问题", ideology.Statement);
        Assert.Equal(["1.", "2.", "3."], ideology.Measures.Select(m => m.Ordinal));
        Assert.StartsWith("强化责任意识", ideology.Measures[0].Text);
        Assert.Equal("贯彻落实党的理论路线方针政策和党中央重大决策部署不够坚决", ideology.Aspect);
    }

    [Fact]
    public void Gaoming_problem_without_一是_has_one_unnumbered_measure_and_the_last_keeps_out_the_plans()
    {
        var fund = At(Gaoming, "二/第二方面/(三)/1");
        Assert.Equal("住房公积金缴存方面存在的问题", fund.Statement);
        Assert.Null(Assert.Single(fund.Measures).Ordinal);
        var last = Gaoming.Problems[^1];
        Assert.Equal("审计发现问题整改不到位问题", last.Statement);
        Assert.DoesNotContain("坚持高质量发展导向", last.Measures[^1].Text);
    }

    [Fact]
    public void Organisation_plans_preamble_and_closing_are_sections_not_problems()
    {
        foreach (var report in new[] { Gaoling, Gaoming })
        {
            Assert.Equal([SectionKind.Preamble, SectionKind.Organisation, SectionKind.Plans, SectionKind.Closing], report.Sections.Select(s => s.Kind));
            Assert.StartsWith("根据省委统一部署", report.Sections[0].Text);
            Assert.Equal("一", report.Sections[1].Path);
            Assert.Equal("三", report.Sections[2].Path);
            Assert.Contains("欢迎广大干部群众", report.Sections[3].Text);
        }
        Assert.Equal("下一步打算", Gaoling.Sections[2].Heading);
    }

    [Fact]
    public void Page_furniture_of_the_web_copy_is_not_report_text()
    {
        var everything = string.Join("\n", Gaoming.Sections.Select(s => s.Text).Concat(Gaoming.Problems.SelectMany(p => p.Measures.Select(m => m.Text))));
        Assert.DoesNotContain("所在位置", everything);
        Assert.DoesNotContain("来源:本网原创稿", everything);
        Assert.DoesNotContain("主办单位", everything);
        Assert.DoesNotContain("ICP备", everything);
        Assert.DoesNotContain("附件", everything);
    }
}
