namespace ReportSearch.Cli.Commands;

/// <summary>One <c>reportsearch</c> subcommand.</summary>
public interface ICommand
{
    string Name { get; }
    /// <summary>One line: the arguments and options, as shown in help and in usage errors.</summary>
    string Usage { get; }
    /// <summary>Options that take no value.</summary>
    IReadOnlySet<string> Flags => new HashSet<string> { "json" };
    Task<int> RunAsync(CommandLine line, CliContext context);
}
