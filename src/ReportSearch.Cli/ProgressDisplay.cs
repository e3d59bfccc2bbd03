using System.Diagnostics;
using System.Text;
using ReportSearch.Index.Indexing;
using Spectre.Console;

namespace ReportSearch.Cli;

/// <summary>
/// Progress of long commands on stderr: a live Spectre.Console bar (done/total, MB/s, ETA) or status line when stderr is
/// a terminal, plain lines when it is redirected (a log or a pipe gets no escape codes). stdout is never touched, so
/// --json still writes exactly one document there.
/// </summary>
internal static class ProgressDisplay
{
    /// <summary>Runs an index run, showing its <see cref="IndexProgress"/>.</summary>
    public static async Task<T> IndexAsync<T>(CliContext context, string label, Func<IProgress<IndexProgress>, Task<T>> work)
    {
        if (!context.ErrorIsTerminal) return await work(new PlainIndexProgress(context.Error, label));
        var result = default(T)!;
        await Terminal().Progress().AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
            .StartAsync(async live => result = await work(new LiveIndexProgress(live.AddTask(Markup.Escape(label), maxValue: 1), label)));
        return result;
    }

    /// <summary>Runs work that reports its phases as lines (the benchmark): a live status line on a terminal, the lines otherwise.</summary>
    public static async Task<T> PhasesAsync<T>(CliContext context, string label, Func<TextWriter, Task<T>> work)
    {
        if (!context.ErrorIsTerminal) return await work(context.Error);
        var console = Terminal();
        var result = default(T)!;
        await console.Status().StartAsync(Markup.Escape(label), async status =>
            result = await work(new StatusWriter(console, status)));
        return result;
    }

    private static IAnsiConsole Terminal() => AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });

    internal static string Describe(string label, IndexProgress p)
    {
        var seconds = Math.Max(p.Elapsed.TotalSeconds, 0.001);
        var mbps = p.BytesDone / 1024.0 / 1024.0 / seconds;
        var eta = p.BytesDone == 0 ? "?" : $"{(p.BytesTotal - p.BytesDone) * seconds / p.BytesDone:0} s";
        return $"{label}: {p.Done}/{p.Total} files, {p.BytesDone / 1024.0 / 1024.0:0.0} of {p.BytesTotal / 1024.0 / 1024.0:0.0} MB, {mbps:0.00} MB/s, ETA {eta}";
    }

    /// <summary>One line a second at most, and the last one always, so a log shows the pace without a line per file.</summary>
    private sealed class PlainIndexProgress(TextWriter error, string label) : IProgress<IndexProgress>
    {
        private readonly Stopwatch _sinceLine = Stopwatch.StartNew();
        private bool _first = true;

        public void Report(IndexProgress value)
        {
            if (!_first && value.Done < value.Total && _sinceLine.Elapsed < TimeSpan.FromSeconds(1)) return;
            _first = false;
            _sinceLine.Restart();
            error.WriteLine(Describe(label, value));
        }
    }

    private sealed class LiveIndexProgress(ProgressTask task, string label) : IProgress<IndexProgress>
    {
        public void Report(IndexProgress value)
        {
            task.MaxValue = Math.Max(1, value.BytesTotal);
            task.Value = value.BytesDone;
            task.Description = Markup.Escape(Describe(label, value));
        }
    }

    /// <summary>Each finished line is printed above the status; the status shows the latest.</summary>
    private sealed class StatusWriter(IAnsiConsole console, StatusContext status) : TextWriter
    {
        private readonly StringBuilder _line = new();

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value)
        {
            if (value != '\n') { _line.Append(value); return; }
            var text = _line.ToString().TrimEnd('\r');
            _line.Clear();
            console.WriteLine(text);
            status.Status(Markup.Escape(text));
        }
    }
}
