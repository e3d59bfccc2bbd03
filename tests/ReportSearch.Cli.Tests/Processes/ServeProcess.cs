using System.Net.Http.Headers;

namespace ReportSearch.Cli.Tests.Processes;

/// <summary>`serve` as a child process on a free loopback port, with a write key of its own in its environment.</summary>
internal sealed class ServeProcess : IDisposable
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private const string KeyVariable = "REPORTSEARCH_API_KEY";

    public CliProcess Process { get; }
    public Uri Address { get; }
    public string Key { get; }
    public HttpClient Http { get; }

    private ServeProcess(CliProcess process, Uri address, string key)
    {
        (Process, Address, Key) = (process, address, key);
        // Uploads ask "Expect: 100-continue" and wait for it: the body goes only once the route is reading it, so a test
        // knows its upload is in the server's hands (in flight) when the first bytes leave.
        Http = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromSeconds(60) })
            { BaseAddress = address, Timeout = TimeSpan.FromSeconds(100) };
    }

    /// <summary>Serves <paramref name="indexPath"/>; an empty (new) index is first filled from the checkout's seeds, as for a newcomer.</summary>
    public static async Task<ServeProcess> StartAsync(Sandbox sandbox, string indexPath)
    {
        var key = Guid.NewGuid().ToString("n");
        var process = CliProcess.Start(sandbox.Folder, new Dictionary<string, string> { [KeyVariable] = key },
            "serve", "--index", indexPath, "--urls", "http://127.0.0.1:0");
        try { return new ServeProcess(process, await process.WaitForServingAsync(StartTimeout), key); }
        catch
        {
            process.Dispose();
            throw;
        }
    }

    /// <summary>POST /api/reports with the key: the file as the raw body, its name in ?name=.</summary>
    public Task<HttpResponseMessage> UploadAsync(string name, HttpContent body, CancellationToken cancel = default)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/reports?name={Uri.EscapeDataString(name)}") { Content = body };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        request.Headers.ExpectContinue = true;
        return Http.SendAsync(request, cancel);
    }

    public Task<HttpResponseMessage> UploadAsync(string name, byte[] bytes, CancellationToken cancel = default) =>
        UploadAsync(name, new ByteArrayContent(bytes), cancel);

    /// <summary>Uploads a report that must be added (201); anything else fails the test with the server's answer.</summary>
    public async Task AddAsync(string name, byte[] bytes)
    {
        using var response = await UploadAsync(name, bytes);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, $"upload of {name} answered {(int)response.StatusCode}: {body}");
    }

    public void Dispose()
    {
        Http.Dispose();
        Process.Dispose();
    }
}
