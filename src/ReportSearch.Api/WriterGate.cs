using Microsoft.Extensions.Options;
using ReportSearch.Index;
using ReportSearch.Index.Indexing;

namespace ReportSearch.Api;

/// <summary>
/// The index's writer lock for one server write, taken after the body is read so a slow client never holds it. Another
/// process (a CLI `index` run) or another write of this server may hold it: wait <see cref="ApiOptions.WriterWaitSeconds"/>,
/// then refuse with 503 and change nothing.
/// </summary>
public sealed class WriterGate(ReportIndex index, IOptions<ApiOptions> options)
{
    private TimeSpan Wait => TimeSpan.FromSeconds(options.Value.WriterWaitSeconds);

    public async Task<WriterLock> EnterAsync(CancellationToken cancel) =>
        await WriterLock.TryTakeAsync(index.Store.Path, Wait, cancel)
        ?? throw new IndexBusyException($"another writer (an index run or another upload) held the index for over {Wait.TotalSeconds:0} s; nothing was changed, try again shortly");
}
