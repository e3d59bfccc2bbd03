using System.Security.Cryptography;
using ReportSearch.Core;
using ReportSearch.Core.Model;
using ReportSearch.Index.Embeddings;
using ReportSearch.Index.Search;
using ReportSearch.Index.Storage;

namespace ReportSearch.Index.Indexing;

/// <summary>Reads one report file's bytes into the model; throws when the file is not a report it can read.</summary>
public delegate RectificationReport ParseReport(string fileName, byte[] bytes);

/// <summary>
/// `index PATH...`: files and folders (recursively) into the store, then into the search index. A file whose bytes are
/// already indexed is skipped; a changed file replaces the report read earlier from the same path; a file that fails to
/// parse is reported and changes nothing. Files are read and parsed on every core a batch at a time (bounded memory),
/// written to the store one transaction per report, and the batch's search documents are committed before the next batch.
/// Embeddings are brought up to date once, after the files.
/// </summary>
public sealed class Indexer(IndexStore store, SearchIndex search, ParseReport parse, EmbeddingMaintenance? embeddings)
{
    /// <summary>Files parsed together: enough to keep both cores busy, few enough that a batch of reports fits in memory.</summary>
    private const int BatchSize = 64;

    /// <summary>What a folder walk picks up; a file named explicitly is always tried.</summary>
    public static IReadOnlySet<string> ReportExtensions { get; } =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".txt", ".html", ".htm", ".docx" };

    public async Task<IndexRunSummary> IndexAsync(IEnumerable<string> paths, CancellationToken cancel = default, IProgress<IndexProgress>? progress = null)
    {
        var outcomes = new List<FileOutcome>();
        var files = Files(paths).Select(f => new FileInfo(f)).ToList();
        var (bytesTotal, bytesDone, clock) = (files.Sum(f => f.Length), 0L, System.Diagnostics.Stopwatch.StartNew());
        // A search index left behind by a killed run catches up before new work is added (BeginBulk).
        using (search.BeginBulk(cancel))
        {
            foreach (var batch in files.Chunk(BatchSize))
            {
                cancel.ThrowIfCancellationRequested();
                var prepared = batch.AsParallel().AsOrdered().WithCancellation(cancel).Select(f => Prepare(f.FullName, ReadFile(f.FullName))).ToList();
                outcomes.AddRange(Write(prepared, cancel, i =>
                {
                    bytesDone += batch[i].Length;
                    progress?.Report(new IndexProgress(outcomes.Count + i + 1, files.Count, bytesDone, bytesTotal, clock.Elapsed));
                }));
            }
        }
        return await WithEmbeddingsAsync(outcomes, cancel);
    }

    // ---- uploads (reliability): an upload's identity is its content, never the name the client sent ----------------

    /// <summary>
    /// One upload (POST /api/reports). Each upload gets a source key of its own, so two different uploads never replace
    /// each other whatever they are called (or when nameless); the same bytes again are "unchanged" (the content hash).
    /// <paramref name="fileName"/> is only shown.
    /// </summary>
    public Task<IndexRunSummary> IndexUploadAsync(string fileName, byte[] bytes, CancellationToken cancel = default) =>
        WithEmbeddingsAsync(Write([Prepare($"upload/{Guid.NewGuid():n}/{fileName}", bytes, fileName)], cancel), cancel);

    /// <summary>
    /// PUT /api/reports/{id}: the explicit way to replace a report. The new bytes take over the old report's source key,
    /// so the store swaps them in one transaction; null when no report has that id.
    /// </summary>
    public async Task<IndexRunSummary?> ReplaceAsync(string reportId, string fileName, byte[] bytes, CancellationToken cancel = default) =>
        store.FindReport(reportId) is { } existing
            ? await WithEmbeddingsAsync(Write([Prepare(existing.SourcePath, bytes, fileName)], cancel), cancel)
            : null;

    /// <summary>Removes a report from the store and then from the search index; false when there was no such report.</summary>
    public bool Delete(string reportId)
    {
        if (!store.DeleteReport(reportId)) return false;
        search.Sync();
        return true;
    }

    private async Task<IndexRunSummary> WithEmbeddingsAsync(List<FileOutcome> outcomes, CancellationToken cancel)
    {
        if (embeddings is null) return new IndexRunSummary(outcomes);
        try
        {
            await embeddings.RefreshAsync(cancel);
            return new IndexRunSummary(outcomes);
        }
        catch (HttpRequestException e)
        {
            // The reports are in and searchable by words; their vectors are made on the next run that reaches the endpoint.
            return new IndexRunSummary(outcomes) { EmbeddingWarning = $"embeddings not updated, will retry on the next index run: {e.Message}" };
        }
    }

    /// <summary>A file read and parsed, ready to write; or its outcome already decided (unchanged, failed).</summary>
    private sealed record Prepared(string SourcePath, FileOutcome? Outcome, RectificationReport? Report = null, string? Hash = null);

    /// <summary>
    /// Writes each prepared report to the store (telling <paramref name="done"/> which one is finished), then commits their
    /// search documents together.
    /// </summary>
    private List<FileOutcome> Write(IReadOnlyList<Prepared> prepared, CancellationToken cancel, Action<int>? done = null)
    {
        var outcomes = new List<FileOutcome>(prepared.Count);
        var written = new Dictionary<string, RectificationReport>(StringComparer.Ordinal);
        foreach (var p in prepared)
        {
            if (p.Outcome is not null) outcomes.Add(p.Outcome);
            else
            {
                var stored = store.ReplaceReport(p.Report!, p.Hash!, p.SourcePath);
                written[stored.Id] = stored;
                // An opening, a summary or a short notice has no problems: it is kept with its metadata, sections and warnings.
                outcomes.Add(new FileOutcome(p.SourcePath, FileResult.Indexed, stored.Id, null) { WithoutProblems = stored.Problems.Count == 0 });
            }
            done?.Invoke(outcomes.Count - 1);
        }
        if (written.Count > 0) search.Sync(written, cancel);
        return outcomes;
    }

    private Prepared Prepare(string sourcePath, (byte[]? Bytes, string? Error) file) =>
        file.Bytes is null ? new Prepared(sourcePath, new FileOutcome(sourcePath, FileResult.Failed, null, file.Error)) : Prepare(sourcePath, file.Bytes);

    private Prepared Prepare(string sourcePath, byte[] bytes, string? fileName = null)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (store.FindReportByHash(hash) is { } existing)
        {
            // Moved files keep their report; a copy elsewhere leaves the first path in place.
            var known = store.FindReport(existing)!;
            if (known.SourcePath != sourcePath && !File.Exists(known.SourcePath)) store.UpdateSource(existing, sourcePath);
            return new Prepared(sourcePath, new FileOutcome(sourcePath, FileResult.Unchanged, existing, null));
        }
        try
        {
            if (bytes.Length == 0) throw new InputRejectedException("the file is empty");
            var report = parse(fileName ?? System.IO.Path.GetFileName(sourcePath), bytes);
            if (!report.IsRecognised())
                throw new InputRejectedException("neither problems nor the inspection it answers (unit, team, dates) were recognised in it; is it a 巡视整改进展情况通报?");
            return new Prepared(sourcePath, null, report, hash);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new Prepared(sourcePath, new FileOutcome(sourcePath, FileResult.Failed, null, e.Message) { Rejection = (e as InputRejectedException)?.Kind });
        }
    }

    private static (byte[]? Bytes, string? Error) ReadFile(string path)
    {
        try { return (File.ReadAllBytes(path), null); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, e.Message);
        }
    }

    private static IEnumerable<string> Files(IEnumerable<string> paths)
    {
        foreach (var raw in paths)
        {
            var path = System.IO.Path.GetFullPath(raw);
            if (File.Exists(path)) yield return path;
            else if (Directory.Exists(path))
            {
                foreach (var f in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                             .Where(f => ReportExtensions.Contains(System.IO.Path.GetExtension(f)))
                             .Order(StringComparer.Ordinal))
                    yield return f;
            }
            else throw new InputRejectedException($"no file or folder at '{raw}'; give paths of report files or folders holding them");
        }
    }
}

public enum FileResult { Indexed, Unchanged, Failed }

public sealed record FileOutcome(string Path, FileResult Result, string? ReportId, string? Reason)
{
    public bool WithoutProblems { get; init; }
    /// <summary>Why a failed file was refused (too large, a type it cannot read…), so HTTP can answer 413/415/400.</summary>
    public InputRejection? Rejection { get; init; }
}

public sealed record IndexRunSummary(IReadOnlyList<FileOutcome> Files)
{
    public int Indexed => Files.Count(f => f.Result == FileResult.Indexed);
    public int Unchanged => Files.Count(f => f.Result == FileResult.Unchanged);
    public int Failed => Files.Count(f => f.Result == FileResult.Failed);
    public int WithoutProblems => Files.Count(f => f.WithoutProblems);
    public string? EmbeddingWarning { get; init; }

    /// <summary>The line of CONTRACT.md, then one line per failure (and the embedding warning, if any).</summary>
    public override string ToString() =>
        string.Join('\n', Files.Where(f => f.Result == FileResult.Failed).Select(f => $"failed: {f.Path}: {f.Reason}")
            .Prepend($"indexed {Indexed}, unchanged {Unchanged}, failed {Failed}")
            .Concat(WithoutProblems == 0 ? [] : [$"note: {WithoutProblems} indexed without recognisable problems (an opening, a summary or a notice): kept with their metadata and text"])
            .Concat(EmbeddingWarning is null ? [] : [$"warning: {EmbeddingWarning}"]));
}
