using System.CommandLine;
using System.Runtime.InteropServices;
using System.Text;
using ReportSearch.Cli;
using ReportSearch.Cli.Commands;
using ReportSearch.Core;

SignalDisposition.RestoreInterrupt();
Console.OutputEncoding = new UTF8Encoding(false);
using var cancel = new CancellationTokenSource();
// SIGINT and SIGTERM cancel the running command, which then stops cleanly (serve finishes in-flight requests and closes
// the index). PosixSignalRegistration also catches SIGINT in a job started with & from a script, where the shell set it
// to be ignored and Console.CancelKeyPress never fires.
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
return await CliApp.RunAsync(args, new CliContext(Console.Out, Console.Error, cancel.Token) { ErrorIsTerminal = !Console.IsErrorRedirected });

void Stop(PosixSignalContext signal)
{
    signal.Cancel = true;
    cancel.Cancel();
}

namespace ReportSearch.Cli
{
    /// <summary>
    /// A shell starts a background job (<c>cmd &amp;</c> in a script) with SIGINT set to "ignore", and .NET does not
    /// install its handler over an ignored signal; putting the default back first lets SIGINT stop the command there too.
    /// </summary>
    internal static class SignalDisposition
    {
        private const int SigInt = 2;

        public static void RestoreInterrupt()
        {
            if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()) _ = Signal(SigInt, IntPtr.Zero); // SIG_DFL
        }

        [DllImport("libc", EntryPoint = "signal")]
        private static extern IntPtr Signal(int signal, IntPtr handler);
    }

    /// <summary>Dispatches to a command and turns failures into CONTRACT.md's exit codes: 1 for the user's mistakes, 2 for ours.</summary>
    public static class CliApp
    {
        public static IReadOnlyList<ICommand> Commands { get; } =
        [
            new ParseCommand(),
            new IndexCommand(),
            new SearchCommand(),
            new ReportsCommand(),
            new ReindexCommand(),
            new ClassifyCommand(),
            new ServeCommand(),
            new CompareCommand(),
            new ExportCommand(),
            new BenchCommand(),
            new CompletionCommand(),
        ];

        public static async Task<int> RunAsync(string[] args, CliContext context)
        {
            var root = CommandTree.Build(Commands, (command, line, _) => RunCommandAsync(command, line, context));
            // Response files (@file) are off: a query may start with @.
            var result = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
            if (result.Errors.Count > 0 && !HelpRequested(result))
            {
                await context.Error.WriteLineAsync(CommandTree.Describe(result));
                return 1;
            }
            // Signals are handled in Program (they cancel context.Cancellation), so the library installs no handler of its own.
            return await result.InvokeAsync(new InvocationConfiguration
            {
                Output = context.Out, Error = context.Error, ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false,
            }, context.Cancellation);
        }

        private static bool HelpRequested(ParseResult result) =>
            result.Tokens.Any(t => t.Value is "--help" or "-h" or "-?");

        private static async Task<int> RunCommandAsync(ICommand command, CommandLine line, CliContext context)
        {
            try
            {
                return await command.RunAsync(line, context);
            }
            catch (InputRejectedException e)
            {
                await context.Error.WriteLineAsync($"reportsearch {command.Name}: {e.Message}");
                return 1;
            }
            catch (OperationCanceledException)
            {
                await context.Error.WriteLineAsync($"reportsearch {command.Name}: cancelled");
                return 2;
            }
            catch (Exception e)
            {
                // Never a stack trace to a user: one line saying it is our fault, with the type for a bug report.
                await context.Error.WriteLineAsync($"reportsearch {command.Name}: internal error ({e.GetType().Name}): {e.Message}");
                return 2;
            }
        }
    }
}
