using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ReportSearch.Api;

/// <summary>The services route handlers use: the index store and the search, compare and classification services over it.</summary>
internal static class ApiServices
{
    public static void Add(IServiceCollection services, IConfiguration configuration, string indexPath)
    {
    }
}
