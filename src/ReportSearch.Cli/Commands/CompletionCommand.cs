using ReportSearch.Core;

namespace ReportSearch.Cli.Commands;

/// <summary>
/// `completion bash`: a bash completion script. It asks reportsearch itself through System.CommandLine's suggest
/// directive (<c>reportsearch "[suggest:POS]" "LINE"</c>), so completions always match the installed commands and options.
/// </summary>
public sealed class CompletionCommand : ICommand
{
    public string Name => "completion";
    public string Usage => "SHELL   print a tab-completion script (bash): eval \"$(reportsearch completion bash)\"";
    public IReadOnlySet<string> Flags => new HashSet<string>();

    private const string Bash = """
        _reportsearch_complete() {
            local IFS=$'\n'
            COMPREPLY=($(compgen -W "$("${COMP_WORDS[0]}" "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null)" -- "${COMP_WORDS[COMP_CWORD]}"))
        }
        complete -o default -F _reportsearch_complete reportsearch
        """;

    public async Task<int> RunAsync(CommandLine line, CliContext context)
    {
        line.RejectUnknown($"reportsearch {Name} bash");
        if (line.Positional is not ["bash"])
            throw new InputRejectedException($"say which shell: reportsearch {Name} bash (bash is the one supported)");
        await context.Out.WriteLineAsync(Bash);
        return 0;
    }
}
