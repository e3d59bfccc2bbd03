using System.Globalization;
using System.Text.Json;
using ReportSearch.Core;
using ReportSearch.Core.Model;
using ReportSearch.Index.Search;

namespace ReportSearch.Cli.Commands;

/// <summary>`search QUERY ...`: ranked problems and measures, as the search document of CONTRACT.md with --json.</summary>
public sealed class SearchCommand : ICommand
{
    public string Name => "search";
    public string Usage => "QUERY [--index DB] [--top N] [--offset N] [--unit U] [--city C] [--province P] [--category C] [--kind K] [--year Y] [--from yyyy-MM-dd] [--to yyyy-MM-dd] [--sort relevance|date] [--low] [--json]";

    public async Task<int> RunAsync(CommandLine line, CliContext context)
    {
        var json = line.Flag("json");
        var request = new SearchRequest(string.Join(' ', line.Positional))
        {
            Top = line.IntOption("top", 10, 1, 1000),
            Offset = line.IntOption("offset", 0, 0, 100_000),
            Units = line.Values("unit"),
            Cities = line.Values("city"),
            Provinces = line.Values("province"),
            Categories = line.Values("category"),
            Kinds = line.Values("kind"),
            Years = line.Values("year"),
            From = Date(line, "from"),
            To = Date(line, "to"),
            Sort = line.Option("sort") == "date" ? SearchSort.Date : SearchSort.Relevance,
            IncludeLow = line.Flag("low"),
        };
        var index = CliServices.OpenIndex(line);
        line.RejectUnknown($"reportsearch {Name} {Usage}");
        var result = await index.Search.SearchAsync(request, context.Cancellation);

        if (json) await context.Out.WriteLineAsync(JsonSerializer.Serialize(result, ReportJson.Options));
        else
        {
            var folded = result.Folded > 0 ? $", {result.Folded} more below the relevance floor (--low shows them)" : "";
            await context.Out.WriteLineAsync($"{result.Total} matches for '{result.Query}'{folded} ({result.TookMs} ms)");
            foreach (var h in result.Hits)
                await context.Out.WriteLineAsync($"{h.Score:0.000}  {h.Unit}  {h.Path}  [{h.Kind}]  {Clip(h.Text)}  ({(h.MatchedTerms.Count > 0 ? string.Join(' ', h.MatchedTerms) : "语义相近")})");
        }
        return 0;
    }

    private static DateOnly? Date(CommandLine line, string name)
    {
        var raw = line.Option(name);
        if (raw is null) return null;
        return DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new InputRejectedException($"--{name} must be a date written yyyy-MM-dd, not '{raw}'");
    }

    private static string Clip(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
