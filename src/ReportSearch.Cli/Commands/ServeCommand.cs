using ReportSearch.Api;
using ReportSearch.Index;
using ReportSearch.Index.Indexing;

namespace ReportSearch.Cli.Commands;

/// <summary>
/// `serve [--index DB] [--urls URL]`: the HTTP API and the web page. An empty index is filled from seeds/ first,
/// so a newcomer's first `serve` shows something to search. SIGTERM or SIGINT (Ctrl+C, or kill from a script or a
/// service manager) stops it gracefully: new connections are refused, requests in flight finish, then it exits 0.
/// </summary>
public sealed class ServeCommand : ICommand
{
    public string Name => "serve";
    public string Usage => "[--index DB] [--urls URL]   serve the HTTP API and the web page until SIGTERM or Ctrl+C";
    public IReadOnlySet<string> Flags => new HashSet<string>();

    public async Task<int> RunAsync(CommandLine line, CliContext context)
    {
        var urls = line.Option("urls") ?? ReportSearchApp.DefaultUrls;
        var index = CliServices.OpenIndex(line, create: true);
        line.RejectUnknown($"reportsearch {Name} {Usage}");

        if (index.Store.CountReports() == 0 && RepositoryRoot.Find() is { } root && Directory.Exists(Path.Combine(root, "seeds")))
        {
            await context.Error.WriteLineAsync($"the index {index.Store.Path} is empty: indexing {Path.Combine(root, "seeds")} first");
            using var writer = await WriterLock.TryTakeAsync(index.Store.Path, TimeSpan.FromSeconds(5), context.Cancellation)
                ?? throw new ReportSearch.Core.InputRejectedException($"another process is writing to the index {index.Store.Path}; serve it when that has finished");
            var summary = await index.Indexer.IndexAsync([Path.Combine(root, "seeds")], context.Cancellation);
            await context.Error.WriteLineAsync(summary.ToString());
        }
        else if (await index.CatchUpAsync(TimeSpan.FromSeconds(5), context.Cancellation) is > 0 and var caughtUp)
            await context.Error.WriteLineAsync($"the search index was behind the stored reports: {caughtUp} documents brought up to date");

        await using var app = ReportSearchApp.Build(index, urls);
        try { await app.StartAsync(context.Cancellation); }
        catch (IOException e)
        {
            throw new ReportSearch.Core.InputRejectedException($"cannot listen on {urls} ({e.Message}); pass another address with --urls http://127.0.0.1:PORT");
        }
        await context.Error.WriteLineAsync($"ReportSearch is serving {index.Store.Path} at {string.Join(", ", app.Urls)} (Ctrl+C or SIGTERM stops)");

        // Either our signal handlers (context.Cancellation) or the host's own lifetime (ApplicationStopping) ends the wait.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.Cancellation, app.Lifetime.ApplicationStopping);
        await Task.Delay(Timeout.Infinite, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        await context.Error.WriteLineAsync("ReportSearch is stopping: finishing requests in flight");
        await app.StopAsync(CancellationToken.None);
        await context.Error.WriteLineAsync("ReportSearch stopped");
        return 0;
    }
}
