using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ReportSearch.Api;

/// <summary>
/// Guards write routes: they need <c>Authorization: Bearer &lt;key&gt;</c> matching the key in the environment.
/// With no key configured the service is read-only, so a forgotten variable never opens writes to everyone.
/// </summary>
internal sealed class ApiKeyFilter(IOptions<ApiOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var expected = Environment.GetEnvironmentVariable(options.Value.ApiKeyVariable);
        if (string.IsNullOrEmpty(expected))
            return Problems.Unauthorized($"writes are disabled on this server: start it with {options.Value.ApiKeyVariable} set to a key");

        var header = context.HttpContext.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            return Problems.Unauthorized("this route needs the API key: send 'Authorization: Bearer <key>'");

        // Constant-time comparison so the key cannot be guessed from response timings.
        var given = Encoding.UTF8.GetBytes(header[scheme.Length..].Trim());
        if (!CryptographicOperations.FixedTimeEquals(given, Encoding.UTF8.GetBytes(expected)))
            return Problems.Unauthorized("the API key is not valid");

        return await next(context);
    }
}
