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

    public async Task<int> RunAsync(CommandLine line, CliContext context)
    {
        var json = line.Flag("json");
        var index = CliServices.OpenIndex(line, create: true);
        line.RejectUnknown($"reportsearch {Name} {Usage}");
        if (line.Positional.Count == 0)
            throw new InputRejectedException($"no path given; usage: reportsearch {Name} {Usage}");

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
