using System.Text.Json;
using ReportSearch.Core;
using ReportSearch.Core.Export;
using ReportSearch.Core.Model;

namespace ReportSearch.Cli.Commands;

/// <summary>
/// `compare QUERY` (or `--problem ID`): per report its best-matching problems with all their measures, and the measures
/// lined up by type. The compare document with --json, the Markdown summary without.
/// </summary>
public sealed class CompareCommand : ICommand
{
    public string Name => "compare";
    public string Usage => "QUERY [--index DB] [--per-report N] [--reports ID,ID] [--problem ID] [--json]   how each report states and handles a problem";

    public async Task<int> RunAsync(CommandLine line, CliContext context)
    {
        var json = line.Flag("json");
        var query = string.Join(' ', line.Positional);
        var problem = line.Option("problem");
        var perReport = line.Option("per-report") is null ? (int?)null : line.IntOption("per-report", 0, 1, 1000);
        var reports = line.Option("reports");
        if (problem is null && string.IsNullOrWhiteSpace(query))
            throw new InputRejectedException($"say what to compare: reportsearch {Name} 借调干部, or --problem <problemId>");
        if (problem is not null && !string.IsNullOrWhiteSpace(query))
            throw new InputRejectedException("give either a QUERY or --problem ID, not both");
        var index = CliServices.OpenIndex(line);
        line.RejectUnknown($"reportsearch {Name} {Usage}");

        var result = problem is null
            ? await index.Compare.CompareAsync(query, perReport, reports, context.Cancellation)
            : await index.Compare.SimilarAsync(problem, perReport, reports, includeSource: true, context.Cancellation);
        await context.Out.WriteLineAsync(json ? JsonSerializer.Serialize(result, ReportJson.Options) : ComparisonMarkdown.Render(result));
        return 0;
    }
}
