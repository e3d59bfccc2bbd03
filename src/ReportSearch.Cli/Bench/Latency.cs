namespace ReportSearch.Cli.Bench;

/// <summary>Timings of one method in milliseconds, and the percentiles the document reports.</summary>
public sealed class Latency
{
    private readonly List<double> _ms = [];
    private long _matches;

    public int Count => _ms.Count;

    public void Add(TimeSpan elapsed, int matches)
    {
        _ms.Add(elapsed.TotalMilliseconds);
        _matches += matches;
    }

    public double P50 => Percentile(_ms, 0.50);
    public double P95 => Percentile(_ms, 0.95);
    public double MeanMatches => _ms.Count == 0 ? 0 : (double)_matches / _ms.Count;

    /// <summary>Nearest-rank percentile: a value that was actually measured, never interpolated between two.</summary>
    public static double Percentile(IReadOnlyCollection<double> values, double p)
    {
        if (values.Count == 0) throw new InvalidOperationException("no timings to take a percentile of");
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
