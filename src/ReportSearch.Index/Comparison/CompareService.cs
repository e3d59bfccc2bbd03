using ReportSearch.Core;
using ReportSearch.Core.Analysis;
using ReportSearch.Core.Comparison;
using ReportSearch.Core.Model;
using ReportSearch.Index.Search;
using ReportSearch.Index.Storage;

namespace ReportSearch.Index.Comparison;

/// <summary>
/// The query side of comparison: candidates from hybrid search (problem and measure hits, each counting for its
/// problem), reports from the store, and the pure <see cref="ComparisonBuilder"/> in between.
/// `compare`, GET /api/compare and GET /api/problems/{id}/similar all come here.
/// </summary>
public sealed class CompareService(IndexStore store, SearchService search, ComparisonBuilder builder, CompareOptions options)
{
    /// <summary>The service with measure types recognised over the same analysis chain the index uses.</summary>
    public static CompareService Create(IndexStore store, SearchService search, ITextAnalyzer analyzer, CompareOptions options) =>
        new(store, search, new ComparisonBuilder(new MeasureTypeRecognizer(MeasureTypeCatalog.Default, analyzer), options, new QueryCoverage(analyzer)), options);

    /// <summary>What comparison aligns: problems and their measures (a section of a report without problems has nothing to align).</summary>
    private static readonly string[] Compared = ["problem", "measure"];

    /// <summary>Longest text of a problem used to look for similar ones: enough for its gist, within search's query limit.</summary>
    private const int SimilarQueryLength = 120;

    /// <param name="reports">Comma-separated report ids to narrow to, or null for all.</param>
    public async Task<CompareResult> CompareAsync(string? query, int? perReport, string? reports, CancellationToken cancel = default)
    {
        // Without words search would list everything; a comparison of the whole corpus is nobody's question.
        if (string.IsNullOrWhiteSpace(query))
            throw new InputRejectedException("say what to compare: the words of a problem, e.g. q=借调干部; or compare from one problem with /api/problems/{id}/similar (CLI: compare --problem ID)");
        var limit = PerReport(perReport);
        var only = Reports(reports);
        var hits = await search.SearchAsync(new SearchRequest(query) { Top = only is null ? options.CandidateHits : 1000, Kinds = Compared, Snippets = false, Facets = false }, cancel);
        var candidates = hits.Hits.Select(h => new ProblemScore(h.ReportId, h.ProblemId, h.Score)).ToList();
        return builder.Build(new CompareRequest(hits.Query, candidates, limit, only), Loader(candidates));
    }

    /// <summary>
    /// The problems of other reports nearest to one problem, searched with its statement (and the heading it sits under,
    /// which carries the topic when the statement is short). With <paramref name="includeSource"/> the problem itself
    /// leads the comparison, as `compare --problem` shows it; narrowing with <paramref name="reports"/> never drops it.
    /// </summary>
    public async Task<CompareResult> SimilarAsync(string problemId, int? perReport, string? reports, bool includeSource, CancellationToken cancel = default)
    {
        var limit = PerReport(perReport);
        var only = Reports(reports);
        var (report, problem) = FindProblem(problemId);
        var text = string.Join(' ', new[] { problem.Statement, problem.Aspect }.Where(s => !string.IsNullOrWhiteSpace(s)));
        var query = text.Length <= SimilarQueryLength ? text : text[..SimilarQueryLength];
        var hits = await search.SearchAsync(new SearchRequest(query) { Top = 1000, Kinds = Compared, Snippets = false, Facets = false }, cancel);
        var others = hits.Hits.Where(h => h.ReportId != report.Id)
            .Select(h => new ProblemScore(h.ReportId, h.ProblemId, h.Score)).ToList();
        // The problem compared from leads the comparison: it is the reference, not a search result.
        var pinned = includeSource ? new ProblemScore(report.Id, problemId, 1.0) : null;
        return builder.Build(new CompareRequest(problem.Statement, others, limit, only, problemId, pinned, TermFloor: false),
            Loader(pinned is null ? others : others.Append(pinned), pinned is null ? null : report));
    }

    private int PerReport(int? perReport)
    {
        var value = perReport ?? options.DefaultPerReport;
        if (value < 1 || value > options.MaxPerReport)
            throw new InputRejectedException($"per-report must be from 1 to {options.MaxPerReport}, not {value}");
        return value;
    }

    private HashSet<string>? Reports(string? reports)
    {
        if (string.IsNullOrWhiteSpace(reports)) return null;
        var ids = reports.Split([',', '，', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        var unknown = ids.FirstOrDefault(id => store.FindReport(id) is null);
        if (unknown is not null)
            throw new InputRejectedException($"no report '{unknown}' in the index; list the ids with `reportsearch reports` or GET /api/reports", InputRejection.NotFound);
        return ids;
    }

    private (RectificationReport Report, Problem Problem) FindProblem(string problemId)
    {
        // Problem ids are {reportId}-p{NN} (TEAM.md), so the report is found without scanning.
        var cut = problemId.LastIndexOf("-p", StringComparison.Ordinal);
        var report = cut > 0 ? store.GetReport(problemId[..cut], [problemId]) : null;
        var problem = report?.Problems.FirstOrDefault(p => p.Id == problemId);
        if (report is null || problem is null)
            throw new InputRejectedException($"no problem '{problemId}' in the index; problem ids look like <reportId>-p07 (see GET /api/reports/<id>)", InputRejection.NotFound);
        return (report, problem);
    }

    /// <summary>
    /// Each report read once per comparison, and only with its candidate problems: a report of 45 problems and 130 measures
    /// read whole for the two that matched was most of the time a comparison spent outside search.
    /// </summary>
    private Func<string, RectificationReport?> Loader(IEnumerable<ProblemScore> candidates, RectificationReport? alreadyRead = null)
    {
        var wanted = candidates.GroupBy(c => c.ReportId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(c => c.ProblemId).Distinct(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        var cache = new Dictionary<string, RectificationReport?>(StringComparer.Ordinal);
        // The source of a similar-problems comparison was read with just its one problem, as its pinned entry wants it.
        if (alreadyRead is not null) cache[alreadyRead.Id] = alreadyRead;
        return id => cache.TryGetValue(id, out var report) ? report
            : cache[id] = wanted.TryGetValue(id, out var problems) ? store.GetReport(id, problems) : null;
    }
}
