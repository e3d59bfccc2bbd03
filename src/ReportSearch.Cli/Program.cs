using System.Text;
using ReportSearch.Cli;
using ReportSearch.Cli.Commands;
using ReportSearch.Core;

Console.OutputEncoding = new UTF8Encoding(false);
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
return await CliApp.RunAsync(args, new CliContext(Console.Out, Console.Error, cancel.Token));

namespace ReportSearch.Cli
{
    /// <summary>Dispatches to a command and turns failures into CONTRACT.md's exit codes: 1 for the user's mistakes, 2 for ours.</summary>
    public static class CliApp
    {
        public static IReadOnlyList<ICommand> Commands { get; } =
        [
            new ParseCommand(),
            new IndexCommand(),
            new SearchCommand(),
            new ReportsCommand(),
            new ClassifyCommand(),
            new ServeCommand(),
            new CompareCommand(),
            new ExportCommand(),
            new BenchCommand(),
        ];

        public static async Task<int> RunAsync(string[] args, CliContext context)
        {
            if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
            {
                await context.Out.WriteLineAsync(Help());
                return args.Length == 0 ? 1 : 0;
            }
            var command = Commands.FirstOrDefault(c => c.Name == args[0]);
            if (command is null)
            {
                await context.Error.WriteLineAsync($"reportsearch: unknown command '{args[0]}'; run 'reportsearch help' for the list");
                return 1;
            }
            try
            {
                var line = CommandLine.Parse(args.Skip(1), command.Flags);
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

        private static string Help()
        {
            var sb = new StringBuilder("usage: reportsearch <command> [options]\n\ncommands:\n");
            foreach (var c in Commands) sb.Append("  ").Append(c.Name).Append(' ').AppendLine(c.Usage);
            return sb.ToString();
        }
    }
}
