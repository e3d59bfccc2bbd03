using Microsoft.Data.Sqlite;
using ReportSearch.Index.Storage;

namespace ReportSearch.Index.Tests;

public sealed class IndexStoreTests
{
    [Fact]
    public void A_new_index_is_migrated_to_the_latest_version_in_wal_mode_and_reopening_keeps_it()
    {
        using var t = new TestIndex();
        Assert.Equal(IndexSql.Migrations.Count, t.Store.SchemaVersion);
        using (var c = t.Store.Connect())
        {
            Assert.Equal("wal", IndexStore.Scalar(c, null, "PRAGMA journal_mode;"));
            Assert.Equal(1L, IndexStore.Scalar(c, null, "PRAGMA foreign_keys;"));
        }
        var reopened = IndexStore.Open(t.DbPath);
        Assert.Equal(IndexSql.Migrations.Count, reopened.SchemaVersion);
        Assert.Equal(new IndexCounts(0, 0, 0, 0, 0, 0, 0, 0, 0), reopened.CountRows());
    }

    [Fact]
    public void An_index_at_an_older_schema_version_is_brought_up_by_the_missing_migrations_only()
    {
        using var t = new TestIndex();
        using (var c = new SqliteConnection($"Data Source={t.DbPath};Pooling=False"))
        {
            c.Open();
            IndexStore.Execute(c, null, "DROP INDEX ix_reports_unit_date; DROP TABLE fts_words_vocab; DROP TABLE fts_bigrams_vocab; ALTER TABLE reports DROP COLUMN unit_kind;");
            IndexStore.Execute(c, null, IndexSql.SetUserVersion(1));
        }
        // Migration 1 would fail on tables that exist if it ran again: only the later ones may run, in order.
        var reopened = IndexStore.Open(t.DbPath);
        Assert.Equal(IndexSql.Migrations.Count, reopened.SchemaVersion);
        using var check = reopened.Connect();
        Assert.Equal(3L, IndexStore.Scalar(check, null,
            "SELECT count(*) FROM sqlite_master WHERE name IN ('ix_reports_unit_date', 'fts_words_vocab', 'fts_bigrams_vocab');"));
        Assert.Equal(1L, IndexStore.Scalar(check, null, "SELECT count(*) FROM pragma_table_info('reports') WHERE name = 'unit_kind';"));
    }

    [Fact]
    public async Task A_report_reads_back_as_it_was_indexed()
    {
        using var t = new TestIndex();
        await t.IndexSeedsAsync();
        var parsed = TestIndex.Parse("000.txt", File.ReadAllBytes(t.Seed("000")));
        var stored = t.Store.GetReport(parsed.Id)!;
        Assert.Equal(parsed.Unit, stored.Unit);
        Assert.Equal(parsed.Inspection, stored.Inspection);
        Assert.Equal(parsed.PublishedDate, stored.PublishedDate);
        Assert.Equal(parsed.Problems.Select(p => (p.Id, p.Path, p.Statement, p.Measures.Count)),
            stored.Problems.Select(p => (p.Id, p.Path, p.Statement, p.Measures.Count)));
        Assert.Equal(parsed.Problems.SelectMany(p => p.Measures).Select(m => (m.Text, m.Status, string.Join("|", m.Documents), m.Quantities.Count)),
            stored.Problems.SelectMany(p => p.Measures).Select(m => (m.Text, m.Status, string.Join("|", m.Documents), m.Quantities.Count)));
        Assert.Equal(parsed.Sections.Count, stored.Sections.Count);
        Assert.Null(t.Store.GetReport("0000000000000000"));
    }
}
