using ReportSearch.Core.Analysis;
using ReportSearch.Core.Parsing;
using ReportSearch.Index;
using ReportSearch.Index.Storage;

namespace ReportSearch.Cli;

/// <summary>What index commands share: one analyser per process (it loads ICU and the data files) and the index named by --index or the default one.</summary>
public static class CliServices
{
    private static readonly Lazy<ChineseAnalyzer> SharedAnalyzer = new(() => new ChineseAnalyzer());

    public static ITextAnalyzer Analyzer => SharedAnalyzer.Value;

    /// <summary>The index at --index, or index/reportsearch.db under the repository root.</summary>
    public static ReportIndex OpenIndex(CommandLine line)
    {
        var path = line.Option("index") ?? RepositoryRoot.DefaultIndexPath();
        var parser = new ReportParser(CliSettings.Input());
        return new ReportIndex(IndexStore.Open(path), Analyzer, (name, bytes) => parser.Parse(bytes, name), CliSettings.Embedding(), CliSettings.Ranking(), compare: CliSettings.Compare());
    }
}
