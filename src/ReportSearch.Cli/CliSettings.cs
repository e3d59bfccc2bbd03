using Microsoft.Extensions.Configuration;
using ReportSearch.Cli.Bench;
using ReportSearch.Core.Comparison;
using ReportSearch.Core.Input;
using ReportSearch.Index;

namespace ReportSearch.Cli;

/// <summary>The "ReportSearch" section of appsettings.json next to the binary, overridable by REPORTSEARCH_ environment variables.</summary>
public static class CliSettings
{
    private static readonly Lazy<IConfiguration> Configuration = new(() => new ConfigurationBuilder()
        .SetBasePath(AppContext.BaseDirectory)
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables("REPORTSEARCH_")
        .Build());

    private static readonly Lazy<ReportSearchSettings> Bound = new(() =>
        Configuration.Value.GetSection(ReportSearchSettings.Section).Get<ReportSearchSettings>() ?? new());

    /// <summary>Every step's options, as bound from the "ReportSearch" section.</summary>
    public static ReportSearchSettings All => Bound.Value;

    public static ReportInputOptions Input() => All.Input;

    public static CompareOptions Compare() => All.Compare;

    /// <summary>The benchmark's own settings ("ReportSearch:Bench"): not a pipeline step, so not part of <see cref="ReportSearchSettings"/>.</summary>
    public static BenchOptions Bench() => Configuration.Value.GetSection(BenchOptions.Section).Get<BenchOptions>() ?? new();
}
