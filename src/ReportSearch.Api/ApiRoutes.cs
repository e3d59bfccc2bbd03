using ReportSearch.Index;

namespace ReportSearch.Api;

/// <summary>Every route of the service, in one place (CONTRACT.md's HTTP table). Handlers stay thin: they call a service.</summary>
internal static class ApiRoutes
{
    public static void Map(WebApplication app)
    {
        // The page: one HTML document; the script shows search, compare or a report from the URL.
        app.MapGet("/", WebPage.Index).ExcludeFromDescription();
        app.MapGet("/compare", WebPage.Index).ExcludeFromDescription();
        app.MapGet("/report/{id}", (string id) => WebPage.Index()).ExcludeFromDescription();

        app.MapGet("/health", (ReportIndex index) => Results.Ok(new { status = "ok", reports = index.Store.CountReports() }));

        var api = app.MapGroup("/api");
        api.MapGet("/search", (HttpRequest r, ReportIndex index, CancellationToken c) => index.Search.SearchAsync(SearchQuery.From(r.Query), c));
        api.MapGet("/reports", ReportRoutes.List);
        api.MapGet("/reports/{id}", ReportRoutes.Get);
        api.MapGet("/categories", (ReportIndex index) => CategoryScheme.Of(index.Store.CategoryCounts()));
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
        writes.MapPut("/problems/{id}/categories", (string id, CategoryChange change, ReportIndex index) =>
            index.Categories!.Correct(id, change.Categories));
    }
}
