using System.Text.Json;
using ReportSearch.Core.Model;
using ReportSearch.Index.Storage;

namespace ReportSearch.Cli.Commands;

/// <summary>`reports [--index DB] --json`: the indexed reports with their metadata and problem counts.</summary>
public sealed class ReportsCommand : ICommand
{
    public string Name => "reports";
    public string Usage => "[--index DB] [--json]   list the indexed reports with their metadata";

    public async Task<int> RunAsync(CommandLine line, CliContext context)
    {
        var json = line.Flag("json");
        var index = CliServices.OpenIndex(line);
        line.RejectUnknown($"reportsearch {Name} {Usage}");
        var reports = index.Store.ListReports();
        if (json) await context.Out.WriteLineAsync(JsonSerializer.Serialize(new ReportList(reports), ReportJson.Options));
        else
            foreach (var r in reports)
                await context.Out.WriteLineAsync($"{r.Id}  {r.PublishedDate:yyyy-MM-dd}  {r.Unit.FullName ?? r.Unit.Name ?? "?"}  {r.ProblemCount} problems  {r.SourceName}");
        return 0;
    }
}
