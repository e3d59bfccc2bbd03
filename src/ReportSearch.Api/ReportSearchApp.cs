using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReportSearch.Core.Model;
using ReportSearch.Index;

namespace ReportSearch.Api;

/// <summary>
/// Builds the ReportSearch web application: the same app for `reportsearch serve` and for the tests, which start it
/// on a real loopback port.
/// </summary>
public static class ReportSearchApp
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <param name="index">The index the app reads and writes; the caller opens it (and seeds it when empty).</param>
    /// <param name="urls">Where Kestrel listens; "http://127.0.0.1:0" picks a free port.</param>
    /// <param name="configure">Extra configuration, applied last (tests use it to change options).</param>
    public static WebApplication Build(ReportIndex index, string? urls = null, IDictionary<string, string?>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = AppContext.BaseDirectory,
        });
        if (configure is not null) builder.Configuration.AddInMemoryCollection(configure);
        builder.WebHost.UseUrls(urls ?? DefaultUrls);

        var apiOptions = builder.Configuration.GetSection(ApiOptions.Section).Get<ApiOptions>() ?? new ApiOptions();
        builder.Services.Configure<ApiOptions>(builder.Configuration.GetSection(ApiOptions.Section));
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = apiOptions.MaxUploadBytes;
            k.Limits.MaxRequestLineSize = Math.Max(apiOptions.MaxRequestLineBytes, apiOptions.MaxQueryLength * 2);
            k.Limits.MaxRequestHeadersTotalSize = k.Limits.MaxRequestLineSize + 32 * 1024;
            k.Limits.MaxRequestBufferSize = Math.Max(k.Limits.MaxRequestBufferSize ?? 0, k.Limits.MaxRequestHeadersTotalSize * 2L);
        });
        builder.Services.AddProblemDetails();
        // A query value that does not bind (perReport=abc, matrix=maybe) throws, so the exception handler answers it like
        // any rejected input (problem+json naming the parameter and the value), not with a bare 400 without a detail.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddOpenApi();
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Encoder = ReportJson.Options.Encoder;
            o.SerializerOptions.DefaultIgnoreCondition = ReportJson.Options.DefaultIgnoreCondition;
        });
        // The core of authentication only: the full AddAuthentication also brings data protection, which would write
        // keys under the user's home for cookies this service never issues.
        builder.Services.AddWebEncoders();
        builder.Services.AddAuthenticationCore(o =>
        {
            o.AddScheme<ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
            o.DefaultScheme = ApiKeyAuthentication.SchemeName;
        });
        builder.Services.AddAuthorization();
        builder.Services.AddSingleton(index);
        builder.Services.AddSingleton<WriterGate>();

        var app = builder.Build();
        app.UseResponseHardening();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = Problems.WriteAsync,
            // The user's mistakes are logged by Problems as one warning line, not as `fail:` with a stack trace.
            SuppressDiagnosticsCallback = c => Problems.IsUserError(c.Exception),
        });
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseStaticFiles(new StaticFileOptions { FileProvider = WebPage.Files });
        app.MapOpenApi();
        ApiRoutes.Map(app);
        return app;
    }

    /// <summary>The address Kestrel actually bound (useful with port 0).</summary>
    public static Uri BoundAddress(this WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
}
