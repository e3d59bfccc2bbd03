using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using ReportSearch.Index;

namespace ReportSearch.Cli.Tests;

/// <summary>Both seeds indexed by `reportsearch index` into a temp folder, for the compare and export commands.</summary>
public sealed class SeededCliIndex : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("reportsearch-cli-").FullName;
    public string Db => Path.Combine(Folder, "index", "reportsearch.db");

    public SeededCliIndex()
    {
        var seeds = Path.Combine(RepositoryRoot.FindFrom(AppContext.BaseDirectory)!, "seeds");
        var (code, _, error) = InProcessCli.Run("index", seeds, "--index", Db).GetAwaiter().GetResult();
        if (code != 0) throw new InvalidOperationException("indexing the seeds failed: " + error);
    }

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}

/// <summary>`compare` and `export` run in-process as a user runs them, stdout and stderr captured.</summary>
public sealed class CompareExportCommandTests(SeededCliIndex seeded) : IClassFixture<SeededCliIndex>
{
    private static Task<CliRun> Run(params string[] args) => InProcessCli.Run(args);

    private string Out(string name) => Path.Combine(seeded.Folder, "out", name);

    [Fact]
    public async Task Compare_json_is_one_compare_document()
    {
        var (code, stdout, stderr) = await Run("compare", "干部借调", "--index", seeded.Db, "--per-report", "2", "--json");
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        using var json = JsonDocument.Parse(stdout);
        var groups = json.RootElement.GetProperty("groups");
        Assert.Equal(2, groups.GetArrayLength());
        var match = groups[0].GetProperty("matches")[0];
        foreach (var field in new[] { "problemId", "statement", "score", "categories", "measures" })
            Assert.True(match.TryGetProperty(field, out _), $"match missing {field}");
        var measure = match.GetProperty("measures")[0];
        foreach (var field in new[] { "text", "documents", "quantities", "status", "type", "typeName" })
            Assert.True(measure.TryGetProperty(field, out _), $"measure missing {field}");
        Assert.True(groups[0].GetProperty("matches").GetArrayLength() <= 2);
    }

    [Fact]
    public async Task Compare_from_a_problem_leads_with_it()
    {
        // 大棚房 is only in 高陵区's report: its comparison names the report.
        var (_, only, _) = await Run("compare", "大棚房", "--index", seeded.Db, "--json");
        using var list = JsonDocument.Parse(only);
        var gaoling = list.RootElement.GetProperty("groups")[0].GetProperty("reportId").GetString();
        var (code, stdout, _) = await Run("compare", "--problem", $"{gaoling}-p35", "--index", seeded.Db, "--json");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal($"{gaoling}-p35", json.RootElement.GetProperty("groups")[0].GetProperty("matches")[0].GetProperty("problemId").GetString());
        Assert.Equal("高明区", json.RootElement.GetProperty("groups")[1].GetProperty("unit").GetString());
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    [InlineData("json")]
    [InlineData("md")]
    public async Task Export_writes_the_file_and_exits_0(string format)
    {
        var path = Out($"借调.{format}");
        var (code, stdout, stderr) = await Run("export", "干部借调", "--index", seeded.Db, "--format", format, "--out", path);
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.Contains(path, stdout);
        var bytes = await File.ReadAllBytesAsync(path);
        Assert.True(bytes.Length > 500);
        Assert.False(File.Exists(path + ".partial"));
        if (format == "md")
        {
            var md = Encoding.UTF8.GetString(bytes);
            Assert.Contains("## 高陵区", md);
            Assert.Contains("## 高明区", md);
        }
    }

    [Fact]
    public async Task Csv_export_has_the_BOM_and_round_trips()
    {
        var path = Out("八项规定.csv");
        Assert.Equal(0, (await Run("export", "八项规定", "--index", seeded.Db, "--format", "csv", "--out", path)).Code);
        var bytes = await File.ReadAllBytesAsync(path);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        using var reader = new CsvReader(new StreamReader(new MemoryStream(bytes), Encoding.UTF8), CultureInfo.InvariantCulture);
        var rows = reader.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(["高明区", "高陵区"], rows.Select(r => (string)r["unit"]).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(rows, r => ((string)r["statement"]).StartsWith("违反中央八项规定精神问题禁而不绝", StringComparison.Ordinal));
        Assert.All(rows, r => Assert.False(string.IsNullOrEmpty((string)r["measure_text"])));
    }

    [Fact]
    public async Task Matrix_export_counts_both_districts()
    {
        var path = Out("matrix.csv");
        Assert.Equal(0, (await Run("export", "--matrix", "--index", seeded.Db, "--format", "csv", "--out", path)).Code);
        using var reader = new CsvReader(new StreamReader(path, Encoding.UTF8), CultureInfo.InvariantCulture);
        var rows = reader.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToDictionary(r => (string)r["unit"], r => (string)r["problems"]);
        Assert.Equal("41", rows["高陵区"]);
        Assert.Equal("48", rows["高明区"]);
    }

    [Theory]
    [InlineData("--format must be csv, xlsx, json or md, not 'pdf'; run 'reportsearch export --help'", "export", "借调", "--format", "pdf", "--out", "x.pdf")]
    [InlineData("say where to write: --out FILE", "export", "借调", "--format", "csv")]
    [InlineData("say which format: --format csv|xlsx|json|md", "export", "借调", "--out", "x.csv")]
    [InlineData("give either a QUERY or --problem ID, not both", "compare", "借调", "--problem", "x-p01")]
    public async Task Bad_input_exits_1_with_one_line(string message, params string[] args)
    {
        var (code, stdout, stderr) = await Run([.. args, "--index", seeded.Db]);
        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.Equal($"reportsearch {args[0]}: {message}{Environment.NewLine}", stderr);
    }

    [Fact]
    public async Task Unknown_problem_exits_1_naming_it()
    {
        var (code, _, stderr) = await Run("compare", "--problem", "0000000000000000-p01", "--index", seeded.Db);
        Assert.Equal(1, code);
        Assert.StartsWith("reportsearch compare: no problem '0000000000000000-p01' in the index", stderr);
        Assert.Single(stderr.TrimEnd().Split('\n'));
    }
}
