using System.Diagnostics;

namespace ReportSearch.Cli.Commands;

/// <summary>
/// `reindex [--index DB]`: drops the Lucene search index and derives it again from the record store. Needed after the
/// lexicon, thesaurus, stop words or segmenter changed, since documents keep the terms they were analysed into.
/// </summary>
public sealed class ReindexCommand : ICommand
{
    public string Name => "reindex";
    public string Usage => "[--index DB]   rebuild the search index from the stored reports (after the lexicon, thesaurus or analyzer changed)";

    public async Task<int> RunAsync(CommandLine line, CliContext context)
    {
        using var index = CliServices.OpenIndex(line);
        line.RejectUnknown($"reportsearch {Name} {Usage}");
        var clock = Stopwatch.StartNew();
        var documents = index.SearchIndex.Rebuild(context.Cancellation);
        await context.Out.WriteLineAsync($"reindexed {index.Store.CountReports()} reports: {documents} search documents in {clock.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }
}
