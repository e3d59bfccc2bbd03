using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Logging;
using ReportSearch.Core;

namespace ReportSearch.Api;

/// <summary>
/// Every error leaves as RFC 7807 problem+json with a sentence a person can act on; never a stack trace. The user's
/// mistakes are logged as one warning line; only our own failures are logged as errors with their stack.
/// </summary>
internal static partial class Problems
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

    /// <summary>Errors caused by the request, not by us: the exception handler leaves their logging to <see cref="Reject"/>.</summary>
    public static bool IsUserError(Exception? error) => error is InputRejectedException or BadHttpRequestException or IndexBusyException;

    // Minimal APIs' words for a query value that does not bind: Failed to bind parameter "Nullable<int> perReport" from "abc".
    [GeneratedRegex("""^Failed to bind parameter "(?<type>[^"]*) (?<name>\w+)" from "(?<value>.*)"\.$""")]
    private static partial Regex BindFailure();

    /// <summary>A binding failure said as the other parameter checks say it: the parameter, what it takes, what came.</summary>
    private static string? Unbound(string message)
    {
        if (BindFailure().Match(message) is not { Success: true } m) return null;
        var type = m.Groups["type"].Value;
        var takes = type.Contains("bool", StringComparison.OrdinalIgnoreCase) ? "true or false"
            : type.Contains("int", StringComparison.OrdinalIgnoreCase) ? "a whole number"
            : "a value of another form";
        return $"'{m.Groups["name"].Value}' must be {takes}, not '{m.Groups["value"].Value}'";
    }

    /// <summary>The exception handler: rejected input gets its status and message; anything else a plain 500.</summary>
    public static async Task WriteAsync(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var (status, detail) = error switch
        {
            InputRejectedException e => (StatusOf(e.Kind), e.Message),
            BadHttpRequestException e => (e.StatusCode, Unbound(e.Message) ?? e.Message),
            IndexBusyException e => (StatusCodes.Status503ServiceUnavailable, e.Message),
            _ => (StatusCodes.Status500InternalServerError,
                  "the server failed while answering; the index is unchanged. Try again, and report it if it persists."),
        };
        var title = status switch
        {
            StatusCodes.Status404NotFound => "Not found",
            StatusCodes.Status413PayloadTooLarge => "Payload too large",
            StatusCodes.Status415UnsupportedMediaType => "Unsupported media type",
            StatusCodes.Status500InternalServerError => "Internal error",
            StatusCodes.Status503ServiceUnavailable => "Index busy",
            _ => "Bad request",
        };
        if (IsUserError(error)) await Reject(context, status, title, detail);
        else await Results.Problem(detail: detail, statusCode: status, title: title).ExecuteAsync(context);
    }

    /// <summary>Answers a request the user can fix, and logs it as one warning line.</summary>
    public static Task Reject(HttpContext context, int status, string title, string detail)
    {
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("ReportSearch.Api")
            .LogWarning("{Method} {Path} answered {Status}: {Detail}", context.Request.Method, context.Request.Path, status, detail);
        return Results.Problem(detail: detail, statusCode: status, title: title).ExecuteAsync(context);
    }
}
