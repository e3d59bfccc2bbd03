using System.Text.Json;
using ReportSearch.Core;
using ReportSearch.Core.Model;
using ReportSearch.Index.Indexing;

namespace ReportSearch.Cli.Commands;

/// <summary>`index PATH... [--index DB]`: add or update reports, with progress on stderr; unchanged files are skipped, failures named. The only command that creates an index.</summary>
public sealed class IndexCommand : ICommand
{
    public string Name => "index";
    public string Usage => "PATH... [--index DB] [--json]   add or update report files and folders in the index (creates it)";

    /// <summary>How long a run waits for another writer (a server upload, which takes seconds) before it is refused.</summary>
    private static readonly TimeSpan WriterWait = TimeSpan.FromSeconds(10);

    public async Task<int> RunAsync(CommandLine line, CliContext context)
    {
        var json = line.Flag("json");
        var index = CliServices.OpenIndex(line, create: true);
        line.RejectUnknown($"reportsearch {Name} {Usage}");
        if (line.Positional.Count == 0)
            throw new InputRejectedException($"no path given; usage: reportsearch {Name} {Usage}");
        // One writer per index across processes: a second run waits briefly, then is refused rather than redo the work.
        using var writer = await WriterLock.TryTakeAsync(index.Store.Path, WriterWait, context.Cancellation)
            ?? throw new InputRejectedException($"another process is writing to the index {index.Store.Path} (an index run or a server's upload); run this again when it has finished");

        var summary = await ProgressDisplay.IndexAsync(context, Name, progress => index.Indexer.IndexAsync(line.Positional, context.Cancellation, progress));
        if (json)
            await context.Out.WriteLineAsync(JsonSerializer.Serialize(new
            {
                indexed = summary.Indexed, unchanged = summary.Unchanged, failed = summary.Failed,
                failures = summary.Files.Where(f => f.Result == FileResult.Failed).Select(f => new { path = f.Path, reason = f.Reason }),
            }, ReportJson.Options));
        else
            await context.Out.WriteLineAsync(summary.ToString());
        if (summary.Failed == 0) return 0;
        await context.Error.WriteLineAsync($"reportsearch {Name}: {summary.Failed} file(s) could not be indexed (named above); the index keeps what it had for them");
        return 1;
    }
}
