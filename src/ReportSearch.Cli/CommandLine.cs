using ReportSearch.Core;

namespace ReportSearch.Cli;

/// <summary>
/// The words after the command name: positional arguments, <c>--name value</c> options and <c>--flag</c> switches.
/// Unknown options are errors, so a typo never silently changes what a command does.
/// </summary>
public sealed class CommandLine
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Positional { get; }

    private CommandLine(List<string> positional) => Positional = positional;

    /// <param name="flags">Options that take no value (such as --json).</param>
    public static CommandLine Parse(IEnumerable<string> args, IReadOnlySet<string> flags)
    {
        var positional = new List<string>();
        var line = new CommandLine(positional);
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var arg = e.Current;
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2)
            {
                var name = arg[2..];
                string? value = null;
                var eq = name.IndexOf('=');
                if (eq >= 0) { value = name[(eq + 1)..]; name = name[..eq]; }
                else if (!flags.Contains(name))
                {
                    if (!e.MoveNext())
                        throw new InputRejectedException($"option --{name} needs a value: write --{name} VALUE");
                    value = e.Current;
                }
                line._options[name] = value;
            }
            else positional.Add(arg);
        }
        return line;
    }

    public bool Flag(string name) { _read.Add(name); return _options.ContainsKey(name); }

    public string? Option(string name) { _read.Add(name); return _options.GetValueOrDefault(name); }

    public int IntOption(string name, int fallback, int min, int max)
    {
        var raw = Option(name);
        if (raw is null) return fallback;
        if (!int.TryParse(raw, out var value) || value < min || value > max)
            throw new InputRejectedException($"--{name} must be a whole number from {min} to {max}, not '{raw}'");
        return value;
    }

    /// <summary>Call after reading every option a command knows: anything left is a mistake the user should hear about.</summary>
    public void RejectUnknown(string usage)
    {
        var unknown = _options.Keys.Where(k => !_read.Contains(k)).ToList();
        if (unknown.Count > 0)
            throw new InputRejectedException($"unknown option --{unknown[0]}; usage: {usage}");
    }
}
