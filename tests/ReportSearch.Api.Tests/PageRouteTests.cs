using System.Net;
using System.Text.Json;

namespace ReportSearch.Api.Tests;

/// <summary>
/// The read routes the page is built on (overview, capabilities, one problem), the page's 404 fallback, the export's
/// ASCII file name and the search parameters in OpenAPI, over real HTTP on a real index of the seeds.
/// </summary>
public sealed class PageRouteTests(SeededApp app) : IClassFixture<SeededApp>
{
    private async Task<JsonElement> Json(string url)
    {
        using var response = await app.Http.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Fact]
    public async Task The_overview_counts_the_seeds_by_province_year_category_and_district()
    {
        var overview = await Json("/api/overview");
        Assert.Equal(2, overview.GetProperty("reports").GetInt32());
        Assert.Equal(89, overview.GetProperty("problems").GetInt32());
        Assert.Equal(249, overview.GetProperty("measures").GetInt32());

        var byYear = overview.GetProperty("byProvinceYear").EnumerateArray()
            .Select(r => (r.GetProperty("province").GetString(), r.GetProperty("year").GetInt32(), r.GetProperty("reports").GetInt32(), r.GetProperty("problems").GetInt32()))
            .ToList();
        Assert.Equal([("广东省", 2021, 1, 48), ("陕西省", 2022, 1, 41)], byYear);

        // Each problem once, under its primary category: the categories sum to the problems, and so does each district.
        Assert.Equal(89, overview.GetProperty("byCategory").EnumerateArray().Sum(c => c.GetProperty("problems").GetInt32()));
        var cells = overview.GetProperty("byDistrictCategory").EnumerateArray().ToList();
        Assert.Equal(41, cells.Where(c => c.GetProperty("unit").GetString() == "高陵区").Sum(c => c.GetProperty("problems").GetInt32()));
        Assert.Equal(48, cells.Where(c => c.GetProperty("unit").GetString() == "高明区").Sum(c => c.GetProperty("problems").GetInt32()));
        var primary = app.Index.Store.CategoryCounts();
        foreach (var c in overview.GetProperty("byCategory").EnumerateArray())
            Assert.Equal(primary[c.GetProperty("category").GetString()!].Primary, c.GetProperty("problems").GetInt32());

        var recent = overview.GetProperty("recent").EnumerateArray().ToList();
        Assert.Equal(["2022-05-06", "2021-05-06"], recent.Select(r => r.GetProperty("publishedDate").GetString()));
    }

    [Fact]
    public async Task Capabilities_say_writes_work_when_the_server_has_a_key()
    {
        var capabilities = await Json("/api/capabilities");
        Assert.True(capabilities.GetProperty("writes").GetBoolean());
        Assert.Equal(20 * 1024 * 1024, capabilities.GetProperty("maxUploadBytes").GetInt64());
        Assert.Contains(".docx", capabilities.GetProperty("uploadFormats").EnumerateArray().Select(f => f.GetString()));
    }

    [Fact]
    public async Task One_problem_comes_with_its_measures_and_an_unknown_one_is_a_problem_document()
    {
        var report = app.Index.Store.GetReport(app.Index.Store.ListReports()[0].Id)!;
        var expected = report.Problems.First(p => p.Measures.Count > 1);
        var problem = await Json($"/api/problems/{expected.Id}");
        Assert.Equal(expected.Statement, problem.GetProperty("statement").GetString());
        Assert.Equal(expected.Measures.Select(m => m.Id), problem.GetProperty("measures").EnumerateArray().Select(m => m.GetProperty("id").GetString()));

        using var missing = await app.Http.GetAsync("/api/problems/0000000000000000-p01");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType!.MediaType);
        Assert.Contains("no problem with id", await missing.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/no/such/page", "text/html")]
    [InlineData("/reports", "text/html")]
    [InlineData("/api/no-such-route", "application/problem+json")]
    [InlineData("/missing.js", "application/problem+json")]
    public async Task An_unknown_page_path_gets_the_page_with_status_404_and_api_or_file_paths_a_problem_document(string path, string mediaType)
    {
        using var response = await app.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        if (mediaType == "text/html") Assert.Contains("<script type=\"module\" src=\"/app.js\"></script>", body);
        else Assert.Equal(404, JsonDocument.Parse(body).RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task The_ascii_file_name_of_an_export_reads_as_a_name_with_the_date()
    {
        using var response = await app.Http.GetAsync("/api/export?q=" + Uri.EscapeDataString("干部借调") + "&format=csv");
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Matches(@"^compare-\d{4}-\d{2}-\d{2}\.csv$", disposition.FileName!.Trim('"'));
        Assert.Equal("对比-干部借调.csv", disposition.FileNameStar);

        using var matrix = await app.Http.GetAsync("/api/export?matrix=true&format=xlsx");
        Assert.Matches(@"^categories-by-district-\d{4}-\d{2}-\d{2}\.xlsx$", matrix.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
    }

    [Fact]
    public async Task OpenApi_lists_the_parameters_of_search_and_of_every_route_that_takes_some()
    {
        var paths = (await Json("/openapi/v1.json")).GetProperty("paths");
        var search = paths.GetProperty("/api/search").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .ToDictionary(p => p.GetProperty("name").GetString()!, p => p);
        foreach (var name in new[] { "q", "top", "offset", "unit", "city", "province", "category", "kind", "year", "from", "to", "sort", "low" })
            Assert.True(search.ContainsKey(name), $"/api/search does not list '{name}'");
        Assert.Equal("array", search["unit"].GetProperty("schema").GetProperty("type").GetString());

        foreach (var (route, parameter) in new[] { ("/api/compare", "q"), ("/api/export", "format"), ("/api/problems/{id}", "id"), ("/api/reports/{id}", "id") })
        {
            var listed = paths.GetProperty(route).GetProperty("get").GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString());
            Assert.Contains(parameter, listed);
        }
    }
}
