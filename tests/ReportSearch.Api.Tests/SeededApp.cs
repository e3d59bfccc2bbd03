using System.Net.Http.Headers;
using ReportSearch.Index;
using ReportSearch.Testing;

namespace ReportSearch.Api.Tests;

/// <summary>A <see cref="SeededServer"/> per test class, with an HttpClient pointed at it.</summary>
public sealed class SeededApp : IAsyncLifetime
{
    private readonly IDictionary<string, string?>? _settings;
    private SeededServer _server = null!;

    public SeededApp() { }

    /// <param name="settings">Configuration the app gets (e.g. a shorter writer wait). Internal: xunit builds a class
    /// fixture only from a type with one public constructor.</param>
    internal SeededApp(IDictionary<string, string?> settings) => _settings = settings;

    public string Folder => _server.Folder;
    public string SeedsFolder => _server.SeedsFolder;
    public string Key => _server.Key;
    public ReportIndex Index => _server.Index;
    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _server = await SeededServer.StartAsync(settings: _settings);
        Http = new HttpClient { BaseAddress = _server.BaseAddress };
    }

    public string Seed(string prefix) => _server.Seed(prefix);

    /// <summary>A request carrying the server's API key, as a write needs.</summary>
    public HttpRequestMessage Authorized(HttpMethod method, string url, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        return request;
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await _server.DisposeAsync();
    }
}
