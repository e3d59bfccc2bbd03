using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using ReportSearch.Cli.Commands;
using ReportSearch.Core;
using ReportSearch.Index;
using ReportSearch.Index.Search;

namespace ReportSearch.Cli;

/// <summary>
/// What one command was given, as System.CommandLine parsed it: positional arguments, <c>--name value</c> options and
/// <c>--flag</c> switches. Command bodies read it by option name; the parsing, validation and help live in
/// <see cref="CommandTree"/>.
/// </summary>
public sealed class CommandLine
{
    private readonly ParseResult _result;
    private readonly CommandSymbols _symbols;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    internal CommandLine(ParseResult result, CommandSymbols symbols)
    {
        _result = result;
        _symbols = symbols;
        Positional = symbols.Arguments is { } arguments ? result.GetValue(arguments) ?? [] : [];
    }

    public IReadOnlyList<string> Positional { get; }

    public bool Flag(string name) { _read.Add(name); return _symbols.Flags.TryGetValue(name, out var o) && _result.GetValue(o); }

    /// <summary>The option's value; <c>--index</c> falls back to the default index when that exists.</summary>
    public string? Option(string name)
    {
        _read.Add(name);
        var given = _symbols.Values.TryGetValue(name, out var o) ? _result.GetValue(o) : null;
        if (given is null && name == "index" && File.Exists(RepositoryRoot.DefaultIndexPath())) return RepositoryRoot.DefaultIndexPath();
        return given;
    }

    /// <summary>A filter's values: the option's value split at commas (--unit 高陵区,高明区); none when it is not given.</summary>
    public IReadOnlyList<string> Values(string name) => Option(name) is { } raw ? FilterValues.Split([raw]) : [];

    public int IntOption(string name, int fallback, int min, int max)
    {
        var raw = Option(name);
        if (raw is null) return fallback;
        if (!int.TryParse(raw, out var value) || value < min || value > max)
            throw new InputRejectedException($"--{name} must be a whole number from {min} to {max}, not '{raw}'");
        return value;
    }

    /// <summary>
    /// Call after reading every option a command uses: an option the command's usage line offers but this run ignores
    /// (say --per-report with --matrix) is named rather than silently dropped.
    /// </summary>
    public void RejectUnknown(string usage)
    {
        var ignored = _symbols.All.FirstOrDefault(o => _result.GetResult(o) is { Implicit: false } && !_read.Contains(o.Name.TrimStart('-')));
        if (ignored is not null)
            throw new InputRejectedException($"option {ignored.Name} does not apply here; usage: {usage}");
    }
}

/// <summary>The System.CommandLine symbols of one command, by option name without the dashes.</summary>
internal sealed record CommandSymbols(
    Argument<string[]>? Arguments, IReadOnlyDictionary<string, Option<bool>> Flags, IReadOnlyDictionary<string, Option<string>> Values)
{
    public IEnumerable<Option> All => Flags.Values.Cast<Option>().Concat(Values.Values);
}

/// <summary>
/// The command tree: one System.CommandLine command per <see cref="ICommand"/>, its arguments and options read from the
/// command's usage line (<c>QUERY [--top N] [--kind problem|measure] [--json]</c>), so a command declares its options
/// once. Value names decide validation: N is a whole number, <c>a|b</c> one of the choices, yyyy-MM-dd a date, DB/DIR/FILE
/// a path. Help, the suggest directive (tab completion) and parse errors come from the library.
/// </summary>
internal static class CommandTree
{
    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
    {
        ["index"] = "the index (default: index/reportsearch.db under the repository root); only `index` creates one",
        ["json"] = "write exactly one JSON document to stdout",
        ["top"] = "how many hits to show",
        ["per-report"] = "how many problems to show per report",
        ["reports"] = "which reports (ids, comma-separated), or how many",
        ["out"] = "where to write",
        ["format"] = "the file format",
        ["urls"] = "where to listen, e.g. http://127.0.0.1:5080",
    };

    public static RootCommand Build(IReadOnlyList<ICommand> commands, Func<ICommand, CommandLine, CancellationToken, Task<int>> run)
    {
        var root = new RootCommand("ReportSearch: search and compare inspection-rectification reports (巡视整改进展情况通报)");
        foreach (var command in commands)
        {
            var (usage, description) = Split(command.Usage);
            var cli = new Command(command.Name, description ?? usage);
            var symbols = Declare(cli, usage, command.Flags);
            cli.SetAction((result, cancel) => run(command, new CommandLine(result, symbols), cancel));
            root.Subcommands.Add(cli);
        }
        return root;
    }

    /// <summary>"FILE [--json]   parse one report" → ("FILE [--json]", "parse one report").</summary>
    private static (string Usage, string? Description) Split(string usage)
    {
        var gap = usage.IndexOf("   ", StringComparison.Ordinal);
        return gap < 0 ? (usage, null) : (usage[..gap].Trim(), usage[gap..].Trim());
    }

    private static CommandSymbols Declare(Command cli, string usage, IReadOnlySet<string> flagNames)
    {
        var words = usage.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('[', ']')).Where(w => w is not ("" or "|")).ToList();
        Argument<string[]>? arguments = null;
        var flags = new Dictionary<string, Option<bool>>(StringComparer.Ordinal);
        var values = new Dictionary<string, Option<string>>(StringComparer.Ordinal);
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (!word.StartsWith("--", StringComparison.Ordinal))
            {
                if (arguments is null && flags.Count + values.Count == 0)
                {
                    arguments = new Argument<string[]>(word.TrimEnd('.')) { Arity = word.EndsWith("...") ? ArgumentArity.OneOrMore : ArgumentArity.ZeroOrMore };
                    // The library hands an unknown --word to the arguments; it is a typo, never a query.
                    arguments.Validators.Add(r =>
                    {
                        if (r.Tokens.FirstOrDefault(t => t.Value.StartsWith("--", StringComparison.Ordinal)) is { } unknown)
                            r.AddError($"unknown option {unknown.Value}");
                    });
                    cli.Arguments.Add(arguments);
                }
                continue;
            }
            var name = word[2..];
            if (flags.ContainsKey(name) || values.ContainsKey(name)) continue;
            if (flagNames.Contains(name))
            {
                var flag = new Option<bool>(word) { Arity = ArgumentArity.Zero, Description = Descriptions.GetValueOrDefault(name) };
                flags[name] = flag;
                cli.Options.Add(flag);
                continue;
            }
            var valueName = i + 1 < words.Count && !words[i + 1].StartsWith("--", StringComparison.Ordinal) ? words[i + 1] : "VALUE";
            var option = new Option<string>(word) { HelpName = valueName, Description = Descriptions.GetValueOrDefault(name) };
            Validate(option, name, valueName);
            values[name] = option;
            cli.Options.Add(option);
        }
        return new CommandSymbols(arguments, flags, values);
    }

    private static void Validate(Option<string> option, string name, string valueName)
    {
        if (valueName == "N")
            option.Validators.Add(r => Check(r, v => int.TryParse(v, out var n) && n >= 1, v => $"--{name} must be a whole number of at least 1, not '{v}'"));
        else if (valueName == "yyyy-MM-dd")
            option.Validators.Add(r => Check(r, v => DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
                v => $"--{name} must be a date written yyyy-MM-dd, not '{v}'"));
        else if (valueName.Contains('|'))
        {
            var choices = valueName.Split('|');
            option.CompletionSources.Add(choices);
            option.Validators.Add(r => Check(r, v => choices.Contains(v, StringComparer.OrdinalIgnoreCase),
                v => $"--{name} must be {string.Join(", ", choices[..^1])} or {choices[^1]}, not '{v}'"));
        }
        else if (valueName is "DB" or "DIR" or "FILE")
            option.AcceptLegalFilePathsOnly();
    }

    private static void Check(OptionResult result, Func<string, bool> valid, Func<string, string> message)
    {
        foreach (var token in result.Tokens)
            if (!valid(token.Value)) result.AddError(message(token.Value));
    }

    /// <summary>
    /// A parse error as one line in the CLI's own wording: the offending word and where to read the options.
    /// </summary>
    public static string Describe(ParseResult result)
    {
        var command = result.CommandResult.Command;
        var prefix = command is RootCommand ? "reportsearch" : $"reportsearch {command.Name}";
        var help = command is RootCommand ? "reportsearch --help" : $"reportsearch {command.Name} --help";
        var unmatched = result.UnmatchedTokens.FirstOrDefault();
        if (unmatched is not null)
            return unmatched.StartsWith('-')
                ? $"{prefix}: unknown option {unmatched}; run '{help}' for the options"
                : $"{prefix}: unknown command or argument '{unmatched}'; run '{help}'";
        return $"{prefix}: {result.Errors[0].Message.TrimEnd('.')}; run '{help}'";
    }
}
