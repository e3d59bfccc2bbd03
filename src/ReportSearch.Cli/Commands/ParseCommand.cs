using System.Text.Json;
using ReportSearch.Core.Classification;
using ReportSearch.Core.Model;
using ReportSearch.Core.Parsing;

namespace ReportSearch.Cli.Commands;

/// <summary><c>parse FILE [--json]</c>: one report through the parser, printed; nothing is indexed.</summary>
public sealed class ParseCommand : ICommand
{
    public string Name => "parse";
    public string Usage => "FILE [--json]   parse one report (txt in UTF-8/UTF-16/GB18030, html, docx) and print it";

    public async Task<int> RunAsync(CommandLine line, CliContext context)
    {
        var json = line.Flag("json");
        line.RejectUnknown("reportsearch parse FILE [--json]");
        if (line.Positional.Count != 1)
            throw new Core.InputRejectedException("give exactly one report file: reportsearch parse FILE [--json]");

        var parser = new ReportParser(CliSettings.Input());
        var report = Categorize(parser, parser.ParseFile(line.Positional[0]));
        if (json)
        {
            await context.Out.WriteLineAsync(JsonSerializer.Serialize(report, ReportJson.Options));
            return 0;
        }
        await context.Out.WriteLineAsync(Summary(report));
        return 0;
    }

    /// <summary>Each problem's categories from the model the index trains on the labelled seeds and the real labelled set (no corrections: no index here).</summary>
    private static RectificationReport Categorize(ReportParser parser, RectificationReport report)
    {
        if (report.Problems.Count == 0) return report;
        var settings = CliSettings.All;
        var features = new ProblemFeatures(CliServices.Analyzer, settings.Features);
        var trainer = new CategoryTrainer(features, settings.Classifier);
        var examples = trainer.Examples(LabelledExamples.LabelledReports(parser, LabelledSet.Seeds), LabelledSet.Seeds,
            RealLabelledSet.Default, []);
        return new ProblemCategorizer(trainer.Train(examples).Model, features).Apply(report);
    }

    private static string Summary(RectificationReport r)
    {
        var u = r.Unit;
        var lines = new List<string>
        {
            $"{r.SourceName} ({r.Format}) id {r.Id}",
            $"title:      {r.Title ?? "-"}",
            $"unit:       {u.FullName ?? "-"} ({u.Level ?? "?"}; {u.City ?? "-"}, {u.Province ?? "-"})",
            $"inspection: {r.Inspection.Team ?? "-"} {r.Inspection.Round ?? ""} {r.Inspection.Start:yyyy-MM-dd}..{r.Inspection.End:yyyy-MM-dd}, feedback {r.Inspection.FeedbackDate:yyyy-MM-dd}",
            $"published:  {r.PublishedDate:yyyy-MM-dd} by {r.Issuer ?? "-"}",
            $"problems:   {r.Problems.Count}, measures {r.Problems.Sum(p => p.Measures.Count)}, sections {r.Sections.Count}",
        };
        lines.AddRange(r.Warnings.Select(w => $"warning:    {w}"));
        return string.Join(Environment.NewLine, lines);
    }
}
