using ReportSearch.Core.Analysis;
using ReportSearch.Index.Indexing;
using ReportSearch.Index.Storage;

namespace ReportSearch.Index.Tests;

public sealed class IndexingTests
{
    /// <summary>Every row of the index that a write could touch: ids and the FTS rows' ids, for before/after comparisons.</summary>
    private static string Snapshot(IndexStore store)
    {
        using var c = store.Connect();
        string Column(string sql) => string.Join(",", IndexStore.Query(c, sql, r => r.GetValue(0).ToString()));
        return string.Join("\n",
            Column("SELECT id || content_hash || source_path FROM reports ORDER BY id"),
            Column("SELECT id || statement_hash FROM problems ORDER BY id"),
            Column("SELECT id || text FROM measures ORDER BY id"),
            Column("SELECT id || problem_id || coalesce(measure_id, '') FROM passages ORDER BY id"),
            Column("SELECT id FROM fts_words_docsize ORDER BY id"),
            Column("SELECT id FROM fts_bigrams_docsize ORDER BY id"),
            Column("SELECT problem_id || model || hex(vector) FROM embeddings ORDER BY problem_id"),
            Column("SELECT report_id || ordinal FROM sections ORDER BY 1"),
            Column("SELECT problem_id || category FROM problem_categories ORDER BY 1"),
            Column("SELECT name || hex(bytes) FROM models ORDER BY name"));
    }

    [Fact]
    public async Task Indexing_the_seeds_stores_both_reports_with_their_problems_measures_passages_and_embeddings()
    {
        using var t = new TestIndex();
        var summary = await t.IndexSeedsAsync();
        Assert.Equal("indexed 2, unchanged 0, failed 0", summary.ToString());
        var reports = t.Store.ListReports();
        Assert.Equal(new[] { ("高明区", 48), ("高陵区", 41) }, reports.Select(r => (r.Unit.Name!, r.ProblemCount)).Order());
        var counts = t.Store.CountRows();
        Assert.Equal(89, counts.Problems);
        Assert.Equal(counts.Problems + counts.Measures, counts.Passages);
        Assert.Equal(counts.Passages, counts.FtsWords);
        Assert.Equal(counts.Passages, counts.FtsBigrams);
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

        var before = Snapshot(t.Store);
        var bad = await t.Index.Indexer.IndexUploadAsync("upload/bad.txt", [0xFF, 0x00, 0xFE, 0x00]);
        Assert.Equal(FileResult.Failed, bad.Files[0].Result);
        Assert.Equal(before, Snapshot(t.Store));
    }

    [Fact]
    public async Task Re_indexing_an_unchanged_folder_changes_nothing()
    {
        using var t = new TestIndex();
        await t.IndexSeedsAsync();
        var before = Snapshot(t.Store);
        var summary = await t.IndexSeedsAsync();
        Assert.Equal("indexed 0, unchanged 2, failed 0", summary.ToString());
        Assert.Equal(before, Snapshot(t.Store));
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
        var counts = t.Store.CountRows();
        Assert.Equal(89, counts.Problems);
        Assert.Equal(counts.Passages, counts.FtsWords);
        using var c = t.Store.Connect();
        Assert.Equal(0L, IndexStore.Scalar(c, null, "SELECT count(*) FROM passages WHERE report_id = $id", ("$id", oldId)));
    }

    [Fact]
    public async Task Corrupt_and_empty_files_are_reported_by_name_and_leave_the_index_unchanged()
    {
        using var t = new TestIndex();
        await t.IndexSeedsAsync();
        var before = Snapshot(t.Store);
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
        Assert.Equal(before, Snapshot(t.Store));
    }

    [Fact]
    public async Task A_changed_file_that_no_longer_parses_keeps_its_previous_report()
    {
        using var t = new TestIndex();
        await t.IndexSeedsAsync();
        var before = Snapshot(t.Store);
        File.WriteAllBytes(t.Seed("002"), [0x00, 0xFF, 0x13, 0x37, 0x00, 0x00, 0xFE]);
        var summary = await t.IndexSeedsAsync();
        Assert.StartsWith("indexed 0, unchanged 1, failed 1", summary.ToString());
        Assert.Equal(before, Snapshot(t.Store));
    }

    [Fact]
    public async Task Deleting_reports_removes_every_row_they_own()
    {
        using var t = new TestIndex();
        await t.IndexSeedsAsync();
        foreach (var r in t.Store.ListReports()) Assert.True(t.Store.DeleteReport(r.Id));
        Assert.False(t.Store.DeleteReport("0000000000000000"));
        var counts = t.Store.CountRows();
        Assert.Equal(new IndexCounts(0, 0, 0, 0, 0, 0, 0, 0, 0), counts);
        using var c = t.Store.Connect();
        // The FTS index itself holds no term of the deleted text.
        Assert.Equal(0L, IndexStore.Scalar(c, null, "SELECT count(*) FROM fts_words WHERE fts_words MATCH '借调'"));
        Assert.Equal(0L, IndexStore.Scalar(c, null, "SELECT count(*) FROM fts_bigrams WHERE fts_bigrams MATCH '整改'"));
    }

    [Fact]
    public async Task A_write_interrupted_midway_leaves_nothing_half_written()
    {
        using var t = new TestIndex();
        await t.IndexSeedsAsync();
        var path = t.Seed("000");
        var report = TestIndex.Parse(Path.GetFileName(path), File.ReadAllBytes(path));
        var before = Snapshot(t.Store);

        // Fails on the 100th text analysed, i.e. after dozens of rows of the new report were written in the transaction.
        var failing = new FailingAnalyzer(TestIndex.Analyzer, failAt: 100);
        Assert.Throws<InvalidOperationException>(() => t.Store.ReplaceReport(report, new string('f', 64), path, failing));
        Assert.True(failing.Calls >= 100);

        Assert.Equal(before, Snapshot(t.Store));
        Assert.NotNull(t.Store.FindReport(report.Id)); // the report previously read from that path is still whole
    }

    [Fact]
    public async Task An_editors_category_correction_is_kept_and_survives_re_indexing()
    {
        using var t = new TestIndex();
        await t.IndexSeedsAsync();
        var report = t.Store.ListReports().Single(r => r.Unit.Name == "高陵区");
        var problem = t.Store.GetReport(report.Id)!.Problems.Single(p => p.Path == "二/(三)/2/(35)");
        t.Store.SaveCategoryCorrection(problem.Id, ["cadre_management", "rectification_followup"]);
        Assert.Equal(["cadre_management", "rectification_followup"], t.Store.GetReport(report.Id)!.Problems.Single(p => p.Id == problem.Id).Categories);

        t.Store.DeleteReport(report.Id);
        await t.IndexSeedsAsync();

        Assert.Equal(["cadre_management", "rectification_followup"], t.Store.GetReport(report.Id)!.Problems.Single(p => p.Id == problem.Id).Categories);
        var correction = Assert.Single(t.Store.ListCategoryCorrections());
        Assert.Equal(problem.Id, correction.ProblemId);
        Assert.Equal(IndexStore.StatementHash(problem.Statement), correction.StatementHash);
        Assert.Throws<Core.InputRejectedException>(() => t.Store.SaveCategoryCorrection("nope-p01", ["ideology"]));
    }

    private sealed class FailingAnalyzer(ITextAnalyzer inner, int failAt) : ITextAnalyzer
    {
        public int Calls { get; private set; }
        public AnalyzedText Analyze(string text) =>
            ++Calls >= failAt ? throw new InvalidOperationException("simulated crash inside the write") : inner.Analyze(text);
        public AnalyzedQuery AnalyzeQuery(string query) => inner.AnalyzeQuery(query);
        public Lucene.Net.Analysis.Analyzer WordsAnalyzer => inner.WordsAnalyzer;
        public Lucene.Net.Analysis.Analyzer BigramsAnalyzer => inner.BigramsAnalyzer;
    }
}
