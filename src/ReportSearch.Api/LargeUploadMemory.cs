using System.Runtime;

namespace ReportSearch.Api;

/// <summary>
/// Gives back the memory of a large upload once it is answered. Its body, decoded text and lines all sit on the
/// large-object heap, which only a full collection frees; a lightly used server may go hours without one, so a refused
/// 19 MB file kept the process about 90 MB above its start (measured by the memory process test). One compacting,
/// decommitting collection after the response costs tens of milliseconds, and only for uploads of several megabytes.
/// </summary>
internal static class LargeUploadMemory
{
    private const int Threshold = 4 * 1024 * 1024;
    private static int _pending;

    public static void ReleaseAfterResponse(HttpContext context, int bodyBytes)
    {
        if (bodyBytes < Threshold || Interlocked.Exchange(ref _pending, 1) == 1) return;
        context.Response.OnCompleted(() =>
        {
            Volatile.Write(ref _pending, 0);
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            return Task.CompletedTask;
        });
    }
}
