using Microsoft.Extensions.Configuration;
using ReportSearch.Cli.Bench;
using ReportSearch.Core.Comparison;
using ReportSearch.Core.Input;
using ReportSearch.Index.Embeddings;
using ReportSearch.Index.Search;

namespace ReportSearch.Cli;

/// <summary>The "ReportSearch" section of appsettings.json next to the binary, overridable by REPORTSEARCH_ environment variables.</summary>
public static class CliSettings
{
    private static readonly Lazy<IConfiguration> Configuration = new(() => new ConfigurationBuilder()
        .SetBasePath(AppContext.BaseDirectory)
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables("REPORTSEARCH_")
        .Build());

    public static ReportInputOptions Input()
    {
        var options = new ReportInputOptions();
        Configuration.Value.GetSection("ReportSearch:Input").Bind(options);
        return options;
    }

    public static EmbeddingOptions Embedding() => Configuration.Value.GetSection(EmbeddingOptions.Section).Get<EmbeddingOptions>() ?? new();

    public static CompareOptions Compare() => Configuration.Value.GetSection(CompareOptions.Section).Get<CompareOptions>() ?? new();

    public static RankingOptions Ranking() => Configuration.Value.GetSection(RankingOptions.Section).Get<RankingOptions>() ?? new();

    public static BenchOptions Bench() => Configuration.Value.GetSection(BenchOptions.Section).Get<BenchOptions>() ?? new();
}
