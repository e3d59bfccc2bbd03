using ReportSearch.Index.Search;
using ReportSearch.Index.Indexing;
using ReportSearch.Index.Storage;

namespace ReportSearch.Index.Tests;

public sealed class IndexingTests
{
    /// <summary>Every row of the store that a write could touch, and the search index's documents, for before/after comparisons.</summary>
    private static string Snapshot(TestIndex t)
    {
        var store = t.Store;
        using var c = store.Connect();
        string Column(string sql) => string.Join(",", IndexStore.Query(c, sql, r => r.GetValue(0).ToString()));
        return string.Join("\n",
            Column("SELECT id || content_hash || source_path FROM reports ORDER BY id"),
            Column("SELECT id || statement_hash FROM problems ORDER BY id"),
            Column("SELECT id || text FROM measures ORDER BY id"),
            Column("SELECT problem_id || model || hex(vector) FROM embeddings ORDER BY problem_id"),
            Column("SELECT report_id || ordinal FROM sections ORDER BY 1"),
            Column("SELECT problem_id || category FROM problem_categories ORDER BY 1"),
            Column("SELECT name || hex(bytes) FROM models ORDER BY name"),
            string.Join(",", t.SearchDocuments()));
    }

    [Fact]
    public async Task Indexing_the_seeds_stores_both_reports_with_their_problems_measures_search_documents_and_embeddings()
    {
        using var t = new TestIndex();
        var summary = await t.IndexSeedsAsync();
        Assert.Equal("indexed 2, unchanged 0, failed 0", summary.ToString());
        var reports = t.Store.ListReports();
        Assert.Equal(new[] { ("高明区", 48), ("高陵区", 41) }, reports.Select(r => (r.Unit.Name!, r.ProblemCount)).Order());
        var counts = t.Store.CountRows();
        Assert.Equal(89, counts.Problems);
        Assert.Equal(counts.Problems + counts.Measures, t.Index.SearchIndex.DocumentCount());
        Assert.Equal(t.ExpectedSearchDocuments(), t.SearchDocuments());
        Assert.Equal(0, t.Index.SearchIndex.Lag());
        Assert.Equal(89, counts.Embeddings);
    }

    [Fact]
    public async Task An_upload_is_indexed_with_its_embeddings_and_a_bad_one_is_refused_without_change()
    {
        using var t = new TestIndex();
        await t.Index.Indexer.IndexAsync([t.Seed("002")]);
        var upload = await t.Index.Indexer.IndexUploadAsync("upload/000.txt", File.ReadAllBytes(t.Seed("000")));
        Assert.Equal("indexed 1, unchanged 0, failed 0", upload.ToString());
        Assert.Equal(89, t.Store.CountRows().Embeddings);
        // Each upload is keyed by itself, never by its name alone, so a second upload of that name cannot replace it.
        var source = t.Store.FindReport(upload.Files[0].ReportId!)!.SourcePath;
        Assert.StartsWith("upload/", source);
        Assert.EndsWith("/000.txt", source);

        var before = Snapshot(t);
        var bad = await t.Index.Indexer.IndexUploadAsync("upload/bad.txt", [0xFF, 0x00, 0xFE, 0x00]);
        Assert.Equal(FileResult.Failed, bad.Files[0].Result);
        Assert.Equal(before, Snapshot(t));
    }

    [Fact]
    public async Task Re_indexing_an_unchanged_folder_changes_nothing()
    {
        using var t = new TestIndex();
        await t.IndexSeedsAsync();
        var before = Snapshot(t);
        var summary = await t.IndexSeedsAsync();
        Assert.Equal("indexed 0, unchanged 2, failed 0", summary.ToString());
        Assert.Equal(before, Snapshot(t));
    }

    [Fact]
    public async Task A_changed_file_replaces_its_report()
    {
        using var t = new TestIndex();
        await t.IndexSeedsAsync();
        var path = t.Seed("000");
        var oldId = t.Store.FindReportBySource(path)!;
        var other = t.Store.ListReports().Single(r => r.Id != oldId);
        var text = File.ReadAllText(path);
        File.WriteAllText(path, text.Replace("借调下属单位干部187人", "借调下属单位干部188人"));

        var summary = await t.IndexSeedsAsync();

        Assert.Equal("indexed 1, unchanged 1, failed 0", summary.ToString());
        var newId = t.Store.FindReportBySource(path)!;
        Assert.NotEqual(oldId, newId);
        Assert.Null(t.Store.FindReport(oldId));
        Assert.Equal(2, t.Store.ListReports().Count);
        Assert.Equal(other, t.Store.FindReport(other.Id));
        Assert.Contains(t.Store.GetReport(newId)!.Problems, p => p.Statement.Contains("188人"));
        Assert.Equal(89, t.Store.CountRows().Problems);
        Assert.Equal(t.ExpectedSearchDocuments(), t.SearchDocuments());
        Assert.DoesNotContain(t.SearchDocuments(), d => d.StartsWith(oldId + "/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Corrupt_and_empty_files_are_reported_by_name_and_leave_the_index_unchanged()
    {
        using var t = new TestIndex();
        await t.IndexSeedsAsync();
        var before = Snapshot(t);
        var binary = Path.Combine(t.SeedsFolder, "broken.txt");
        var rng = new Random(7);
        var noise = new byte[4096];
        rng.NextBytes(noise);
        File.WriteAllBytes(binary, noise);
        var empty = Path.Combine(t.SeedsFolder, "sub", "empty.html");
        Directory.CreateDirectory(Path.GetDirectoryName(empty)!);
        File.WriteAllBytes(empty, []);

        var summary = await t.IndexSeedsAsync();

        Assert.StartsWith("indexed 0, unchanged 2, failed 2", summary.ToString());
        Assert.Contains($"failed: {binary}: ", summary.ToString());
        Assert.Contains($"failed: {empty}: the file is empty", summary.ToString());
        Assert.All(summary.Files.Where(f => f.Result == FileResult.Failed), f => Assert.False(string.IsNullOrWhiteSpace(f.Reason)));
        Assert.Equal(before, Snapshot(t));
    }

    [Fact]
    public async Task A_changed_file_that_no_longer_parses_keeps_its_previous_report()
    {
        using var t = new TestIndex();
        await t.IndexSeedsAsync();
        var before = Snapshot(t);
        File.WriteAllBytes(t.Seed("002"), [0x00, 0xFF, 0x13, 0x37, 0x00, 0x00, 0xFE]);
        var summary = await t.IndexSeedsAsync();
        Assert.StartsWith("indexed 0, unchanged 1, failed 1", summary.ToString());
        Assert.Equal(before, Snapshot(t));
    }

    [Fact]
    public async Task Deleting_reports_removes_every_row_they_own()
    {
        using var t = new TestIndex();
        await t.IndexSeedsAsync();
        foreach (var r in t.Store.ListReports()) Assert.True(t.Index.Indexer.Delete(r.Id));
        Assert.False(t.Index.Indexer.Delete("0000000000000000"));
        Assert.Equal(new IndexCounts(0, 0, 0, 0, 0, 0), t.Store.CountRows());
        Assert.Empty(t.SearchDocuments());
        Assert.Equal(0, (await t.Index.Search.SearchAsync(new Search.SearchRequest("借调"))).Total);
    }

    [Fact]
    public async Task A_write_failing_midway_leaves_nothing_half_written()
    {
        using var t = new TestIndex();
        await t.IndexSeedsAsync();
        var path = t.Seed("000");
        var report = TestIndex.Parse(Path.GetFileName(path), File.ReadAllBytes(path));
        var before = Snapshot(t);

        // The 30th problem repeats the first one's id: the store fails there, dozens of rows into the new report's transaction.
        var broken = report with { Problems = report.Problems.Select((p, i) => i == 29 ? p with { Id = report.Problems[0].Id } : p).ToList() };
        Assert.ThrowsAny<Microsoft.Data.Sqlite.SqliteException>(() => t.Store.ReplaceReport(broken, new string('f', 64), path));

        Assert.Equal(before, Snapshot(t));
        Assert.NotNull(t.Store.FindReport(report.Id)); // the report previously read from that path is still whole
    }

    [Fact]
    public async Task A_process_killed_between_the_store_and_the_search_index_is_caught_up_on_the_next_open()
    {
        using var t = new TestIndex();
        await t.Index.Indexer.IndexAsync([t.Seed("002")]);
        // As if killed right after the store's commit: the report is in the store, not yet in the search index.
        var path = t.Seed("000");
        t.Store.ReplaceReport(TestIndex.Parse(Path.GetFileName(path), File.ReadAllBytes(path)), new string('a', 64), path);
        Assert.True(t.Index.SearchIndex.Lag() > 0);
        Assert.NotEqual(t.ExpectedSearchDocuments(), t.SearchDocuments());

        using (var reopened = new ReportIndex(IndexStore.Open(t.DbPath), TestIndex.Analyzer, TestIndex.Parse))
            Assert.True(reopened.SearchIndex.Sync() > 0);

        Assert.Equal(0, t.Index.SearchIndex.Lag());
        Assert.Equal(t.ExpectedSearchDocuments(), t.SearchDocuments());
        Assert.Contains((await t.Index.Search.SearchAsync(new Search.SearchRequest("借调") { Units = ["高陵区"] })).Hits, h => h.Unit == "高陵区");
    }

    [Fact]
    public void During_a_bulk_write_readers_see_each_commit_and_the_rest_when_it_ends()
    {
        using var t = new TestIndex();
        using var index = new ReportIndex(IndexStore.Open(t.DbPath), TestIndex.Analyzer, TestIndex.Parse, searchIndex: new SearchIndexOptions { BulkCommitChanges = 2 });
        var seeds = new[] { t.Seed("000"), t.Seed("002") };
        using (index.SearchIndex.BeginBulk())
        {
            Write(index, seeds[0]);
            index.SearchIndex.Sync();
            Assert.Equal(0, index.SearchIndex.DocumentCount()); // one change: below the commit interval, not yet visible
            Assert.True(index.SearchIndex.Lag() > 0);
            Write(index, seeds[1]);
            index.SearchIndex.Sync();
            Assert.Equal(0, index.SearchIndex.Lag()); // two changes: committed while the writer stays open
            Assert.Equal(t.ExpectedSearchDocuments().Count, index.SearchIndex.DocumentCount());
            Write(index, seeds[0], hash: new string('b', 64));
            index.SearchIndex.Sync();
            Assert.True(index.SearchIndex.Lag() > 0);
        }
        Assert.Equal(0, index.SearchIndex.Lag());
        Assert.Equal(t.ExpectedSearchDocuments(), t.SearchDocuments());
    }

    [Fact]
    public void A_long_index_run_ends_merged_into_the_configured_segments_with_every_document()
    {
        using var t = new TestIndex();
        using var index = new ReportIndex(IndexStore.Open(t.DbPath), TestIndex.Analyzer, TestIndex.Parse,
            searchIndex: new SearchIndexOptions { BulkCommitChanges = 1, SegmentsAfterRun = 1 });
        using (index.SearchIndex.BeginBulk())
        {
            // Each change committed on its own: a segment each, the replaced report's first copy deleted in its segment.
            foreach (var (seed, hash) in new[] { ("000", 'a'), ("002", 'a'), ("000", 'b') })
            {
                Write(index, t.Seed(seed), hash: new string(hash, 64));
                index.SearchIndex.Sync();
            }
            Assert.True(Segments(index) > 1);
        }
        Assert.Equal(1, Segments(index));
        Assert.Equal(0, index.SearchIndex.Lag());
        Assert.Equal(t.ExpectedSearchDocuments(), t.SearchDocuments());
    }

    private static int Segments(ReportIndex index)
    {
        var searcher = index.SearchIndex.Acquire()!;
        try { return searcher.IndexReader.Leaves.Count; }
        finally { index.SearchIndex.Release(searcher); }
    }

    [Fact]
    public void A_bulk_write_that_fails_commits_nothing_of_its_open_part_and_the_next_sync_replays_it()
    {
        using var t = new TestIndex();
        using var index = new ReportIndex(IndexStore.Open(t.DbPath), TestIndex.Analyzer, TestIndex.Parse, searchIndex: new SearchIndexOptions { BulkCommitChanges = 100 });
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        using (index.SearchIndex.BeginBulk())
        {
            Write(index, t.Seed("000"));
            Assert.True(index.SearchIndex.Sync() > 0); // written to the open writer, not committed
            Write(index, t.Seed("002"));
            Assert.ThrowsAny<OperationCanceledException>(() => index.SearchIndex.Sync(cancel: cancelled.Token));
        }
        Assert.Equal(0, index.SearchIndex.DocumentCount());
        Assert.True(index.SearchIndex.Lag() > 0);

        Assert.True(index.SearchIndex.Sync() > 0);
        Assert.Equal(0, index.SearchIndex.Lag());
        Assert.Equal(t.ExpectedSearchDocuments(), t.SearchDocuments());
    }

    private static void Write(ReportIndex index, string path, string? hash = null) =>
        index.Store.ReplaceReport(TestIndex.Parse(Path.GetFileName(path), File.ReadAllBytes(path)), hash ?? new string('a', 64), path);

    [Fact]
    public async Task A_search_index_missing_or_made_from_another_store_is_rebuilt_from_the_store()
    {
        using var t = new TestIndex();
        await t.IndexSeedsAsync();
        var expected = t.ExpectedSearchDocuments();
        t.Index.Dispose();
        Directory.Delete(SearchIndex.PathFor(t.DbPath), recursive: true);

        using var reopened = new ReportIndex(IndexStore.Open(t.DbPath), TestIndex.Analyzer, TestIndex.Parse);
        Assert.Equal(expected.Count, reopened.SearchIndex.Sync());
        Assert.Equal(expected.Count, reopened.SearchIndex.DocumentCount());
        Assert.Equal(0, reopened.SearchIndex.Rebuild() - expected.Count);
        Assert.Equal(0, reopened.SearchIndex.Lag());
    }

    [Fact]
    public async Task An_editors_category_correction_is_kept_and_survives_re_indexing()
    {
        using var t = new TestIndex();
        await t.IndexSeedsAsync();
        var report = t.Store.ListReports().Single(r => r.Unit.Name == "高陵区");
        var problem = t.Store.GetReport(report.Id)!.Problems.Single(p => p.Path == "二/(三)/2/(35)");
        t.Store.SaveCategoryCorrection(problem.Id, ["cadre_management", "rectification_followup"]);
        t.Index.SearchIndex.Sync();
        var hit = (await t.Index.Search.SearchAsync(new Search.SearchRequest(problem.Statement[..20]) { Categories = ["rectification_followup"], Top = 100 })).Hits;
        Assert.Contains(hit, h => h.ProblemId == problem.Id && h.Categories.SequenceEqual(["cadre_management", "rectification_followup"]));
        Assert.Equal(["cadre_management", "rectification_followup"], t.Store.GetReport(report.Id)!.Problems.Single(p => p.Id == problem.Id).Categories);

        t.Store.DeleteReport(report.Id);
        await t.IndexSeedsAsync();

        Assert.Equal(["cadre_management", "rectification_followup"], t.Store.GetReport(report.Id)!.Problems.Single(p => p.Id == problem.Id).Categories);
        var correction = Assert.Single(t.Store.ListCategoryCorrections());
        Assert.Equal(problem.Id, correction.ProblemId);
        Assert.Equal(IndexStore.StatementHash(problem.Statement), correction.StatementHash);
        Assert.Throws<Core.InputRejectedException>(() => t.Store.SaveCategoryCorrection("nope-p01", ["ideology"]));
    }
}
