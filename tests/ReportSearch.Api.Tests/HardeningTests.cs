using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ReportSearch.Testing;

namespace ReportSearch.Api.Tests;

/// <summary>
/// The HTTP promises of docs/reliability.md over real HTTP on loopback: security headers, problem+json for every error
/// (414 and malformed bodies included), 401/413/415, uploads never replacing each other, PUT replacing explicitly, no
/// absolute server path in any answer, and query operators that are plain text to the search.
/// </summary>
public sealed class HardeningTests : IAsyncLifetime
{
    private readonly SeededApp _app = new();
    public Task InitializeAsync() => _app.InitializeAsync();
    public Task DisposeAsync() => _app.DisposeAsync();

    private HttpRequestMessage Authorized(HttpMethod method, string url, HttpContent? content = null) =>
        _app.Authorized(method, url, content);

    private static async Task<JsonElement> AssertProblem(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        Assert.DoesNotContain("   at ", body); // never a stack trace
        return problem;
    }

    private byte[] SeedVariant(string unit) => Encoding.UTF8.GetBytes(File.ReadAllText(_app.Seed("000_")).Replace("高陵区", unit));

    [Theory]
    [InlineData("/")]
    [InlineData("/compare")]
    [InlineData("/report/abc")]
    [InlineData("/app.js")]
    [InlineData("/api/search?q=%E5%80%9F%E8%B0%83")]
    [InlineData("/api/no-such-route")]
    public async Task Every_response_carries_the_security_headers(string url)
    {
        var response = await _app.Http.GetAsync(url);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        var scriptSrc = csp.Split(';').Single(d => d.Trim().StartsWith("script-src"));
        Assert.DoesNotContain("unsafe-inline", scriptSrc);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task A_60_KB_query_string_is_414_problem_json()
    {
        var response = await _app.Http.GetAsync("/api/search?q=" + new string('a', 60 * 1024));
        await AssertProblem(response, HttpStatusCode.RequestUriTooLong);
    }

    [Theory]
    [InlineData("multipart/form-data; boundary=XYZ", "--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nno closing boundary")]
    [InlineData("multipart/form-data", "--XYZ\r\n\r\n")]
    [InlineData("multipart/form-data; boundary=XYZ", "garbage without any boundary")]
    public async Task A_malformed_multipart_body_is_400_problem_json(string contentType, string body)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        var before = _app.Index.Store.CountRows();
        await AssertProblem(await _app.Http.SendAsync(Authorized(HttpMethod.Post, "/api/reports", content)), HttpStatusCode.BadRequest);
        Assert.Equal(before, _app.Index.Store.CountRows());
    }

    [Fact]
    public async Task Post_without_a_key_or_with_a_wrong_one_is_401()
    {
        var content = new ByteArrayContent(SeedVariant("临潼区"));
        var none = await _app.Http.PostAsync("/api/reports?name=a.txt", content);
        Assert.Contains("Authorization: Bearer", (await AssertProblem(none, HttpStatusCode.Unauthorized)).GetProperty("detail").GetString());
        var wrong = new HttpRequestMessage(HttpMethod.Post, "/api/reports?name=a.txt") { Content = new ByteArrayContent(SeedVariant("临潼区")) };
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _app.Key + "x");
        await AssertProblem(await _app.Http.SendAsync(wrong), HttpStatusCode.Unauthorized);
        Assert.Equal(2, _app.Index.Store.ListReports().Count);
    }

    [Fact]
    public async Task Uploads_that_are_too_large_or_of_a_type_it_cannot_read_are_413_and_415_and_change_nothing()
    {
        var before = _app.Index.Store.CountRows();
        var cases = new (string Name, byte[] Bytes, HttpStatusCode Status)[]
        {
            ("bomb.docx", HostileFiles.ZipBomb(256L * 1024 * 1024), HttpStatusCode.RequestEntityTooLarge),
            ("headings.txt", HostileFiles.Headings(2_800_000), HttpStatusCode.RequestEntityTooLarge),
            ("huge.txt", new byte[21 * 1024 * 1024], HttpStatusCode.RequestEntityTooLarge),
            ("deep.html", HostileFiles.NestedDivs(100_000), HttpStatusCode.BadRequest),
            ("scan.pdf", Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << >> endobj\n%%EOF"), HttpStatusCode.UnsupportedMediaType),
            ("photo.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3], HttpStatusCode.UnsupportedMediaType),
        };
        foreach (var (name, bytes, status) in cases)
        {
            var request = Authorized(HttpMethod.Post, $"/api/reports?name={name}", new ByteArrayContent(bytes));
            request.Headers.ExpectContinue = true; // so a body over Kestrel's limit is refused before it is sent
            await AssertProblem(await _app.Http.SendAsync(request), status);
        }
        Assert.Equal(before, _app.Index.Store.CountRows());
    }

    [Fact]
    public async Task A_form_upload_over_the_limit_is_413_naming_the_limit_as_a_raw_one_is()
    {
        // The web page uploads as multipart/form-data; Kestrel's limit surfaced there as "malformed multipart" (400).
        var before = _app.Index.Store.CountRows();
        foreach (var form in new[] { true, false })
        {
            var bytes = new ByteArrayContent(new byte[21 * 1024 * 1024]);
            HttpContent content = form ? new MultipartFormDataContent { { bytes, "file", "huge.txt" } } : bytes;
            var request = Authorized(HttpMethod.Post, "/api/reports?name=huge.txt", content);
            request.Headers.ExpectContinue = true; // else Kestrel's early answer resets the socket mid-send
            var problem = await AssertProblem(await _app.Http.SendAsync(request), HttpStatusCode.RequestEntityTooLarge);
            var detail = problem.GetProperty("detail").GetString()!;
            Assert.Contains("20 MB", detail);
            Assert.Contains("MaxUploadBytes", detail);
        }
        Assert.Equal(before, _app.Index.Store.CountRows());
    }

    [Fact]
    public async Task Two_different_uploads_with_the_same_name_or_none_are_both_kept_and_put_replaces_explicitly()
    {
        async Task<string> Upload(string url, byte[] bytes, HttpStatusCode expected = HttpStatusCode.Created)
        {
            var response = await _app.Http.SendAsync(Authorized(HttpMethod.Post, url, new ByteArrayContent(bytes)));
            Assert.Equal(expected, response.StatusCode);
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        }
        var a = await Upload("/api/reports?name=report.txt", SeedVariant("临潼区"));
        var b = await Upload("/api/reports?name=report.txt", SeedVariant("阎良区"));
        var c = await Upload("/api/reports", SeedVariant("鄠邑区"));
        var d = await Upload("/api/reports", SeedVariant("长安区"));
        Assert.Equal(4, new[] { a, b, c, d }.Distinct().Count());
        var ids = _app.Index.Store.ListReports().Select(r => r.Id).ToHashSet();
        Assert.Equal(6, ids.Count);
        Assert.Superset(new HashSet<string> { a, b, c, d }, ids);
        // The same bytes again are the same report, whatever they are called.
        Assert.Equal(a, await Upload("/api/reports?name=other.txt", SeedVariant("临潼区"), HttpStatusCode.OK));

        var put = await _app.Http.SendAsync(Authorized(HttpMethod.Put, $"/api/reports/{b}?name=report-v2.txt", new ByteArrayContent(SeedVariant("高陵区").Concat("\n附：更正"u8.ToArray()).ToArray())));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var replaced = JsonDocument.Parse(await put.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(b, replaced.GetProperty("replaced").GetString());
        var now = _app.Index.Store.ListReports().Select(r => r.Id).ToHashSet();
        Assert.Equal(6, now.Count);
        Assert.DoesNotContain(b, now);
        Assert.Contains(replaced.GetProperty("id").GetString()!, now);
        await AssertProblem(await _app.Http.SendAsync(Authorized(HttpMethod.Put, "/api/reports/nope?name=x.txt", new ByteArrayContent(SeedVariant("x")))), HttpStatusCode.NotFound);
        await AssertProblem(await _app.Http.PutAsync($"/api/reports/{a}?name=x.txt", new ByteArrayContent(SeedVariant("y"))), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task No_response_holds_an_absolute_server_path()
    {
        var report = _app.Index.Store.ListReports()[0];
        var problem = _app.Index.Store.GetReport(report.Id)!.Problems[0].Id;
        var urls = new[]
        {
            "/health", "/api/reports", $"/api/reports/{report.Id}", "/api/reports/nope", "/api/categories",
            "/api/search?q=%E5%80%9F%E8%B0%83&top=50", "/api/compare?q=%E5%80%9F%E8%B0%83", $"/api/problems/{problem}/similar",
            "/api/export?q=%E5%80%9F%E8%B0%83&format=json", "/api/export?matrix=true&format=csv", "/openapi/v1.json",
        };
        foreach (var url in urls)
        {
            var body = await (await _app.Http.GetAsync(url)).Content.ReadAsStringAsync();
            Assert.DoesNotContain(_app.Folder, body);
            Assert.DoesNotContain(Path.GetTempPath(), body);
        }
        using var list = JsonDocument.Parse(await _app.Http.GetStringAsync("/api/reports"));
        Assert.All(list.RootElement.GetProperty("reports").EnumerateArray(),
            r => Assert.DoesNotContain('/', r.GetProperty("sourcePath").GetString()!));
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("借调\"")]
    [InlineData("*")]
    [InlineData("借*")]
    [InlineData("借调 AND 干部")]
    [InlineData("OR")]
    [InlineData("NEAR(借调 干部)")]
    [InlineData("NEAR(")]
    [InlineData("unit:高陵区")]
    [InlineData(":")]
    [InlineData("^借调")]
    [InlineData("(借调")]
    [InlineData("借调~2")]
    [InlineData("[a TO z]")]
    [InlineData("-借调")]
    [InlineData("\\")]
    public async Task Query_operators_in_q_are_text_not_a_500(string q)
    {
        var response = await _app.Http.GetAsync("/api/search?q=" + Uri.EscapeDataString(q));
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest,
            $"{q}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        if (response.StatusCode != HttpStatusCode.OK) await AssertProblem(response, HttpStatusCode.BadRequest);
        var compare = await _app.Http.GetAsync("/api/compare?q=" + Uri.EscapeDataString(q));
        Assert.True(compare.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"compare {q}: {(int)compare.StatusCode}");
    }
}

/// <summary>A server started without its key variable set is read-only: every write is 401 saying so.</summary>
public sealed class ReadOnlyServerTests : IAsyncLifetime
{
    private SeededServer _server = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _server = await SeededServer.StartAsync();
        _http = new HttpClient { BaseAddress = _server.BaseAddress };
        Environment.SetEnvironmentVariable(_server.KeyVariable, null);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Writes_are_401_when_the_key_variable_is_unset_even_with_a_bearer_header()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/reports?name=a.txt") { Content = new ByteArrayContent("一、问题"u8.ToArray()) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _server.Key);
        var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("writes are disabled", await response.Content.ReadAsStringAsync());
        Assert.Equal(2, _server.Index.Store.ListReports().Count);
    }
}
