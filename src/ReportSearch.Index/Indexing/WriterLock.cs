namespace ReportSearch.Index.Indexing;

/// <summary>
/// The one writer of an index, across processes: an exclusive OS lock on <c>&lt;index path&gt;.writer.lock</c> beside the
/// index (on Linux and macOS .NET takes it with flock when a file is opened with <see cref="FileShare.None"/>; on Windows
/// the share mode itself excludes). Held for a whole CLI `index` run and for each server write. The kernel drops the
/// lock when its holder dies, so a file left behind by a killed process is harmless; the file is never deleted, because
/// deleting it would let a waiter lock the unlinked file while a newcomer locks a fresh one and both would write.
/// </summary>
public sealed class WriterLock : IDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);
    private readonly FileStream _file;

    private WriterLock(FileStream file) => _file = file;

    /// <summary>The lock file of the index at <paramref name="indexPath"/>.</summary>
    public static string PathFor(string indexPath) => System.IO.Path.GetFullPath(indexPath) + ".writer.lock";

    /// <summary>
    /// Waits up to <paramref name="wait"/> for the lock; null when another writer still holds it then (the caller refuses
    /// in its own words: one CLI line, or HTTP 503).
    /// </summary>
    public static async Task<WriterLock?> TryTakeAsync(string indexPath, TimeSpan wait, CancellationToken cancel = default)
    {
        var path = PathFor(indexPath);
        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            try
            {
                return new WriterLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None));
            }
            // Held by another process (or another write of this one): flock says EWOULDBLOCK, which .NET reports as an IOException.
            catch (IOException) when (File.Exists(path) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(Poll, cancel);
            }
            catch (IOException) when (File.Exists(path))
            {
                return null;
            }
        }
    }

    public void Dispose() => _file.Dispose();
}
