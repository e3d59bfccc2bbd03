using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ReportSearch.Index.Indexing;

namespace ReportSearch.Api.Tests;

/// <summary>
/// Every server write (upload, PUT, DELETE, category correction) takes the index's writer lock: while another writer
/// holds it (here this test, as a CLI `index` run in another process would) none of them changes anything, and once it
/// is released they all go ahead.
/// </summary>
public sealed class WriterLockTests : IAsyncLifetime
{
    // Long enough that the first test's writes are still waiting after its 3 s look; the second test waits it out.
    private const double WriterWaitSeconds = 8;
    private readonly SeededApp _app = new(new Dictionary<string, string?> { [ApiOptions.Section + ":WriterWaitSeconds"] = WriterWaitSeconds.ToString() });
    public Task InitializeAsync() => _app.InitializeAsync();
    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Writes_wait_while_another_writer_holds_the_index_and_go_ahead_when_it_lets_go()
    {
        var reports = _app.Index.Store.ListReports();
        var (corrected, replaced) = (reports[0], reports[1]);
        var problem = _app.Index.Store.GetReport(corrected.Id)!.Problems[0];
        var seedCopy = File.ReadAllBytes(_app.Seed("000_")).Concat("\n"u8.ToArray()).ToArray();

        var held = await WriterLock.TryTakeAsync(_app.Index.Store.Path, TimeSpan.Zero);
        Assert.NotNull(held);
        var writes = new[]
        {
            _app.Http.SendAsync(_app.Authorized(HttpMethod.Post, "/api/reports?name=copy.txt", new ByteArrayContent(seedCopy))),
            _app.Http.SendAsync(_app.Authorized(HttpMethod.Put, $"/api/reports/{replaced.Id}?name=replaced.txt", new ByteArrayContent(seedCopy.Concat("\n"u8.ToArray()).ToArray()))),
            _app.Http.SendAsync(_app.Authorized(HttpMethod.Delete, "/api/reports/no-such-report")),
            _app.Http.SendAsync(_app.Authorized(HttpMethod.Put, $"/api/problems/{problem.Id}/categories", JsonContent.Create(new { categories = new[] { "integrity_risk" } }))),
        };
        // A delete or a correction takes milliseconds: if any write ignored the lock, it would be done well within this.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.All(writes, w => Assert.False(w.IsCompleted, "a write went ahead while another writer held the index"));
        Assert.Equal(reports.Select(r => r.Id), _app.Index.Store.ListReports().Select(r => r.Id));

        held.Dispose();
        var answers = await Task.WhenAll(writes).WaitAsync(TimeSpan.FromSeconds(60));
        // The delete of an unknown id is answered only once it has the lock too.
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.OK], answers.Select(a => a.StatusCode));
        Assert.Null(_app.Index.Store.FindReport(replaced.Id));
        Assert.Equal("integrity_risk", _app.Index.Store.FindProblem(problem.Id)!.Categories[0]);
    }

    [Fact]
    public async Task A_write_that_waits_longer_than_the_writer_wait_is_refused_with_503_and_changes_nothing()
    {
        var reports = _app.Index.Store.ListReports();
        var seedCopy = File.ReadAllBytes(_app.Seed("000_")).Concat("\n\n"u8.ToArray()).ToArray();
        using var held = await WriterLock.TryTakeAsync(_app.Index.Store.Path, TimeSpan.Zero);
        Assert.NotNull(held);

        var started = DateTime.UtcNow;
        var upload = await _app.Http.SendAsync(_app.Authorized(HttpMethod.Post, "/api/reports?name=late.txt", new ByteArrayContent(seedCopy)))
            .WaitAsync(TimeSpan.FromSeconds(90));
        var waited = DateTime.UtcNow - started;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, upload.StatusCode);
        Assert.Equal("application/problem+json", upload.Content.Headers.ContentType?.MediaType);
        var problem = await upload.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("another writer", problem.GetProperty("detail").GetString());
        Assert.True(waited >= TimeSpan.FromSeconds(WriterWaitSeconds - 0.5), $"refused after {waited.TotalSeconds:0.0} s, before the configured wait");
        Assert.True(waited < TimeSpan.FromSeconds(WriterWaitSeconds * 3), $"refused after {waited.TotalSeconds:0.0} s: the configured wait was not used");
        Assert.Equal(reports.Select(r => r.Id), _app.Index.Store.ListReports().Select(r => r.Id));
    }
}
