using ReportSearch.Core;
using ReportSearch.Index;
using ReportSearch.Index.Storage;

namespace ReportSearch.Api;

/// <summary>Every route of the service, in one place (docs/contract.md's HTTP tables). Handlers stay thin: they call a service.</summary>
internal static class ApiRoutes
{
    public static void Map(WebApplication app)
    {
        // The page: one HTML document; the script shows the overview, search, compare, upload or a report from the URL.
        app.MapGet("/", WebPage.Index).ExcludeFromDescription();
        app.MapGet("/compare", WebPage.Index).ExcludeFromDescription();
        app.MapGet("/upload", WebPage.Index).ExcludeFromDescription();
        app.MapGet("/review", WebPage.Index).ExcludeFromDescription();
        app.MapGet("/report/{id}", (string id) => WebPage.Index()).ExcludeFromDescription();
        // Any other path: the page with status 404 (it shows its not-found view); under /api a problem+json 404.
        app.MapFallback(WebPage.NotFound).ExcludeFromDescription();

        app.MapGet("/health", (ReportIndex index) => Results.Ok(new { status = "ok", reports = index.Store.CountReports() }));

        var api = app.MapGroup("/api");
        api.MapGet("/search", (HttpRequest r, ReportIndex index, CancellationToken c) => index.Search.SearchAsync(SearchQuery.From(r.Query), c))
            .AddOpenApiOperationTransformer(SearchParameters.Describe);
        api.MapGet("/overview", (ReportIndex index) => new OverviewQueries(index.Store).Read());
        api.MapGet("/capabilities", Capabilities.Of);
        api.MapGet("/problems/{id}", (string id, ReportIndex index) => index.Store.FindProblem(id)
            ?? throw new InputRejectedException($"no problem with id '{id}' is indexed; search hits carry problemId", InputRejection.NotFound));
        api.MapGet("/reports", ReportRoutes.List);
        api.MapGet("/reports/{id}", ReportRoutes.Get);
        api.MapGet("/categories", (ReportIndex index) => CategoryScheme.Of(index.Store.CategoryCounts()));
        api.MapGet("/review", (ReportIndex index, int? top) => index.Categories!.Review(top));
        api.MapGet("/compare", (ReportIndex index, string? q, int? perReport, string? reports, CancellationToken c) =>
            index.Compare.CompareAsync(q, perReport, reports, c));
        api.MapGet("/problems/{id}/similar", (ReportIndex index, string id, int? perReport, string? reports, CancellationToken c) =>
            index.Compare.SimilarAsync(id, perReport, reports, includeSource: false, c));
        api.MapGet("/export", async (ReportIndex index, string? q, string? format, int? perReport, string? reports, bool? matrix, CancellationToken c) =>
            Download.Of(await index.Export.ExportAsync(q, format, perReport, reports, matrix ?? false, c)));

        var writes = api.MapGroup("").RequireAuthorization();
        writes.MapPost("/reports", ReportRoutes.Add).DisableAntiforgery();
        writes.MapPut("/reports/{id}", ReportRoutes.Replace).DisableAntiforgery();
        writes.MapDelete("/reports/{id}", ReportRoutes.Delete);
        writes.MapPut("/problems/{id}/categories", async (string id, CategoryChange change, ReportIndex index, WriterGate gate, CancellationToken c) =>
        {
            using var writer = await gate.EnterAsync(c);
            return index.CorrectCategories(id, change.Categories);
        });
    }
}
