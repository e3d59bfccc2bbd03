using ReportSearch.Core.Model;

namespace ReportSearch.Core.Comparison;

/// <summary>What to compare: the query as shown, the scored problems, and how many matches per report.</summary>
/// <param name="Reports">When not null, only these reports take part (<c>--reports</c>).</param>
/// <param name="ProblemId">The problem a comparison starts from, if any.</param>
/// <param name="Pinned">A problem shown first whatever its score, outside the floor (the problem compared from).</param>
/// <param name="TermFloor">Apply the term floor; off for similar problems, found by meaning rather than wording.</param>
public sealed record CompareRequest(
    string Query,
    IReadOnlyList<ProblemScore> Candidates,
    int PerReport,
    IReadOnlySet<string>? Reports = null,
    string? ProblemId = null,
    ProblemScore? Pinned = null,
    bool TermFloor = true);

/// <summary>
/// Turns scored problems into the compare document: drops matches under the relevance floor, keeps a report's best
/// few, attaches every measure with its types, orders reports by their best match and lines measures up by type.
/// Pure: the scores come from the search service, the reports from the store. Without <paramref name="coverage"/>
/// only the score floors apply.
/// </summary>
public sealed class ComparisonBuilder(MeasureTypeRecognizer recognizer, CompareOptions options, QueryCoverage? coverage = null)
{
    public CompareResult Build(CompareRequest request, Func<string, RectificationReport?> findReport)
    {
        var candidates = request.Candidates
            .Where(c => request.Reports is null || request.Reports.Contains(c.ReportId))
            .ToList();
        var best = candidates.Count == 0 ? 0 : candidates.Max(c => c.Score);
        var floor = Math.Max(options.MinScore, best * options.RelativeFloor);
        // Score floors first: they are cheap, and the term floor then reads only the reports still in the running.
        IEnumerable<ProblemScore> kept = candidates.Where(c => c.Score >= floor && c.Score > 0).ToList();
        if (request.TermFloor && coverage is not null) kept = HoldingTheTerms(request.Query, (List<ProblemScore>)kept, findReport);
        if (request.Pinned is { } pinned) kept = kept.Where(c => c.ProblemId != pinned.ProblemId).Prepend(pinned);

        var groups = new List<CompareGroup>();
        foreach (var byReport in kept.GroupBy(c => c.ReportId))
        {
            var report = findReport(byReport.Key);
            if (report is null) continue;
            var problems = report.Problems.ToDictionary(p => p.Id, StringComparer.Ordinal);
            var matches = byReport
                .GroupBy(c => c.ProblemId).Select(g => g.MaxBy(c => c.Score)!)
                .Where(c => problems.ContainsKey(c.ProblemId))
                .OrderByDescending(c => c == request.Pinned).ThenByDescending(c => c.Score).ThenBy(c => c.ProblemId, StringComparer.Ordinal)
                .Take(request.PerReport)
                .Select(c => Match(problems[c.ProblemId], c.Score))
                .ToList();
            if (matches.Count == 0) continue;
            groups.Add(new CompareGroup
            {
                ReportId = report.Id, Unit = report.Unit.Name, City = report.Unit.City, Province = report.Unit.Province,
                PublishedDate = report.PublishedDate, Title = report.Title,
                BestScore = matches[0].Score, Matches = matches,
            });
        }
        groups = groups
            .OrderByDescending(g => request.Pinned is { } p && g.ReportId == p.ReportId)
            .ThenByDescending(g => g.BestScore).ThenBy(g => g.ReportId, StringComparer.Ordinal).ToList();
        return new CompareResult
        {
            Query = request.Query, ProblemId = request.ProblemId, Groups = groups, Alignment = Align(groups),
        };
    }

    /// <summary>The term floor: when the query is in the reports' own words, only problems that hold enough of them.</summary>
    private List<ProblemScore> HoldingTheTerms(string query, List<ProblemScore> candidates, Func<string, RectificationReport?> findReport)
    {
        var terms = coverage!.TermsOf(query);
        var shares = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var c in candidates)
        {
            if (shares.ContainsKey(c.ProblemId)) continue;
            var problem = findReport(c.ReportId)?.Problems.FirstOrDefault(p => p.Id == c.ProblemId);
            shares[c.ProblemId] = problem is null ? 0 : coverage.Of(terms, problem);
        }
        if (shares.Count == 0 || shares.Values.Max() < options.TermGate) return candidates;
        return candidates.Where(c => shares[c.ProblemId] >= options.MinTermCoverage).ToList();
    }

    private CompareMatch Match(Problem problem, double score) => new()
    {
        ProblemId = problem.Id, Path = problem.Path, Aspect = problem.Aspect, Statement = problem.Statement,
        Score = Math.Round(score, 4), Categories = problem.Categories,
        Measures = problem.Measures.Select(Typed).ToList(),
    };

    private ComparedMeasure Typed(Measure measure)
    {
        var typing = recognizer.Recognize(measure);
        return new ComparedMeasure
        {
            Id = measure.Id, Ordinal = measure.Ordinal, Text = measure.Text, Documents = measure.Documents,
            Quantities = measure.Quantities, Status = measure.Status,
            Type = typing.Primary, TypeName = recognizer.Catalog.NameOf(typing.Primary), Types = typing.Types,
        };
    }

    /// <summary>Rows in catalog order for the types any measure fits, then one for measures that fit none.</summary>
    private List<AlignmentRow> Align(IReadOnlyList<CompareGroup> groups)
    {
        var rows = new List<AlignmentRow>();
        var typeIds = recognizer.Catalog.Types.Select(t => t.Id).Append(MeasureTypeCatalog.OtherId);
        foreach (var typeId in typeIds)
        {
            var isOther = typeId == MeasureTypeCatalog.OtherId;
            var cells = groups.Select(g =>
            {
                var measures = g.Matches.SelectMany(m => m.Measures)
                    .Where(m => isOther ? m.Type is null : m.Types.Contains(typeId)).ToList();
                return new AlignmentCell
                {
                    ReportId = g.ReportId, Unit = g.Unit,
                    MeasureIds = measures.Select(m => m.Id).ToList(),
                    PrimaryMeasureIds = measures.Where(m => isOther || m.Type == typeId).Select(m => m.Id).ToList(),
                };
            }).ToList();
            if (cells.All(c => c.MeasureIds.Count == 0)) continue;
            rows.Add(new AlignmentRow
            {
                Type = typeId, Name = recognizer.Catalog.NameOf(typeId), Cells = cells,
                MissingIn = cells.Where(c => c.MeasureIds.Count == 0).Select(c => c.Unit ?? c.ReportId).ToList(),
            });
        }
        return rows;
    }
}
