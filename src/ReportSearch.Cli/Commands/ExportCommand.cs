using ReportSearch.Core;
using ReportSearch.Core.Export;

namespace ReportSearch.Cli.Commands;

/// <summary>`export QUERY --format F --out FILE`: the comparison of QUERY as a file; with --matrix, the district × category counts of the whole index.</summary>
public sealed class ExportCommand : ICommand
{
    public string Name => "export";
    public string Usage => "QUERY [--index DB] --format csv|xlsx|json|md --out FILE [--per-report N] [--reports ID,ID] | --matrix --format csv|xlsx|json|md --out FILE   a comparison, or the district × category matrix, as a file";
    public IReadOnlySet<string> Flags => new HashSet<string> { "matrix" };

    public async Task<int> RunAsync(CommandLine line, CliContext context)
    {
        var matrix = line.Flag("matrix");
        var query = string.Join(' ', line.Positional);
        // The format is checked first, so a typo costs no search.
        var format = ExportFormat.Parse(line.Option("format")
            ?? throw new InputRejectedException($"say which format: --format {string.Join("|", ExportFormat.All.Select(f => f.Id))}"));
        var output = line.Option("out") ?? throw new InputRejectedException("say where to write: --out FILE");
        var perReport = line.Option("per-report") is null ? (int?)null : line.IntOption("per-report", 0, 1, 1000);
        var reports = line.Option("reports");
        if (!matrix && string.IsNullOrWhiteSpace(query))
            throw new InputRejectedException($"say what to export: reportsearch {Name} 借调干部 --format xlsx --out 借调.xlsx, or --matrix for the category matrix");
        if (matrix && (query.Length > 0 || perReport is not null || reports is not null))
            throw new InputRejectedException("--matrix covers the whole index: drop the QUERY, --per-report and --reports");
        var index = CliServices.OpenIndex(line);
        line.RejectUnknown($"reportsearch {Name} {Usage}");

        var file = matrix
            ? index.Export.MatrixFile(format.Id)
            : await index.Export.ComparisonAsync(query, format.Id, perReport, reports, context.Cancellation);
        var path = Path.GetFullPath(output);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Written beside the target and moved into place, so a failure never leaves half a file under the given name.
        var partial = path + ".partial";
        await File.WriteAllBytesAsync(partial, file.Content, context.Cancellation);
        File.Move(partial, path, overwrite: true);
        await context.Out.WriteLineAsync($"wrote {path} ({format.Id}, {file.Content.Length} bytes)");
        return 0;
    }
}
