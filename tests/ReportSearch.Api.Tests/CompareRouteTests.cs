using System.Net;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ReportSearch.Api.Tests;

/// <summary>GET /api/compare, /api/problems/{id}/similar and /api/export over real HTTP on loopback.</summary>
public sealed class CompareRouteTests(SeededApp app) : IClassFixture<SeededApp>
{
    private async Task<JsonElement> GetJson(string path)
    {
        using var response = await app.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task Compare_returns_both_districts_for_secondment_and_one_for_eucalyptus()
    {
        var both = await GetJson("/api/compare?q=" + Uri.EscapeDataString("干部借调"));
        Assert.Equal(["高明区", "高陵区"], both.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("unit").GetString()).Order(StringComparer.Ordinal));
        Assert.True(both.GetProperty("alignment").GetArrayLength() > 0);

        var one = await GetJson("/api/compare?q=" + Uri.EscapeDataString("桉树") + "&perReport=1");
        var group = Assert.Single(one.GetProperty("groups").EnumerateArray());
        Assert.Equal("高明区", group.GetProperty("unit").GetString());
        Assert.Equal(1, group.GetProperty("matches").GetArrayLength());
    }

    [Fact]
    public async Task Similar_lists_the_nearest_problems_of_the_other_reports()
    {
        var gaoling = app.Index.Store.ListReports().Single(r => r.Unit.Name == "高陵区").Id;
        var similar = await GetJson($"/api/problems/{gaoling}-p35/similar");
        Assert.Equal($"{gaoling}-p35", similar.GetProperty("problemId").GetString());
        Assert.All(similar.GetProperty("groups").EnumerateArray(), g => Assert.NotEqual(gaoling, g.GetProperty("reportId").GetString()));
        Assert.Contains("混编混岗", similar.GetProperty("groups")[0].GetProperty("matches")[0].GetProperty("statement").GetString());

        using var missing = await app.Http.GetAsync("/api/problems/0000000000000000-p01/similar");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Export_is_an_attachment_with_its_content_type_and_a_UTF8_file_name()
    {
        using var response = await app.Http.GetAsync("/api/export?q=" + Uri.EscapeDataString("干部借调") + "&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("对比-干部借调.xlsx", disposition.FileNameStar);
        Assert.Contains("filename*=UTF-8''%E5%AF%B9%E6%AF%94-", response.Content.Headers.GetValues("Content-Disposition").Single());

        using var document = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        Assert.Equal(["comparison", "measures", "alignment"], document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value));
    }

    [Theory]
    [InlineData("csv", "text/csv")]
    [InlineData("json", "application/json")]
    [InlineData("md", "text/markdown")]
    public async Task Export_formats_have_their_content_types(string format, string mediaType)
    {
        using var response = await app.Http.GetAsync("/api/export?q=" + Uri.EscapeDataString("八项规定") + "&format=" + format);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (format == "csv") Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
    }

    [Fact]
    public async Task Matrix_export_counts_every_district()
    {
        using var response = await app.Http.GetAsync("/api/export?matrix=true&format=json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal([41, 48], json.RootElement.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("problems").GetInt32()).Order());
        Assert.Equal("类别矩阵.json", response.Content.Headers.ContentDisposition!.FileNameStar);
    }

    [Theory]
    [InlineData("/api/export?q=%E5%80%9F%E8%B0%83&format=pdf", "unknown export format 'pdf': use one of csv, xlsx, json, md")]
    [InlineData("/api/compare?q=%E5%80%9F%E8%B0%83&perReport=0", "per-report must be from 1 to 20, not 0")]
    [InlineData("/api/compare?q=%E5%80%9F%E8%B0%83&perReport=abc", "'perReport' must be a whole number, not 'abc'")]
    [InlineData("/api/export?matrix=maybe", "'matrix' must be true or false, not 'maybe'")]
    [InlineData("/api/compare?q=", "say what to compare: the words of a problem, e.g. q=借调干部; or compare from one problem with /api/problems/{id}/similar (CLI: compare --problem ID)")]
    [InlineData("/api/compare?q=%E5%80%9F%E8%B0%83&reports=0000000000000000", "no report '0000000000000000' in the index; list the ids with `reportsearch reports` or GET /api/reports")]
    public async Task Bad_requests_are_problem_json_naming_the_fix(string path, string detail)
    {
        using var response = await app.Http.GetAsync(path);
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(detail, json.RootElement.GetProperty("detail").GetString());
    }
}
