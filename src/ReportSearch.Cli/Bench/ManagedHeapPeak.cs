namespace ReportSearch.Cli.Bench;

/// <summary>
/// The largest managed heap seen while a phase runs, sampled on a timer: the working-set peak covers the whole process
/// lifetime, this one says what the phase itself held.
/// </summary>
public sealed class ManagedHeapPeak : IDisposable
{
    private readonly Timer _timer;
    private long _peak;

    public ManagedHeapPeak(TimeSpan interval)
    {
        Sample();
        _timer = new Timer(_ => Sample(), null, interval, interval);
    }

    public long PeakBytes { get { Sample(); return Interlocked.Read(ref _peak); } }

    private void Sample()
    {
        var now = GC.GetTotalMemory(false);
        long seen;
        while (now > (seen = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, seen) != seen) { }
    }

    public void Dispose() => _timer.Dispose();
}
