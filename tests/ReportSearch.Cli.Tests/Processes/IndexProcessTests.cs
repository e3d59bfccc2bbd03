using System.Diagnostics;
using System.Text.RegularExpressions;
using ReportSearch.Index.Indexing;
using Xunit.Abstractions;

namespace ReportSearch.Cli.Tests.Processes;

/// <summary>
/// `index` as real processes: kill -9 at random moments, two runs at once, a run while another process holds the
/// writer lock. Checked only through what the CLI shows, so the tests hold whatever engine is underneath.
/// </summary>
[Trait("Category", "Process")]
public sealed partial class IndexProcessTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(120);
    private readonly Sandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public async Task Kill_9_of_index_at_random_moments_leaves_an_index_that_opens_and_agrees_and_the_next_run_finishes_the_rest()
    {
        var seeds = await SeedBaseline.Get();
        const int copiesPerRound = 2, kills = 5, copies = copiesPerRound * kills;
        var seed = Environment.TickCount;
        var random = new Random(seed);
        output.WriteLine($"random seed {seed}");

        var (corpus, present) = ("", 0);
        for (var kill = 1; kill <= kills; kill++)
        {
            // Each round brings new files, so every run has writing to do whatever the last one finished.
            corpus = _sandbox.Corpus(copiesPerRound, first: (kill - 1) * copiesPerRound + 1);
            var files = 2 * kill * copiesPerRound;
            using var run = CliProcess.Start(_sandbox.Folder, null, "index", corpus, "--index", _sandbox.IndexPath);
            // Odd kills at a random time from start (start-up, opening, parsing or writing: an engine that writes in
            // batches reports progress only after them); even kills once the run reports a random number of its files
            // through, with two or more still to go, a moment later (mid-file for an engine that writes file by file).
            var byProgress = kill % 2 == 0;
            var through = random.Next(present + 1, files - 1);
            if (byProgress) await run.WaitForErrorLineOrExitAsync(l => FilesThrough(l) >= through, RunTimeout);
            var delay = TimeSpan.FromMilliseconds(byProgress ? random.Next(0, 100) : random.Next(300, 3000));
            await Task.Delay(delay);
            var finished = run.HasExited;
            run.Kill();
            await run.WaitForExitAsync(TimeSpan.FromSeconds(10));
            var progress = run.Err.Split('\n').LastOrDefault(l => l.StartsWith("index: ")) ?? "no file done yet";
            output.WriteLine($"kill {kill}, {delay.TotalMilliseconds:0} ms after {(byProgress ? $"file {through} was through" : "start")} ({(finished ? "had already finished" : progress)})");

            if (!File.Exists(_sandbox.IndexPath)) continue; // killed before the index was made: nothing to check
            var view = await IndexView.ReadAsync(_sandbox, _sandbox.IndexPath);
            view.AssertAgrees(seeds);
            present = view.Reports.Count;
            output.WriteLine($"  the index opens and agrees: {present} reports of {files} files");
        }

        var before = (await IndexView.ReadAsync(_sandbox, _sandbox.IndexPath)).Reports.Count;
        var last = await _sandbox.Cli(RunTimeout, "index", corpus, "--index", _sandbox.IndexPath);
        Assert.True(last.Code == 0, last.Err);
        var (indexed, unchanged, failed) = Summary(last.Out);
        output.WriteLine($"next run: {last.Out.Trim()}");
        Assert.Equal((2 * copies - before, before, 0), (indexed, unchanged, failed));

        var after = await IndexView.ReadAsync(_sandbox, _sandbox.IndexPath);
        after.AssertAgrees(seeds);
        Assert.Equal(2 * copies, after.Reports.Count);
    }

    [Fact]
    public async Task Two_index_runs_at_once_do_the_work_once_the_second_waits_or_is_refused_with_one_line()
    {
        var seeds = await SeedBaseline.Get();
        const int copies = 6;
        var corpus = _sandbox.Corpus(copies);
        using var first = CliProcess.Start(_sandbox.Folder, null, "index", corpus, "--index", _sandbox.IndexPath);
        // The first is writing (a file is done) when the second starts.
        await first.WaitForErrorLineAsync(l => l.StartsWith("index: 1/"), RunTimeout);
        using var second = CliProcess.Start(_sandbox.Folder, null, "index", corpus, "--index", _sandbox.IndexPath);
        var secondCode = await second.WaitForExitAsync(RunTimeout);
        var firstCode = await first.WaitForExitAsync(RunTimeout);
        output.WriteLine($"first: exit {firstCode}, {first.Out.Trim()}\nsecond: exit {secondCode}, {second.Out.Trim()} {second.Err.Trim()}");

        Assert.Equal(0, firstCode);
        var done = Summary(first.Out).Indexed;
        if (secondCode == 1)
        {
            // Refused: one line naming the index and what to do, and no work done.
            var line = Assert.Single(second.Err.Trim().Split('\n'));
            Assert.Equal($"reportsearch index: another process is writing to the index {_sandbox.IndexPath} (an index run or a server's upload); run this again when it has finished", line);
            Assert.Equal("", second.Out);
        }
        else
        {
            // It waited until the first had finished, and found nothing left to do.
            Assert.Equal(0, secondCode);
            done += Summary(second.Out).Indexed;
        }
        Assert.Equal(2 * copies, done);
        var view = await IndexView.ReadAsync(_sandbox, _sandbox.IndexPath);
        view.AssertAgrees(seeds);
        Assert.Equal(2 * copies, view.Reports.Count);
    }

    [Fact]
    public async Task Index_while_another_process_holds_the_writer_lock_waits_its_bound_then_says_so_in_one_line_and_changes_nothing()
    {
        var made = await _sandbox.Cli(RunTimeout, "index", _sandbox.Seeds, "--index", _sandbox.IndexPath);
        Assert.True(made.Code == 0, made.Err);
        var copy = Path.Combine(_sandbox.Folder, "copy.txt");
        File.WriteAllBytes(copy, Sandbox.SeedCopy(Directory.GetFiles(_sandbox.Seeds)[0], 1));

        var clock = Stopwatch.StartNew();
        using (var held = await WriterLock.TryTakeAsync(_sandbox.IndexPath, TimeSpan.Zero))
        {
            Assert.NotNull(held);
            var refused = await _sandbox.Cli(RunTimeout, "index", copy, "--index", _sandbox.IndexPath);
            output.WriteLine($"refused after {clock.Elapsed.TotalSeconds:0.0} s: {refused.Err.Trim()}");
            Assert.Equal(1, refused.Code);
            Assert.StartsWith("reportsearch index: another process is writing to the index", Assert.Single(refused.Err.Trim().Split('\n')));
        }
        Assert.Equal(2, (await IndexView.ReadAsync(_sandbox, _sandbox.IndexPath)).Reports.Count);

        // Released (as when its holder exits or is killed): the lock file stays behind and is harmless.
        Assert.True(File.Exists(WriterLock.PathFor(_sandbox.IndexPath)));
        var next = await _sandbox.Cli(RunTimeout, "index", copy, "--index", _sandbox.IndexPath);
        Assert.Equal((0, "indexed 1, unchanged 0, failed 0"), (next.Code, next.Out.Trim()));
    }

    private static (int Indexed, int Unchanged, int Failed) Summary(string stdout)
    {
        var match = SummaryLine().Match(stdout);
        Assert.True(match.Success, $"no summary line in: {stdout}");
        return (int.Parse(match.Groups[1].Value), int.Parse(match.Groups[2].Value), int.Parse(match.Groups[3].Value));
    }

    private static int FilesThrough(string progressLine) =>
        ProgressLine().Match(progressLine) is { Success: true } m ? int.Parse(m.Groups[1].Value) : 0;

    [GeneratedRegex(@"^index: (\d+)/")]
    private static partial Regex ProgressLine();

    [GeneratedRegex(@"^indexed (\d+), unchanged (\d+), failed (\d+)", RegexOptions.Multiline)]
    private static partial Regex SummaryLine();
}
