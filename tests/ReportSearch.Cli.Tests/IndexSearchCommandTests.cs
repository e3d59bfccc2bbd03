using System.Text.Json;
using ReportSearch.Cli;
using ReportSearch.Index;

namespace ReportSearch.Cli.Tests;

/// <summary>`index`, `search` and `reports` run in-process through CliApp on a real index file in a temp folder.</summary>
public sealed class IndexSearchCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "reportsearch-cli-tests", Guid.NewGuid().ToString("n"));
    private readonly string _seeds;
    private readonly string _db;

    public IndexSearchCommandTests()
    {
        _seeds = Path.Combine(_folder, "seeds");
        Directory.CreateDirectory(_seeds);
        var repoSeeds = Path.Combine(RepositoryRoot.FindFrom(AppContext.BaseDirectory)!, "seeds");
        foreach (var f in Directory.GetFiles(repoSeeds)) File.Copy(f, Path.Combine(_seeds, Path.GetFileName(f)));
        _db = Path.Combine(_folder, "index", "reportsearch.db");
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, true); } catch (IOException) { }
    }

    private static Task<CliRun> Run(params string[] args) => InProcessCli.Run(args);

    [Fact]
    public async Task Index_prints_the_summary_line_and_skips_unchanged_files_on_the_next_run()
    {
        var first = await Run("index", _seeds, "--index", _db);
        Assert.Equal((0, "indexed 2, unchanged 0, failed 0"), (first.Code, first.Out.Trim()));
        // stderr is redirected here, so progress comes as plain lines (the live bar is for terminals), ending at 2/2.
        Assert.All(first.Err.Trim().Split('\n'), l => Assert.StartsWith("index: ", l));
        Assert.StartsWith("index: 2/2 files", first.Err.Trim().Split('\n')[^1]);
        var second = await Run("index", Path.Combine(_seeds, "000_a859e88ebbc2d2c3.txt"), _seeds, "--index", _db);
        Assert.Equal((0, "indexed 0, unchanged 3, failed 0"), (second.Code, second.Out.Trim()));
    }

    [Fact]
    public async Task Reindex_rebuilds_the_search_index_from_the_store_and_search_answers_the_same()
    {
        await Run("index", _seeds, "--index", _db);
        var before = await Run("search", "借调", "--index", _db, "--json", "--top", "20");
        Directory.Delete(_db + ".search", recursive: true);
        var reindex = await Run("reindex", "--index", _db);
        Assert.Equal(0, reindex.Code);
        Assert.Matches(@"^reindexed 2 reports: \d+ search documents in ", reindex.Out.Trim());
        var after = await Run("search", "借调", "--index", _db, "--json", "--top", "20");
        static string Hits(string json) => JsonDocument.Parse(json).RootElement.GetProperty("hits").GetRawText();
        Assert.Equal(Hits(before.Out), Hits(after.Out));
    }

    [Fact]
    public async Task A_corrupt_file_is_named_with_its_reason_and_exits_1()
    {
        var bad = Path.Combine(_seeds, "bad.docx");
        File.WriteAllBytes(bad, [0x50, 0x4B, 0x03, 0x04, 0x00, 0x01, 0x02]);
        var run = await Run("index", _seeds, "--index", _db);
        Assert.Equal(1, run.Code);
        var lines = run.Out.Trim().Split('\n');
        Assert.Equal("indexed 2, unchanged 0, failed 1", lines[0]);
        Assert.StartsWith($"failed: {bad}: ", lines[1]);
        Assert.Single(run.Err.Trim().Split('\n'), l => !l.StartsWith("index: "));

        var missing = await Run("index", Path.Combine(_folder, "nowhere"), "--index", _db);
        Assert.Equal(1, missing.Code);
        Assert.Contains("no file or folder", missing.Err);
    }

    [Fact]
    public async Task Search_json_is_one_contract_document_with_hits_and_facets()
    {
        await Run("index", _seeds, "--index", _db);
        var run = await Run("search", "借调", "--index", _db, "--top", "5", "--json");
        Assert.Equal(0, run.Code);
        using var doc = JsonDocument.Parse(run.Out); // exactly one document: Parse fails on trailing content
        var root = doc.RootElement;
        Assert.Equal("借调", root.GetProperty("query").GetString());
        Assert.True(root.GetProperty("total").GetInt32() >= 5);
        Assert.Equal(JsonValueKind.Number, root.GetProperty("tookMs").ValueKind);
        var hits = root.GetProperty("hits").EnumerateArray().ToList();
        Assert.Equal(5, hits.Count);
        foreach (var name in new[] { "reportId", "unit", "city", "province", "problemId", "kind", "path", "text", "snippet", "score", "categories" })
            Assert.All(hits, h => Assert.True(h.TryGetProperty(name, out _), name));
        var units = root.GetProperty("facets").GetProperty("unit");
        Assert.True(units.GetProperty("高陵区").GetInt32() > 0);
        Assert.True(units.GetProperty("高明区").GetInt32() > 0);
        Assert.Equal(JsonValueKind.Object, root.GetProperty("facets").GetProperty("category").ValueKind);
        Assert.Contains(hits, h => h.GetProperty("snippet").GetString()!.Contains("<mark>"));
    }

    [Fact]
    public async Task Search_filters_by_unit_kind_and_dates_from_the_command_line()
    {
        await Run("index", _seeds, "--index", _db);
        var run = await Run("search", "整改", "--index", _db, "--unit", "高明区", "--kind", "measure", "--from", "2021-01-01", "--to", "2021-12-31", "--top", "50", "--json");
        Assert.Equal(0, run.Code);
        using var doc = JsonDocument.Parse(run.Out);
        var hits = doc.RootElement.GetProperty("hits").EnumerateArray().ToList();
        Assert.NotEmpty(hits);
        Assert.All(hits, h => Assert.Equal(("高明区", "measure"), (h.GetProperty("unit").GetString(), h.GetProperty("kind").GetString())));
    }

    [Theory]
    [InlineData("search", "", "query is empty")]
    [InlineData("search", "？？！", "only punctuation")]
    [InlineData("search", "借调 --kind chapter", "kind must be problem, measure or section")]
    [InlineData("search", "借调 --from 2021/01/01", "yyyy-MM-dd")]
    [InlineData("search", "借调 --top 0", "--top must be")]
    [InlineData("search", "借调 --colour red", "unknown option --colour")]
    public async Task Bad_queries_and_options_exit_1_with_one_line_naming_the_fix(string command, string rest, string expected)
    {
        await Run("index", _seeds, "--index", _db);
        var args = new List<string> { command };
        args.AddRange(rest.Length == 0 ? [""] : rest.Split(' '));
        args.AddRange(["--index", _db, "--json"]);
        var run = await Run(args.ToArray());
        Assert.Equal(1, run.Code);
        Assert.Equal("", run.Out);
        Assert.Single(run.Err.Trim().Split('\n'));
        Assert.Contains(expected, run.Err);
    }

    [Fact]
    public async Task Reports_json_lists_the_indexed_reports_with_metadata_and_problem_counts()
    {
        await Run("index", _seeds, "--index", _db);
        var run = await Run("reports", "--index", _db, "--json");
        Assert.Equal(0, run.Code);
        using var doc = JsonDocument.Parse(run.Out);
        var reports = doc.RootElement.GetProperty("reports").EnumerateArray().ToList();
        Assert.Equal(2, doc.RootElement.GetProperty("total").GetInt32());
        var gaoling = reports.Single(r => r.GetProperty("unit").GetProperty("name").GetString() == "高陵区");
        Assert.Equal(41, gaoling.GetProperty("problemCount").GetInt32());
        Assert.Equal("西安市", gaoling.GetProperty("unit").GetProperty("city").GetString());
        Assert.Equal("2022-05-06", gaoling.GetProperty("publishedDate").GetString());
        Assert.Matches("^[0-9a-f]{16}$", gaoling.GetProperty("id").GetString()!);
        Assert.Equal(48, reports.Single(r => r.GetProperty("unit").GetProperty("name").GetString() == "高明区").GetProperty("problemCount").GetInt32());
    }

    [Fact]
    public void The_default_index_is_index_reportsearch_db_under_the_folder_holding_the_solution()
    {
        var root = RepositoryRoot.FindFrom(AppContext.BaseDirectory)!;
        Assert.True(File.Exists(Path.Combine(root, "ReportSearch.sln")));
        Assert.Null(RepositoryRoot.FindFrom(Path.GetTempPath()));
        var cwd = Directory.GetCurrentDirectory();
        Assert.Equal(Path.Combine(root, "index", "reportsearch.db"), RepositoryRoot.DefaultIndexPath());
        Assert.Equal(cwd, Directory.GetCurrentDirectory());
    }
}
