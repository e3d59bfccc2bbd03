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
    }
}
