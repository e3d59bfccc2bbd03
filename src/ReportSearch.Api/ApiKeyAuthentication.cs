using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ReportSearch.Api;

/// <summary>
/// The API key as an ASP.NET Core authentication scheme: write routes require it (<c>RequireAuthorization</c>), and a
/// request without it, with a wrong one, or to a server started without a key gets 401 problem+json saying which.
/// With no key configured the service is read-only, so a forgotten variable never opens writes to everyone.
/// </summary>
internal sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions, ILoggerFactory logger, UrlEncoder encoder, IOptions<ApiOptions> options)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    private const string Bearer = "Bearer ";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var expected = Environment.GetEnvironmentVariable(options.Value.ApiKeyVariable);
        if (string.IsNullOrEmpty(expected))
            return Task.FromResult(AuthenticateResult.Fail($"writes are disabled on this server: start it with {options.Value.ApiKeyVariable} set to a key"));

        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
            return Task.FromResult(AuthenticateResult.Fail("this route needs the API key: send 'Authorization: Bearer <key>'"));

        // Constant-time comparison so the key cannot be guessed from response timings.
        var given = Encoding.UTF8.GetBytes(header[Bearer.Length..].Trim());
        if (!CryptographicOperations.FixedTimeEquals(given, Encoding.UTF8.GetBytes(expected)))
            return Task.FromResult(AuthenticateResult.Fail("the API key is not valid"));

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "api-key")], Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.Headers.WWWAuthenticate = "Bearer";
        await Problems.Unauthorized(result.Failure?.Message ?? "this route needs the API key").ExecuteAsync(Context);
    }
}
