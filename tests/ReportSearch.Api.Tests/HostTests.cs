using System.Net;
using Microsoft.AspNetCore.Builder;
using System.Text.Json;
using ReportSearch.Api;
using ReportSearch.Core.Analysis;
using ReportSearch.Core.Parsing;
using ReportSearch.Index;
using ReportSearch.Index.Storage;

namespace ReportSearch.Api.Tests;

/// <summary>The host itself, over real HTTP on loopback: error shape, OpenAPI, unknown routes.</summary>
public sealed class HostTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("rs-host-").FullName;
    private WebApplication _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        var index = new ReportIndex(IndexStore.Open(Path.Combine(_dir, "index.db")), new ChineseAnalyzer(), (name, bytes) => new ReportParser().Parse(bytes, name));
        _app = ReportSearchApp.Build(index, "http://127.0.0.1:0");
        await _app.StartAsync();
        _http = new HttpClient { BaseAddress = _app.BoundAddress() };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Unknown_route_is_a_problem_document_not_a_bare_404()
    {
        var response = await _http.GetAsync("/api/no-such-route");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(404, doc.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task OpenApi_description_is_served()
    {
        var response = await _http.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(doc.RootElement.TryGetProperty("paths", out _));
    }
}
