using System.Diagnostics;
using System.Net;
using Xunit.Abstractions;

namespace ReportSearch.Cli.Tests.Processes;

/// <summary>`serve` as a real process: stopped by SIGTERM and SIGINT (also as a script's background job), and killed with -9 mid-upload.</summary>
[Trait("Category", "Process")]
public sealed class ServeProcessTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>"Within a few seconds", with room for a machine shared by many builds; the time taken is printed.</summary>
    private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(15);
    private readonly Sandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Theory]
    [InlineData(CliProcess.SigTerm)]
    [InlineData(CliProcess.SigInt)]
    public async Task Serve_stops_on_the_signal_after_finishing_the_upload_in_flight_and_exits_0(int signal)
    {
        using var serve = await ServeProcess.StartAsync(_sandbox, _sandbox.IndexPath);
        var bytes = Sandbox.SeedCopy(Directory.GetFiles(_sandbox.Seeds)[0], signal);
        var body = new HeldBody(bytes);
        var upload = serve.UploadAsync("in-flight.txt", body);
        await body.HalfSent.WaitAsync(TimeSpan.FromSeconds(30));

        var clock = Stopwatch.StartNew();
        serve.Process.Signal(signal);
        await serve.Process.WaitForErrorLineAsync(l => l.StartsWith("ReportSearch is stopping"), StopBound);
        Assert.False(serve.Process.HasExited, "serve exited with a request in flight");
        body.SendRest();

        using var response = await upload.WaitAsync(StopBound);
        var answered = clock.Elapsed;
        var code = await serve.Process.WaitForExitAsync(StopBound);
        output.WriteLine($"signal {signal}: upload answered {(int)response.StatusCode} {answered.TotalSeconds:0.0} s and exit {code} {clock.Elapsed.TotalSeconds:0.0} s after the signal");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(0, code);
        Assert.Contains("ReportSearch stopped", serve.Process.Err);
        Assert.Equal(3, (await IndexView.ReadAsync(_sandbox, _sandbox.IndexPath)).Reports.Count);
    }

    [Theory]
    [InlineData(CliProcess.SigTerm)]
    [InlineData(CliProcess.SigInt)]
    public async Task Serve_started_in_the_background_by_a_script_stops_on_the_signal_and_exits_0(int signal)
    {
        // A non-interactive shell starts `cmd &` with SIGINT ignored: the case where Ctrl+C handling alone never fires.
        var script = $"dotnet '{CliProcess.Dll}' serve --index '{_sandbox.IndexPath}' --urls http://127.0.0.1:0 & echo $!; wait $!; echo \"exit $?\"";
        using var shell = CliProcess.StartScript(_sandbox.Folder, script);
        var address = await shell.WaitForServingAsync(ServeProcess.StartTimeout);
        var pid = int.Parse(shell.Out.Split('\n')[0]); // echo $! comes long before the server's first log line
        using (var http = new HttpClient { BaseAddress = address })
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health")).StatusCode);

        var clock = Stopwatch.StartNew();
        CliProcess.Signal(pid, signal);
        Assert.Equal(0, await shell.WaitForExitAsync(StopBound));
        var exit = shell.Out.Split('\n').Single(l => l.StartsWith("exit "));
        output.WriteLine($"signal {signal} to a background serve: {exit}, {clock.Elapsed.TotalSeconds:0.0} s after the signal");
        Assert.Equal("exit 0", exit);
    }

    [Fact]
    public async Task Kill_9_of_serve_during_uploads_leaves_an_index_that_opens_and_agrees_and_the_next_upload_and_index_complete()
    {
        var seeds = await SeedBaseline.Get();
        var seedFiles = Directory.GetFiles(_sandbox.Seeds);
        var seed = Environment.TickCount;
        var random = new Random(seed);
        output.WriteLine($"random seed {seed}");
        for (var kill = 1; kill <= 3; kill++)
        {
            using var serve = await ServeProcess.StartAsync(_sandbox, _sandbox.IndexPath);
            var upload = serve.UploadAsync($"upload-{kill}.txt", Sandbox.SeedCopy(seedFiles[kill % 2], kill));
            var delay = TimeSpan.FromMilliseconds(random.Next(0, 6000)); // an upload takes seconds here (parse, write, embeddings)
            await Task.Delay(delay);
            var answered = upload.IsCompleted;
            serve.Process.Kill();
            await serve.Process.WaitForExitAsync(TimeSpan.FromSeconds(10));
            var view = await IndexView.ReadAsync(_sandbox, _sandbox.IndexPath);
            output.WriteLine($"kill {kill}, {delay.TotalMilliseconds:0} ms into the upload ({(answered ? "it had been answered" : "in flight")}): {view.Reports.Count} reports");
            view.AssertAgrees(seeds);
        }

        using (var serve = await ServeProcess.StartAsync(_sandbox, _sandbox.IndexPath))
        {
            await serve.AddAsync("after-the-kills.txt", Sandbox.SeedCopy(seedFiles[0], 10));
        }
        var index = await _sandbox.Cli(TimeSpan.FromSeconds(120), "index", _sandbox.Seeds, "--index", _sandbox.IndexPath);
        Assert.Equal((0, "indexed 0, unchanged 2, failed 0"), (index.Code, index.Out.Trim()));
        (await IndexView.ReadAsync(_sandbox, _sandbox.IndexPath)).AssertAgrees(seeds);
    }

    /// <summary>An upload body sent in two halves: the test decides when the second half goes, so the request stays in flight.</summary>
    private sealed class HeldBody(byte[] bytes) : HttpContent
    {
        private readonly TaskCompletionSource _halfSent = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _rest = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task HalfSent => _halfSent.Task;
        public void SendRest() => _rest.TrySetResult();

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(bytes.AsMemory(0, bytes.Length / 2));
            await stream.FlushAsync();
            _halfSent.TrySetResult();
            await _rest.Task;
            await stream.WriteAsync(bytes.AsMemory(bytes.Length / 2));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = bytes.Length;
            return true;
        }
    }
}
