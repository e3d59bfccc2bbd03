namespace ReportSearch.Cli.Tests;

/// <summary>Runs `reportsearch` in this process through the real dispatcher, capturing stdout, stderr and the exit code.</summary>
internal static class InProcessCli
{
    public static async Task<CliRun> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, new CliContext(stdout, stderr, CancellationToken.None));
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }
}

/// <summary>One finished run: the exit code, what went to stdout and what went to stderr.</summary>
internal sealed record CliRun(int Code, string Out, string Err);
