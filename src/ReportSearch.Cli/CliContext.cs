namespace ReportSearch.Cli;

/// <summary>Where a command writes: stdout carries results (exactly one JSON document with --json), stderr carries everything else.</summary>
public sealed record CliContext(TextWriter Out, TextWriter Error, CancellationToken Cancellation)
{
    /// <summary>stderr is a terminal: progress is drawn as a live bar there, else written as plain lines.</summary>
    public bool ErrorIsTerminal { get; init; }
}
