using System.Diagnostics;
using System.Net;
using System.Text.Json;
using ReportSearch.Testing;
using Xunit.Abstractions;

namespace ReportSearch.Cli.Tests.Processes;

/// <summary>
/// A served index (a real `serve` process) under concurrent readers and writers, under load, and after hostile uploads.
/// Figures are printed; only errors and gross memory growth fail, never a latency.
/// </summary>
[Trait("Category", "Process")]
public sealed class ServerUnderStressTests(ITestOutputHelper output) : IDisposable
{
    private readonly Sandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public async Task Searches_keep_answering_without_error_while_uploads_and_an_index_run_write()
    {
        using var serve = await ServeProcess.StartAsync(_sandbox, _sandbox.IndexPath);
        var seeds = Directory.GetFiles(_sandbox.Seeds);
        var readers = ReadingClients.Start(serve.Http, 4);

        // Two uploads (one after the other: writers queue on the writer lock, which is not what this test is about), then
        // an index run from another process.
        await serve.AddAsync("a.txt", Sandbox.SeedCopy(seeds[0], 3));
        await serve.AddAsync("b.txt", Sandbox.SeedCopy(seeds[1], 3));
        var duringUploads = readers.Requests;
        var index = await _sandbox.Cli(TimeSpan.FromSeconds(180), "index", _sandbox.Corpus(2), "--index", _sandbox.IndexPath);
        Assert.True(index.Code == 0, index.Err);
        Assert.StartsWith("indexed 4, unchanged 0, failed 0", index.Out);
        var figures = await readers.StopAsync();
        output.WriteLine($"readers: {duringUploads} requests during the uploads, {figures.Requests - duringUploads} during the index run; {figures}");

        Assert.Empty(figures.Errors);
        Assert.True(duringUploads > 0 && figures.Requests > duringUploads, "the readers made no request during a write");
        using var list = JsonDocument.Parse(await serve.Http.GetStringAsync("/api/reports"));
        Assert.Equal(2 + 2 + 4, list.RootElement.GetProperty("total").GetInt32()); // the server sees the other process's writes
    }

    [Fact]
    public async Task Server_memory_returns_near_its_start_level_after_refused_hostile_uploads()
    {
        using var serve = await ServeProcess.StartAsync(_sandbox, _sandbox.IndexPath);
        // Warm up: the search and upload paths once each, so what follows measures the refusals, not first use.
        await serve.Http.GetStringAsync("/api/search?q=" + Uri.EscapeDataString("借调"));
        await serve.AddAsync("warm.txt", Sandbox.SeedCopy(Directory.GetFiles(_sandbox.Seeds)[0], 1));
        var pid = serve.Process.Id;
        var before = await SettledMegabytesAsync(serve.Http, pid, ceiling: double.MaxValue);

        var peak = before;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, CliProcess.ResidentMegabytes(pid));
                await Task.Delay(50);
            }
        });
        var hostile = new (string Name, byte[] Bytes)[]
        {
            ("bomb.docx", HostileFiles.ZipBomb(256L * 1024 * 1024)),
            ("headings.txt", HostileFiles.Headings(2_800_000)),
            ("huge.txt", new byte[25 * 1024 * 1024]),
        };
        var clock = Stopwatch.StartNew();
        var answers = new List<HttpStatusCode>();
        foreach (var (name, bytes) in hostile)
        {
            using var response = await serve.UploadAsync(name, bytes);
            output.WriteLine($"{name} ({bytes.Length / 1048576.0:0.0} MB): {(int)response.StatusCode} in {clock.Elapsed.TotalMilliseconds:0} ms");
            answers.Add(response.StatusCode);
            clock.Restart();
        }
        await sampling.CancelAsync();
        await sampler;

        // Generous: the refused files together are over 35 MB on the wire and 256 MB inflated; an unbounded reader grew by gigabytes.
        const double allowedGrowth = 150;
        var after = await SettledMegabytesAsync(serve.Http, pid, ceiling: before + allowedGrowth);
        output.WriteLine($"server resident memory: {before:0} MB before, {peak:0} MB at the peak, {after:0} MB after");
        Assert.True(after <= before + allowedGrowth, $"resident memory stayed at {after:0} MB after the refusals, from {before:0} MB");
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.RequestEntityTooLarge, a));
    }

    /// <summary>
    /// A 32-client load on loopback for 20 s against search and compare while two uploads run: prints p50/p95/errors,
    /// fails on any error (never on a latency: the machine is shared).
    /// </summary>
    [Fact]
    [Trait("Category", "Load")]
    public async Task Thirty_two_clients_for_twenty_seconds_with_two_uploads_see_no_error()
    {
        using var serve = await ServeProcess.StartAsync(_sandbox, _sandbox.IndexPath);
        var seeds = Directory.GetFiles(_sandbox.Seeds);
        var window = Stopwatch.StartNew();
        var clients = ReadingClients.Start(serve.Http, 32);
        await Task.Delay(TimeSpan.FromSeconds(3));
        var uploading = Task.Run(async () =>
        {
            await serve.AddAsync("load-a.txt", Sandbox.SeedCopy(seeds[0], 2));
            await serve.AddAsync("load-b.txt", Sandbox.SeedCopy(seeds[1], 2));
        });
        await Task.Delay(TimeSpan.FromSeconds(20) - window.Elapsed);
        var figures = await clients.StopAsync();
        output.WriteLine($"32 clients, 20 s, search and compare, two uploads: {figures}");
        Assert.Empty(figures.Errors);
        await uploading.WaitAsync(TimeSpan.FromSeconds(120));
    }

    /// <summary>
    /// The resident set once it has settled under light ordinary traffic (a few searches between readings, so the runtime
    /// allocates and collects as a served index does): under <paramref name="ceiling"/> and no longer moving, or after 20 rounds.
    /// </summary>
    private static async Task<double> SettledMegabytesAsync(HttpClient http, int pid, double ceiling)
    {
        var last = CliProcess.ResidentMegabytes(pid);
        for (var i = 0; i < 20; i++)
        {
            for (var k = 0; k < 5; k++) await http.GetStringAsync("/api/search?q=" + Uri.EscapeDataString("整改"));
            var now = CliProcess.ResidentMegabytes(pid);
            if (now <= ceiling && Math.Abs(now - last) < 2) return now;
            last = now;
        }
        return last;
    }
}
