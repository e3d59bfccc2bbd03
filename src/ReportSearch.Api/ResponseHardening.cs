using Microsoft.Extensions.Options;

namespace ReportSearch.Api;

/// <summary>
/// First in the pipeline: security headers on every response, and a query string over the limit answered 414 as
/// problem+json (Kestrel's own request-line limit is raised above it, since Kestrel's 414 has no body).
/// </summary>
internal static class ResponseHardening
{
    // Scripts only from this origin (the page has no inline script); styles may be set inline by the chart library.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseResponseHardening(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        // Set as the response starts, so an error page (the exception handler clears the headers) carries them too.
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            return Task.CompletedTask;
        });

        var limit = context.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.MaxQueryLength;
        if (context.Request.QueryString.Value?.Length > limit)
        {
            await Problems.Reject(context, StatusCodes.Status414UriTooLong, "URI too long",
                $"the query string is {context.Request.QueryString.Value.Length:N0} characters, over the {limit:N0} this server accepts; shorten the query");
            return;
        }
        await next(context);
    });
}
