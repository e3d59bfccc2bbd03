using Microsoft.Extensions.Configuration;
using ReportSearch.Core.Analysis;
using ReportSearch.Core.Parsing;
using ReportSearch.Index;
using ReportSearch.Index.Embeddings;
using ReportSearch.Index.Search;
using ReportSearch.Index.Storage;

namespace ReportSearch.Cli;

/// <summary>
/// What commands share: settings from appsettings.json (next to the executable) and REPORTSEARCH_* environment variables,
/// one analyser per process (it loads ICU and the data files), and the index named by --index or the default one.
/// </summary>
public static class CliServices
{
    private static readonly Lazy<IConfiguration> Configuration = new(() => new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
        .AddEnvironmentVariables("REPORTSEARCH_")
        .Build());

    private static readonly Lazy<ChineseAnalyzer> SharedAnalyzer = new(() => new ChineseAnalyzer());

    public static ITextAnalyzer Analyzer => SharedAnalyzer.Value;

    public static EmbeddingOptions EmbeddingOptions => Configuration.Value.GetSection(EmbeddingOptions.Section).Get<EmbeddingOptions>() ?? new();
    public static RankingOptions RankingOptions => Configuration.Value.GetSection(RankingOptions.Section).Get<RankingOptions>() ?? new();

    /// <summary>The index at --index, or index/reportsearch.db under the repository root.</summary>
    public static ReportIndex OpenIndex(CommandLine line)
    {
        var path = line.Option("index") ?? RepositoryRoot.DefaultIndexPath();
        var parser = new ReportParser(CliSettings.Input());
        return new ReportIndex(IndexStore.Open(path), Analyzer, (name, bytes) => parser.Parse(bytes, name), EmbeddingOptions, RankingOptions);
    }
}
