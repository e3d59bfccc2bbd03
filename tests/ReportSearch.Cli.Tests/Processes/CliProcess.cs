using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace ReportSearch.Cli.Tests.Processes;

/// <summary>
/// The built CLI (reportsearch.dll beside the tests) as a real child process: what a user or a service manager runs, so
/// signals, kill -9 and OS file locks act on it for real. Output is collected as it comes; every wait is bounded.
/// </summary>
internal sealed class CliProcess : IDisposable
{
    public const int SigInt = 2;
    public const int SigTerm = 15;

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "reportsearch.dll");

    private readonly Process _process;
    private readonly StringBuilder _out = new();
    private readonly StringBuilder _err = new();
    private readonly object _gate = new();

    private CliProcess(Process process) => _process = process;

    public int Id => _process.Id;
    public string Out { get { lock (_gate) return _out.ToString(); } }
    public string Err { get { lock (_gate) return _err.ToString(); } }

    /// <summary>Starts `dotnet reportsearch.dll ARGS` in <paramref name="folder"/> (never below the checkout, so no default index is found by accident).</summary>
    public static CliProcess Start(string folder, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder };
        start.ArgumentList.Add(Dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        return Launch(start);
    }

    /// <summary>Runs <paramref name="script"/> with `bash -c`: how a deploy script or a cron job starts the CLI.</summary>
    public static CliProcess StartScript(string folder, string script)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = folder };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        return Launch(start);
    }

    private static CliProcess Launch(ProcessStartInfo start)
    {
        (start.RedirectStandardOutput, start.RedirectStandardError) = (true, true);
        (start.StandardOutputEncoding, start.StandardErrorEncoding) = (Encoding.UTF8, Encoding.UTF8);
        var child = new CliProcess(new Process { StartInfo = start });
        child._process.OutputDataReceived += (_, e) => child.Append(child._out, e.Data);
        child._process.ErrorDataReceived += (_, e) => child.Append(child._err, e.Data);
        child._process.Start();
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Runs the CLI to its end (killed and failed after <paramref name="timeout"/>).</summary>
    public static async Task<CliRun> RunAsync(string folder, TimeSpan timeout, params string[] args)
    {
        using var child = Start(folder, null, args);
        var code = await child.WaitForExitAsync(timeout);
        return new CliRun(code, child.Out, child.Err);
    }

    private void Append(StringBuilder to, string? line)
    {
        if (line is null) return;
        lock (_gate) to.Append(line).Append('\n');
    }

    /// <summary>The exit code; the process is killed and the test failed with its stderr when it does not end in time.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        try { await _process.WaitForExitAsync(limit.Token); }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException($"{string.Join(' ', _process.StartInfo.ArgumentList)} did not end within {timeout.TotalSeconds} s; stderr:\n{Err}");
        }
        return _process.ExitCode;
    }

    /// <summary>Waits until stderr holds a line matching <paramref name="pattern"/> and returns it.</summary>
    public async Task<string> WaitForErrorLineAsync(Func<string, bool> pattern, TimeSpan timeout) =>
        await WaitForErrorLineOrExitAsync(pattern, timeout)
        ?? throw new TimeoutException($"the process exited without the expected line on stderr; stderr:\n{Err}");

    /// <summary>As <see cref="WaitForErrorLineAsync"/>, but null when the process exits first.</summary>
    public async Task<string?> WaitForErrorLineOrExitAsync(Func<string, bool> pattern, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (Err.Split('\n').FirstOrDefault(pattern) is { } line) return line;
            if (_process.HasExited) return Err.Split('\n').FirstOrDefault(pattern);
            await Task.Delay(10);
        }
        throw new TimeoutException($"no expected line on stderr within {timeout.TotalSeconds} s; stderr:\n{Err}");
    }

    /// <summary>`serve --urls http://127.0.0.1:0` picks a free port and names it on stderr: the address to call.</summary>
    public async Task<Uri> WaitForServingAsync(TimeSpan timeout)
    {
        var line = await WaitForErrorLineAsync(l => l.StartsWith("ReportSearch is serving "), timeout);
        var address = line.Split(' ').First(w => w.StartsWith("http://"));
        return new Uri(address.TrimEnd(','));
    }

    public bool HasExited => _process.HasExited;

    /// <summary>kill -9: no handler runs, nothing is flushed or closed.</summary>
    public void Kill()
    {
        try { _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { /* already gone */ }
    }

    public static void Signal(int pid, int signal)
    {
        if (SendSignal(pid, signal) != 0) throw new InvalidOperationException($"kill({pid}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
    }

    public void Signal(int signal) => Signal(Id, signal);

    /// <summary>The resident set (VmRSS) of the process from /proc, in MB.</summary>
    public static double ResidentMegabytes(int pid) =>
        File.ReadLines($"/proc/{pid}/status").Where(l => l.StartsWith("VmRSS:"))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0).Single();

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    public void Dispose()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
    }
}
