using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ReportSearch.Index.Classification;

namespace ReportSearch.Api.Tests;

/// <summary>The data routes of CONTRACT.md over real HTTP on loopback, on a real index of the seeds.</summary>
public sealed class RouteTests : IClassFixture<SeededApp>
{
    private readonly SeededApp _app;
    public RouteTests(SeededApp app) => _app = app;

    private async Task<JsonElement> Json(string url)
    {
        var response = await _app.Http.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Fact]
    public async Task Health_answers_with_the_report_count()
    {
        var health = await Json("/health");
        Assert.Equal(2, health.GetProperty("reports").GetInt32());
    }

    [Fact]
    public async Task Search_finds_secondment_in_both_districts_with_categories_and_facets()
    {
        var result = await Json("/api/search?q=" + Uri.EscapeDataString("借调") + "&top=20");
        var units = result.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("unit").GetString()).ToHashSet();
        Assert.Contains("高陵区", units);
        Assert.Contains("高明区", units);
        Assert.All(result.GetProperty("hits").EnumerateArray(), h => Assert.NotEmpty(h.GetProperty("categories").EnumerateArray()));
        Assert.True(result.GetProperty("facets").GetProperty("category").EnumerateObject().Any());
    }

    [Fact]
    public async Task Search_filters_by_category_and_rejects_bad_values_with_a_problem_document()
    {
        var filtered = await Json("/api/search?q=" + Uri.EscapeDataString("干部") + "&category=cadre_management&top=50");
        Assert.NotEmpty(filtered.GetProperty("hits").EnumerateArray());
        Assert.All(filtered.GetProperty("hits").EnumerateArray(),
            h => Assert.Contains("cadre_management", h.GetProperty("categories").EnumerateArray().Select(c => c.GetString())));

        foreach (var bad in new[] { "/api/search?q=", "/api/search?q=%E3%80%82%EF%BC%8C", "/api/search?q=x&top=0", "/api/search?q=x&from=2021-13-01" })
        {
            var response = await _app.Http.GetAsync(bad);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var detail = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString();
            Assert.False(string.IsNullOrWhiteSpace(detail));
            Assert.DoesNotContain("   at ", detail);
        }
    }

    [Fact]
    public async Task Reports_list_and_one_report_follow_the_contract()
    {
        var list = await Json("/api/reports");
        Assert.Equal(2, list.GetProperty("total").GetInt32());
        var gaoming = list.GetProperty("reports").EnumerateArray().Single(r => r.GetProperty("unit").GetProperty("name").GetString() == "高明区");
        var report = await Json("/api/reports/" + gaoming.GetProperty("id").GetString());
        Assert.Equal("广东省", report.GetProperty("unit").GetProperty("province").GetString());
        Assert.Equal(48, report.GetProperty("problems").GetArrayLength());
        Assert.All(report.GetProperty("problems").EnumerateArray(), p =>
        {
            Assert.NotEmpty(p.GetProperty("categories").EnumerateArray());
            // The contract extension: the model's probabilities, the primary category the most likely.
            var scores = p.GetProperty("categoryScores").EnumerateObject().ToDictionary(s => s.Name, s => s.Value.GetDouble());
            Assert.Equal(scores.MaxBy(s => s.Value).Key, p.GetProperty("categories")[0].GetString());
        });

        var missing = await _app.Http.GetAsync("/api/reports/0000000000000000");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Categories_carry_every_taxonomy_id_with_counts()
    {
        var scheme = await Json("/api/categories");
        var categories = scheme.GetProperty("categories").EnumerateArray().ToList();
        Assert.Equal(17, categories.Count);
        Assert.Contains(categories, c => c.GetProperty("id").GetString() == "cadre_management" && c.GetProperty("problems").GetInt32() > 0);
        Assert.Equal("干部队伍建设与管理", categories.Single(c => c.GetProperty("id").GetString() == "cadre_management").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Review_lists_the_least_certain_problems_first_with_their_scores()
    {
        var review = (await Json("/api/review?top=5")).EnumerateArray().ToList();
        Assert.Equal(5, review.Count);
        var certainty = review.Select(r => r.GetProperty("certainty").GetDouble()).ToList();
        Assert.Equal(certainty.OrderBy(c => c), certainty);
        Assert.All(review, r =>
        {
            Assert.NotEmpty(r.GetProperty("problemId").GetString()!);
            Assert.NotEmpty(r.GetProperty("categories").EnumerateArray());
            Assert.Equal(r.GetProperty("certainty").GetDouble(), r.GetProperty("scores")[0].GetProperty("probability").GetDouble(), 6);
        });
        var bad = await _app.Http.GetAsync("/api/review?top=0");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Writes_without_the_key_are_refused_and_change_nothing()
    {
        var before = _app.Index.Store.CountRows();
        var put = await _app.Http.PutAsJsonAsync("/api/problems/x-p01/categories", new { categories = new[] { "ideology" } });
        Assert.Equal(HttpStatusCode.Unauthorized, put.StatusCode);
        var delete = new HttpRequestMessage(HttpMethod.Delete, "/api/reports/whatever");
        delete.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "wrong-key");
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.Http.SendAsync(delete)).StatusCode);
        Assert.Equal(before, _app.Index.Store.CountRows());
    }
}

/// <summary>Writes change the index, so they get their own app instance.</summary>
public sealed class WriteRouteTests : IAsyncLifetime
{
    private readonly SeededApp _app = new();
    public Task InitializeAsync() => _app.InitializeAsync();
    public Task DisposeAsync() => _app.DisposeAsync();

    private HttpRequestMessage Authorized(HttpMethod method, string url, HttpContent? content = null) =>
        _app.Authorized(method, url, content);

    private JsonElement Problem(string unitName, string path)
    {
        var report = _app.Index.Store.ListReports().Single(r => r.Unit.Name == unitName);
        var problem = _app.Index.Store.GetReport(report.Id)!.Problems.Single(p => p.Path == path);
        return JsonSerializer.SerializeToElement(problem, Core.Model.ReportJson.Options);
    }

    [Fact]
    public async Task A_correction_applies_at_once_survives_reindexing_and_trains_the_next_model()
    {
        const string path = "二/(三)/2/(35)";
        var problemId = Problem("高陵区", path).GetProperty("id").GetString()!;

        var put = await _app.Http.SendAsync(Authorized(HttpMethod.Put, $"/api/problems/{problemId}/categories",
            JsonContent.Create(new { categories = new[] { "integrity_risk", "cadre_management" } })));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("integrity_risk", Problem("高陵区", path).GetProperty("categories")[0].GetString());

        var unknown = await _app.Http.SendAsync(Authorized(HttpMethod.Put, $"/api/problems/{problemId}/categories",
            JsonContent.Create(new { categories = new[] { "no_such_category" } })));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var missing = await _app.Http.SendAsync(Authorized(HttpMethod.Put, "/api/problems/nope-p01/categories",
            JsonContent.Create(new { categories = new[] { "ideology" } })));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        // The district republishes its report with a changed contact line: a new file content, so a new report id.
        var seed = _app.Seed("000_");
        File.WriteAllText(seed, File.ReadAllText(seed).Replace("029—86912703", "029—86912704"));
        var summary = await _app.Index.Indexer.IndexAsync([_app.SeedsFolder]);
        Assert.Equal(1, summary.Indexed);

        var reindexed = Problem("高陵区", path);
        Assert.NotEqual(problemId, reindexed.GetProperty("id").GetString());
        Assert.Equal("integrity_risk", reindexed.GetProperty("categories")[0].GetString());
        // Indexing the changed file retrained the model, with the correction among its examples.
        var saved = _app.Index.Store.LoadModel(IndexCategorizer.ModelName)!;
        Assert.Contains("corrections:1", saved.Info);
    }

    [Fact]
    public async Task Upload_and_delete_a_report_with_the_key()
    {
        var bytes = Encoding.UTF8.GetBytes(File.ReadAllText(_app.Seed("000_")).Replace("高陵区", "临潼区"));
        var upload = await _app.Http.SendAsync(Authorized(HttpMethod.Post, "/api/reports?name=lintong.txt", new ByteArrayContent(bytes)));
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var id = JsonDocument.Parse(await upload.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        Assert.Equal(3, _app.Index.Store.ListReports().Count);

        var empty = await _app.Http.SendAsync(Authorized(HttpMethod.Post, "/api/reports?name=empty.txt", new ByteArrayContent([])));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var binary = await _app.Http.SendAsync(Authorized(HttpMethod.Post, "/api/reports?name=x.bin", new ByteArrayContent([0, 1, 2, 0, 255, 254, 0, 0, 7])));
        Assert.True(binary.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(3, _app.Index.Store.ListReports().Count);

        Assert.Equal(HttpStatusCode.NoContent, (await _app.Http.SendAsync(Authorized(HttpMethod.Delete, "/api/reports/" + id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.Http.SendAsync(Authorized(HttpMethod.Delete, "/api/reports/" + id))).StatusCode);
        Assert.Equal(2, _app.Index.Store.ListReports().Count);
    }
}
