using System.Diagnostics;
using ReportSearch.Core;
using ReportSearch.Index.Indexing;

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
        using var writer = await WriterLock.TryTakeAsync(index.Store.Path, TimeSpan.FromSeconds(10), context.Cancellation)
            ?? throw new InputRejectedException($"another process is writing to the index {index.Store.Path} (an index run or a server's upload); run this again when it has finished");
        var clock = Stopwatch.StartNew();
        var documents = index.SearchIndex.Rebuild(context.Cancellation);
        await context.Out.WriteLineAsync($"reindexed {index.Store.CountReports()} reports: {documents} search documents in {clock.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }
}
