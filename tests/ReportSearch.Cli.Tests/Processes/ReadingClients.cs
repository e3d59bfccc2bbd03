using System.Collections.Concurrent;
using System.Diagnostics;

namespace ReportSearch.Cli.Tests.Processes;

/// <summary>
/// Clients that search and compare over HTTP in a loop until stopped, each waiting for its answer before the next
/// request; every request's time is kept and anything but a 200 is an error.
/// </summary>
internal sealed class ReadingClients
{
    /// <summary>Queries both seeds answer, and a few they barely do; search and compare alternate over them.</summary>
    private static readonly string[] Queries = ["借调", "形式主义", "党建", "整改", "干部作风", "扶贫", "政治生态", "问题线索", "基层减负", "意识形态"];

    private static readonly string[] Paths =
        [.. Queries.Select(q => $"/api/search?q={Uri.EscapeDataString(q)}"), .. Queries.Select(q => $"/api/compare?q={Uri.EscapeDataString(q)}")];

    private readonly ConcurrentBag<double> _milliseconds = [];
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task[] _clients;

    private ReadingClients(HttpClient http, int clients) =>
        _clients = Enumerable.Range(0, clients).Select(c => Task.Run(() => LoopAsync(http, c))).ToArray();

    public static ReadingClients Start(HttpClient http, int clients) => new(http, clients);

    public int Requests => _milliseconds.Count + _errors.Count;

    /// <summary>Stops after the requests in flight are answered (they are never cancelled: a cut request is no answer).</summary>
    public async Task<LoadFigures> StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_clients);
        var sorted = _milliseconds.Order().ToArray();
        return new LoadFigures(sorted.Length + _errors.Count, Percentile(sorted, 0.50), Percentile(sorted, 0.95), [.. _errors]);
    }

    private async Task LoopAsync(HttpClient http, int client)
    {
        for (var i = client; !_stop.IsCancellationRequested; i++)
        {
            var path = Paths[i % Paths.Length];
            var clock = Stopwatch.StartNew();
            try
            {
                using var response = await http.GetAsync(path);
                var body = await response.Content.ReadAsStringAsync();
                if (response.IsSuccessStatusCode) _milliseconds.Add(clock.Elapsed.TotalMilliseconds);
                else _errors.Enqueue($"GET {path} answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 300)]}");
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                _errors.Enqueue($"GET {path} failed: {e.Message}");
            }
        }
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}

/// <summary>What the clients saw: how many requests, the median and 95th percentile time, and every error.</summary>
internal sealed record LoadFigures(int Requests, double P50Ms, double P95Ms, IReadOnlyList<string> Errors)
{
    public override string ToString() =>
        $"{Requests} requests, p50 {P50Ms:0} ms, p95 {P95Ms:0} ms, {Errors.Count} errors{string.Concat(Errors.Take(5).Select(e => "\n  " + e))}";
}
