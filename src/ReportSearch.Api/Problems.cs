using Microsoft.AspNetCore.Diagnostics;
using ReportSearch.Core;

namespace ReportSearch.Api;

/// <summary>
/// Every error leaves as RFC 7807 problem+json with a sentence a person can act on; never a stack trace.
/// </summary>
internal static class Problems
{
    public static IResult Unauthorized(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");

    public static int StatusOf(InputRejection kind) => kind switch
    {
        InputRejection.NotFound => StatusCodes.Status404NotFound,
        InputRejection.TooLarge => StatusCodes.Status413PayloadTooLarge,
        InputRejection.UnsupportedType => StatusCodes.Status415UnsupportedMediaType,
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>The exception handler: rejected input gets its status and message; anything else a plain 500.</summary>
    public static async Task WriteAsync(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var (status, title, detail) = error switch
        {
            InputRejectedException e => (StatusOf(e.Kind), "Bad request", e.Message),
            BadHttpRequestException e => (e.StatusCode, "Bad request", e.Message),
            _ => (StatusCodes.Status500InternalServerError, "Internal error",
                  "the server failed while answering; the index is unchanged. Try again, and report it if it persists."),
        };
        if (status == StatusCodes.Status404NotFound) title = "Not found";
        await Results.Problem(detail: detail, statusCode: status, title: title).ExecuteAsync(context);
    }
}
