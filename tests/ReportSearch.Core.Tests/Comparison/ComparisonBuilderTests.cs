using ReportSearch.Core.Analysis;
using ReportSearch.Core.Comparison;
using ReportSearch.Core.Model;

namespace ReportSearch.Core.Tests.Comparison;

/// <summary>Two districts' answers to 借调, as the seeds state them, for the builder and the exporters.</summary>
internal static class SampleComparison
{
    public static RectificationReport Gaoling { get; } = new()
    {
        Id = "a859e88ebbc2d2c3", Title = "高陵区巡视整改进展情况", PublishedDate = new DateOnly(2022, 5, 6),
        Unit = new InspectedUnit("高陵区", "西安市高陵区", "西安市", "陕西省", "county"), Inspection = Inspection.Unknown,
        Problems =
        [
            new Problem
            {
                Id = "a859e88ebbc2d2c3-p35", Path = "二/(三)/2/(35)", Aspect = "干部队伍建设欠账多",
                Statement = "借调干部不规范且数量多。未经相关报备程序,区农业农村和林业局等5个部门借调下属单位干部187人。",
                Categories = ["cadre_management"],
                Measures =
                [
                    Measure("a859e88ebbc2d2c3-p35-m1", "一是", "一是区委组织部印发《关于开展干部借调摸排工作的通知》,对全区借调干部全面摸底。", ["关于开展干部借调摸排工作的通知"]),
                    Measure("a859e88ebbc2d2c3-p35-m2", "二是", "二是完善《西安市高陵区区内借调干部工作规范》,明确了借调审批程序。", ["西安市高陵区区内借调干部工作规范"]),
                    Measure("a859e88ebbc2d2c3-p35-m3", "三是", "三是印发《通知》,集中开展借调干部清理规范工作,目前已全部整改到位。", ["通知"], MeasureStatus.Done),
                ],
            },
            new Problem
            {
                Id = "a859e88ebbc2d2c3-p18", Path = "二/(一)/5/(18)", Statement = "社区工作者缺口较大。", Categories = ["livelihood"],
                Measures = [Measure("a859e88ebbc2d2c3-p18-m2", "二是", "二是清理街办及部门借调的社区工作人员21人。", [])],
            },
        ],
    };

    public static RectificationReport Gaoming { get; } = new()
    {
        Id = "63dd2cdd5dcf940c", PublishedDate = new DateOnly(2021, 5, 6),
        Unit = new InspectedUnit("高明区", "佛山市高明区", "佛山市", "广东省", "county"), Inspection = Inspection.Unknown,
        Problems =
        [
            new Problem
            {
                Id = "63dd2cdd5dcf940c-p32", Path = "二/第三方面/(三)/4", Statement = "混编混岗问题突出等问题", Categories = ["cadre_management"],
                Measures =
                [
                    Measure("63dd2cdd5dcf940c-p32-m1", "一是", "一是全面清理整改。对全区机关事业单位进行全覆盖摸排,对违规借调人员,已于2020年10月中旬前全部安排返回编制所在单位工作。", [], MeasureStatus.Done),
                    Measure("63dd2cdd5dcf940c-p32-m2", "二是", "二是完善长效监管机制。规范借调人员管理机制,并由借入单位与原单位双方签订《借调人员协议书》,明确借调期限。", ["借调人员协议书"]),
                    Measure("63dd2cdd5dcf940c-p32-m3", "三是", "三是深化事业单位改革。制定事业单位改革方案,科学优化编制资源配置。", [], MeasureStatus.InProgress),
                ],
            },
        ],
    };

    private static Measure Measure(string id, string ordinal, string text, string[] documents, string? status = null) => new()
    {
        Id = id, Ordinal = ordinal, Text = text, Documents = documents, Status = status,
        Quantities = text.Contains("21人") ? [new Quantity(21, "人", "21人")] : [],
    };

    public static RectificationReport? Find(string id) =>
        id == Gaoling.Id ? Gaoling : id == Gaoming.Id ? Gaoming : null;

    public static ComparisonBuilder Builder { get; } =
        new(new MeasureTypeRecognizer(MeasureTypeCatalog.Default), new CompareOptions { RelativeFloor = 0.5 });

    /// <summary>The comparison of 借调 as search would score it: 高明区's problem first, 高陵区's close behind, one weak hit.</summary>
    public static CompareResult Result { get; } = Builder.Build(new CompareRequest("干部借调",
        [
            new ProblemScore(Gaoming.Id, "63dd2cdd5dcf940c-p32", 0.95),
            new ProblemScore(Gaoling.Id, "a859e88ebbc2d2c3-p35", 0.90),
            new ProblemScore(Gaoling.Id, "a859e88ebbc2d2c3-p18", 0.30),
        ], PerReport: 3), Find);
}

public class ComparisonBuilderTests
{
    [Fact]
    public void Reports_are_ordered_by_best_match_and_weak_matches_fall_under_the_floor()
    {
        var result = SampleComparison.Result;
        Assert.Equal(["高明区", "高陵区"], result.Groups.Select(g => g.Unit));
        var gaoling = result.Groups[1];
        Assert.Equal(["a859e88ebbc2d2c3-p35"], gaoling.Matches.Select(m => m.ProblemId)); // p18 at 0.30 < 0.5 × 0.95
        Assert.Equal(3, gaoling.Matches[0].Measures.Count);
        Assert.Equal(["cadre_management"], gaoling.Matches[0].Categories);
        Assert.Equal(new DateOnly(2022, 5, 6), gaoling.PublishedDate);
    }

    [Fact]
    public void Every_measure_keeps_its_documents_status_and_gets_a_type()
    {
        var measures = SampleComparison.Result.Groups.SelectMany(g => g.Matches).SelectMany(m => m.Measures).ToList();
        var first = measures.Single(m => m.Id == "a859e88ebbc2d2c3-p35-m1");
        Assert.Equal(["关于开展干部借调摸排工作的通知"], first.Documents);
        Assert.Equal("issue_document", first.Type);
        Assert.Equal("印发文件", first.TypeName);
        Assert.Equal(MeasureStatus.Done, measures.Single(m => m.Id == "63dd2cdd5dcf940c-p32-m1").Status);
        Assert.Equal("clearance", measures.Single(m => m.Id == "63dd2cdd5dcf940c-p32-m1").Type);
    }

    [Fact]
    public void Alignment_shows_what_one_district_did_and_the_other_did_not()
    {
        var alignment = SampleComparison.Result.Alignment;
        var mechanism = alignment.Single(r => r.Type == "mechanism");
        Assert.Equal(["63dd2cdd5dcf940c-p32-m2"], mechanism.Cells[0].MeasureIds);
        Assert.Empty(mechanism.Cells[1].MeasureIds);
        Assert.Equal(["高陵区"], mechanism.MissingIn);

        var documents = alignment.Single(r => r.Type == "issue_document");
        Assert.Equal(["高明区", "高陵区"], documents.Cells.Select(c => c.Unit));
        Assert.Contains("a859e88ebbc2d2c3-p35-m1", documents.Cells[1].PrimaryMeasureIds);
        Assert.Empty(documents.MissingIn);
        // Rows follow the catalog, so every comparison lists types in the same order.
        var order = MeasureTypeCatalog.Default.Types.Select(t => t.Id).Append("other").ToList();
        Assert.Equal(alignment.Select(r => r.Type).OrderBy(order.IndexOf), alignment.Select(r => r.Type));
    }

    [Fact]
    public void Narrowing_to_reports_drops_the_others()
    {
        var result = SampleComparison.Builder.Build(new CompareRequest("干部借调",
            [new("63dd2cdd5dcf940c", "63dd2cdd5dcf940c-p32", 0.95), new("a859e88ebbc2d2c3", "a859e88ebbc2d2c3-p35", 0.9)],
            PerReport: 3, Reports: new HashSet<string> { "a859e88ebbc2d2c3" }), SampleComparison.Find);
        Assert.Equal(["高陵区"], result.Groups.Select(g => g.Unit));
        Assert.All(result.Alignment, r => Assert.Single(r.Cells));
    }

    [Fact]
    public void A_pinned_problem_leads_whatever_its_score_and_does_not_raise_the_floor()
    {
        var result = SampleComparison.Builder.Build(new CompareRequest("混编混岗问题突出等问题",
            [new("a859e88ebbc2d2c3", "a859e88ebbc2d2c3-p35", 0.6), new("a859e88ebbc2d2c3", "a859e88ebbc2d2c3-p18", 0.5)],
            PerReport: 3, ProblemId: "63dd2cdd5dcf940c-p32", Pinned: new("63dd2cdd5dcf940c", "63dd2cdd5dcf940c-p32", 0.1)),
            SampleComparison.Find);
        Assert.Equal(["高明区", "高陵区"], result.Groups.Select(g => g.Unit));
        Assert.Equal("63dd2cdd5dcf940c-p32", result.Groups[0].Matches[0].ProblemId);
        Assert.Equal("63dd2cdd5dcf940c-p32", result.ProblemId);
        // The floor comes from the others' best (0.6), not from the pinned problem.
        Assert.Equal(["a859e88ebbc2d2c3-p35", "a859e88ebbc2d2c3-p18"], result.Groups[1].Matches.Select(m => m.ProblemId));
    }

    [Fact]
    public void Term_floor_drops_a_district_that_does_not_use_the_query_words_unless_nobody_does()
    {
        var builder = new ComparisonBuilder(new MeasureTypeRecognizer(MeasureTypeCatalog.Default), new CompareOptions(),
            new QueryCoverage(new ChineseAnalyzer()));
        ProblemScore[] scored = [new("63dd2cdd5dcf940c", "63dd2cdd5dcf940c-p32", 0.99), new("a859e88ebbc2d2c3", "a859e88ebbc2d2c3-p35", 0.97)];

        // 高明区 signs secondment agreements; 高陵区's problem, close in score, says nothing of the kind.
        var worded = builder.Build(new CompareRequest("签订协议书", scored, 3), SampleComparison.Find);
        Assert.Equal(["高明区"], worded.Groups.Select(g => g.Unit));

        // A thesaurus equivalent holds a word: 高陵区 never writes 混编混岗 but its problem is 借调.
        var equivalent = builder.Build(new CompareRequest("混编混岗", scored, 3), SampleComparison.Find);
        Assert.Equal(["高明区", "高陵区"], equivalent.Groups.Select(g => g.Unit));

        // A paraphrase neither report words that way: the score floors alone decide.
        var paraphrase = builder.Build(new CompareRequest("工作人员被上级长期抽走", scored, 3), SampleComparison.Find);
        Assert.Equal(["高明区", "高陵区"], paraphrase.Groups.Select(g => g.Unit));

        // Similar problems are found by meaning: no term floor.
        var similar = builder.Build(new CompareRequest("混编混岗", scored, 3, TermFloor: false), SampleComparison.Find);
        Assert.Equal(2, similar.Groups.Count);
    }

    [Fact]
    public void Per_report_limits_the_matches_and_nothing_relevant_gives_no_groups()
    {
        var one = SampleComparison.Builder.Build(new CompareRequest("借调",
            [new("a859e88ebbc2d2c3", "a859e88ebbc2d2c3-p35", 0.9), new("a859e88ebbc2d2c3", "a859e88ebbc2d2c3-p18", 0.85)],
            PerReport: 1), SampleComparison.Find);
        Assert.Single(one.Groups[0].Matches);

        var none = SampleComparison.Builder.Build(new CompareRequest("桉树", [], PerReport: 3), SampleComparison.Find);
        Assert.Empty(none.Groups);
        Assert.Empty(none.Alignment);
    }
}
