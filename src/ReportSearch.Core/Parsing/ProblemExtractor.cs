using System.Text.RegularExpressions;
using ReportSearch.Core.Model;
using ReportSearch.Core.Text;

namespace ReportSearch.Core.Parsing;

/// <summary>The report body as problems (with measures) and the sections that are not problems.</summary>
public sealed record ReportStructure(IReadOnlyList<Problem> Problems, IReadOnlyList<Section> Sections, IReadOnlyList<string> Warnings);

/// <summary>
/// Finds the problems in the numbering tree. Three shapes are problems:
/// <list type="bullet">
/// <item>an item whose text starts 针对 — "3.针对“两违”问题整治不力问题。一是…": the statement is that first sentence,
/// the measures follow in the same paragraph (seed 002);</item>
/// <item>a numbered paragraph with no sub-items followed by unnumbered paragraphs — "(12)土地闲置问题…" then
/// "一是…二是…": the paragraph is the statement, what follows the measures (seed 000);</item>
/// <item>a heading whose numbered items contain neither of the above — "(五)关于落实意识形态工作责任制方面存在的问题"
/// with items 1. 2. 3.: the heading is the statement and each item a measure.</item>
/// </list>
/// A heading that quotes a finding — "关于“…”问题的整改", "在“…”方面" — marks a problem or a group of them wherever it
/// sits. Top-level chapters (一、 二、 三、) that hold no problems are the organisation and plans sections around them, and
/// a chapter or heading on how rectification was organised (组织落实整改情况, 整改工作开展情况, 主要负责人…情况) is a
/// section even when its items are followed by 一是… paragraphs.
/// </summary>
public sealed partial class ProblemExtractor
{
    // A closing chapter on what comes next is plans, even when its items are followed by paragraphs.
    [GeneratedRegex("下一步|打算|今后|努力方向|工作计划")]
    private static partial Regex PlansHeading();

    [GeneratedRegex("组织落实|组织领导|整改工作(?:的)?(?:基本|组织|开展|推进)?情况|工作开展情况|基本情况|履行.{0,10}主体责任|主要负责人.{0,16}情况|提高政治站位|扛起.{0,16}责任")]
    private static partial Regex OrganisationHeading();

    // Words of a finding: a heading with them states a problem, whatever else it says.
    [GeneratedRegex("问题|不够|不到位|不足|不力|不严|不实|差距|薄弱|短板")]
    private static partial Regex FindingWords();

    [GeneratedRegex(@"^(?:关于|在)[“""].+[”""](?:等)?(?:方面|问题)")]
    private static partial Regex QuotedFinding();

    private readonly List<Problem> _problems = [];
    private readonly List<Section> _sections = [];
    private readonly List<string> _warnings = [];
    private string _reportId = "";

    public static ReportStructure Extract(OutlineNode root, string reportId)
    {
        var extractor = new ProblemExtractor { _reportId = reportId };
        extractor.Walk(root);
        return new ReportStructure(extractor._problems, extractor._sections, extractor._warnings);
    }

    private void Walk(OutlineNode root)
    {
        var preamble = Segments.Join(root.Body);
        if (!preamble.IsBlank) _sections.Add(new Section("", null, preamble.Original, SectionKind.Preamble));

        var chapters = root.Children.Where(c => c.Label!.Kind == LabelKind.Chapter).ToList();
        if (chapters.Count == 0 || root.Children.Count != chapters.Count)
        {
            // No 一、 chapters (or items before the first one): the whole body is searched as one chapter.
            if (HasProblems(root)) Collect(root, [], []);
            else NoStructure(root);
            return;
        }

        var first = chapters.FindIndex(IsProblemChapter);
        if (first < 0)
        {
            _warnings.Add("no problems found: no item starts with 针对 or quotes a finding (关于“…”问题, 在“…”方面), and no numbered paragraph is followed by its measures; the report is kept as its sections");
            foreach (var chapter in chapters) AddSection(chapter, [], IsOrganisation(chapter) ? SectionKind.Organisation : SectionKind.Other);
            return;
        }
        for (var i = 0; i < chapters.Count; i++)
        {
            var chapter = chapters[i];
            if (IsProblemChapter(chapter))
            {
                var intro = Segments.Join(chapter.Body);
                if (!intro.IsBlank) _sections.Add(new Section(chapter.Label!.PathPart, Heading(chapter), intro.Original, SectionKind.Other));
                Collect(chapter, [chapter.Label!.PathPart], [Heading(chapter)]);
            }
            else AddSection(chapter, [], i < first ? SectionKind.Organisation : SectionKind.Plans);
        }
    }

    private void Collect(OutlineNode node, List<string> path, List<string> headings)
    {
        var siblingsAreStated = node.Children.Any(IsStated);
        foreach (var child in node.Children)
        {
            List<string> childPath = [.. path, child.Label!.PathPart];
            if (IsOrganisation(child)) AddSection(child, path, SectionKind.Organisation);
            else if (IsExplicit(child)) AddExplicit(child, childPath, headings);
            else if (IsStated(child) || (siblingsAreStated && child.Children.Count == 0)) AddStated(child, childPath, headings);
            else if (child.Children.Count > 0 && HasProblems(child)) Collect(child, childPath, [.. headings, Heading(child)]);
            else if (child.Children.Count > 0) AddHeadingOnly(child, childPath, headings);
            else AddSection(child, path, SectionKind.Other);
        }
    }

    private static bool IsProblemChapter(OutlineNode chapter) =>
        HasProblems(chapter) && !PlansHeading().IsMatch(Heading(chapter)) && !IsOrganisation(chapter);

    // An organisation heading's items are not searched: their 一是… paragraphs are what was done, not findings.
    private static bool HasProblems(OutlineNode node) =>
        node.Children.Any(c => !IsOrganisation(c) && (IsExplicit(c) || IsStated(c) || IsQuotedFinding(c) || HasProblems(c)));

    /// <summary>A heading on how rectification was organised, not on what the inspection found.</summary>
    private static bool IsOrganisation(OutlineNode node)
    {
        var heading = node.HeadText.Normal;
        return node.Label is not null && OrganisationHeading().IsMatch(heading) && !FindingWords().IsMatch(heading);
    }

    /// <summary>"关于“…”问题的整改", "在“…”方面": the heading quotes the inspection's finding.</summary>
    private static bool IsQuotedFinding(OutlineNode node) => node.Label is not null && QuotedFinding().IsMatch(node.HeadText.Normal);

    /// <summary>"N.针对…问题。…": the inspection's finding is named after 针对.</summary>
    private static bool IsExplicit(OutlineNode node) =>
        node.Label is not null && node.HeadText.Normal.StartsWith("针对", StringComparison.Ordinal);

    /// <summary>A numbered paragraph with no sub-items whose measures follow it (or run on after 。一是).</summary>
    private static bool IsStated(OutlineNode node) =>
        node.Label is { Kind: >= LabelKind.Section } && node.Children.Count == 0
        && (node.Body.Count > 0 || RunOnMeasures(node.HeadText.Normal) > 0);

    private static int RunOnMeasures(string normal) => normal.IndexOf("。一是", StringComparison.Ordinal) is var i and >= 0 ? i + 1 : -1;

    private void AddExplicit(OutlineNode node, List<string> path, List<string> headings)
    {
        var text = node.FullText();
        var end = text.Normal.IndexOfAny(['。', ';', '\n']);
        var statement = (end < 0 ? text : text.Slice(0, end)).Slice(2).TrimEndPunctuation();
        var rest = end < 0 ? Passage.Empty : text.Slice(end + 1);
        AddProblem(path, headings, statement, MeasureSplitter.Split(rest));
    }

    private void AddStated(OutlineNode node, List<string> path, List<string> headings)
    {
        var head = node.HeadText;
        var runOn = node.Body.Count == 0 ? RunOnMeasures(head.Normal) : -1;
        var statement = runOn > 0 ? head.Slice(0, runOn) : head;
        var measures = runOn > 0 ? head.Slice(runOn) : Segments.Join(node.Body);
        AddProblem(path, headings, statement.Trim(), MeasureSplitter.Split(measures));
        if (measures.IsBlank) _warnings.Add($"problem {string.Join('/', path)} has no measures");
    }

    private void AddHeadingOnly(OutlineNode node, List<string> path, List<string> headings)
    {
        var measures = new List<MeasureText>();
        var lead = Segments.Join(node.Body);
        if (!lead.IsBlank) measures.Add(new MeasureText(null, lead, []));
        foreach (var item in node.Children)
        {
            var ordinal = item.Head!.Text.Normal[..item.Label!.Length].Trim();
            measures.Add(new MeasureText(ordinal, item.FullText(), []));
        }
        AddProblem(path, headings, node.HeadText.TrimEndPunctuation(), measures);
    }

    private void AddProblem(List<string> path, List<string> headings, Passage statement, List<MeasureText> measures)
    {
        var id = $"{_reportId}-p{_problems.Count + 1:D2}";
        _problems.Add(new Problem
        {
            Id = id,
            Path = string.Join('/', path),
            Aspect = headings.Count > 0 ? headings[^1] : null,
            Headings = headings.ToList(),
            Statement = statement.Original,
            Measures = measures.Select((m, i) => MeasureFacts.Read(m, $"{id}-m{i + 1}")).ToList(),
        });
    }

    private void AddSection(OutlineNode node, List<string> parentPath, string kind)
    {
        var path = string.Join('/', parentPath.Append(node.Label!.PathPart));
        _sections.Add(new Section(path, Heading(node), node.FullText().Original, kind));
    }

    private void NoStructure(OutlineNode root)
    {
        _warnings.Add("no numbered structure with problems found (一、/(一)/1./(1) items with 针对… or followed by measures); the paragraphs are kept as sections");
        // Without structure there is no preamble either: every paragraph is its own section.
        _sections.Clear();
        var i = 0;
        foreach (var paragraph in root.Body) _sections.Add(new Section($"{++i}", null, paragraph.Text.Original, SectionKind.Other));
        foreach (var node in root.Children) _sections.Add(new Section($"{++i}", null, node.FullText(withLabel: true).Original, SectionKind.Other));
    }

    private static string Heading(OutlineNode node) => node.HeadText.TrimEndPunctuation().Original;
}
