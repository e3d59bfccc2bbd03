using System.Text.Json;
using ReportSearch.Core.Model;
using ReportSearch.Core.Parsing;

namespace ReportSearch.Core.Tests.Parsing;

/// <summary>
/// Real reports by issuers other than the seeds' (tests/ReportSearch.Core.Tests/RealReports: the nine openings of
/// ../shared/real and the texts collected for issue 10), each checked against what its text states, read by hand:
/// every metadata field, the number of problems, no problem taken from an organisation chapter, nothing refused.
/// </summary>
public class RealReportTests
{
    private static readonly string Folder = FindFolder();

    private static readonly string[] Fields =
        ["unit", "fullName", "city", "province", "level", "kind", "issuer", "title", "body", "team", "round", "start", "end", "feedbackDate", "publishedDate"];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var set in new[] { "shared", "collected" })
            foreach (var name in Expected(set).Keys.Order(StringComparer.Ordinal)) data.Add(set, name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_stated_field_is_read(string set, string name)
    {
        var expected = Expected(set)[name];
        var actual = ReadFields(Parse(set, name));
        var wrong = Fields.Where(expected.ContainsKey)
            .Where(f => expected[f] != actual[f])
            .Select(f => $"{f}: expected {expected[f] ?? "null"}, read {actual[f] ?? "null"}")
            .ToList();
        Assert.Empty(wrong);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_problems_stated_are_found_and_none_comes_from_an_organisation_chapter(string set, string name)
    {
        var report = Parse(set, name);
        Assert.Equal(int.Parse(Expected(set)[name]["problems"]!), report.Problems.Count);
        var organisation = report.Sections.Where(s => s.Kind == SectionKind.Organisation).Select(s => s.Path).ToList();
        Assert.DoesNotContain(report.Problems, p => organisation.Any(o => p.Path == o || p.Path.StartsWith(o + "/", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Nothing_is_refused_and_the_text_is_kept(string set, string name)
    {
        var report = Parse(set, name);
        Assert.True(report.IsRecognised());
        // Its opening sentence is in the model's text, where search can reach it.
        var text = string.Join("\n", report.Sections.Select(s => s.Text).Concat(report.Problems.Select(p => p.Statement)));
        var opening = File.ReadAllLines(Path.Combine(Folder, set, name)).First(l => l.Contains('。') && (l.Contains("巡视") || l.Contains("巡察")));
        var sentence = opening.Trim().Split('。')[0];
        Assert.Contains(sentence[Math.Max(0, sentence.Length - 20)..], text);
    }

    [Fact]
    public void Every_collected_text_names_its_source_address_and_is_on_disk()
    {
        var collected = Expected("collected");
        Assert.All(collected, c => Assert.StartsWith("http", c.Value.GetValueOrDefault("source") ?? "", StringComparison.Ordinal));
        var files = Directory.GetFiles(Path.Combine(Folder, "collected"), "*.txt").Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(collected.Keys.Order(StringComparer.Ordinal), files);
    }

    private static RectificationReport Parse(string set, string name) =>
        new ReportParser().Parse(File.ReadAllBytes(Path.Combine(Folder, set, name)), name);

    private static Dictionary<string, string?> ReadFields(RectificationReport r)
    {
        static string? D(DateOnly? d) => d?.ToString("yyyy-MM-dd");
        var u = r.Unit;
        var i = r.Inspection;
        return new()
        {
            ["unit"] = u.Name, ["fullName"] = u.FullName, ["city"] = u.City, ["province"] = u.Province, ["level"] = u.Level,
            ["kind"] = u.Kind, ["issuer"] = r.Issuer, ["title"] = r.Title, ["body"] = i.Body, ["team"] = i.Team, ["round"] = i.Round,
            ["start"] = D(i.Start), ["end"] = D(i.End), ["feedbackDate"] = D(i.FeedbackDate), ["publishedDate"] = D(r.PublishedDate),
        };
    }

    /// <summary>Each case's expected values (strings, null where the text does not say), additions.json merged in.</summary>
    private static Dictionary<string, Dictionary<string, string?>> Expected(string set)
    {
        var cases = Read(Path.Combine(Folder, set, "expected.json"));
        var additions = Path.Combine(Folder, set, "additions.json");
        if (File.Exists(additions))
            foreach (var (name, values) in Read(additions))
                foreach (var (key, value) in values) cases[name][key] = value;
        return cases;
    }

    private static Dictionary<string, Dictionary<string, string?>> Read(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        return json.RootElement.GetProperty("reports").EnumerateObject().ToDictionary(
            c => c.Name,
            c => c.Value.EnumerateObject().ToDictionary(
                f => f.Name,
                f => f.Value.ValueKind switch { JsonValueKind.Null => null, JsonValueKind.Number => f.Value.GetRawText(), _ => f.Value.GetString() }));
    }

    private static string FindFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var folder = Path.Combine(dir.FullName, "tests", "ReportSearch.Core.Tests", "RealReports");
            if (Directory.Exists(folder)) return folder;
        }
        throw new DirectoryNotFoundException("tests/ReportSearch.Core.Tests/RealReports not found above the test binaries");
    }
}
