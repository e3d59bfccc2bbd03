using ReportSearch.Index.Search;
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
        Assert.Equal(new IndexCounts(0, 0, 0, 0, 0, 0), reopened.CountRows());
    }

    [Fact]
    public async Task An_index_made_before_the_Lucene_engine_is_brought_up_by_the_missing_migration_and_its_search_documents_derived()
    {
        using var t = new TestIndex();
        await t.IndexSeedsAsync();
        var expected = t.ExpectedSearchDocuments();
        t.Index.Dispose();
        Directory.Delete(SearchIndex.PathFor(t.DbPath), recursive: true);
        // Back to schema 4: the FTS tables and passages of the SQLite engine, no change log, vectors without their width
        // (those written now are 16-bit: schema 4 never held such, so they go), problems without category scores, categories
        // indexed by category.
        using (var c = new SqliteConnection($"Data Source={t.DbPath};Pooling=False"))
        {
            c.Open();
            IndexStore.Execute(c, null, """
                DROP TABLE changes; DELETE FROM meta WHERE key = 'store_id';
                DROP TABLE embeddings; DROP TABLE embedding_models;
                CREATE TABLE embeddings(problem_id TEXT PRIMARY KEY REFERENCES problems(id) ON DELETE CASCADE, model TEXT NOT NULL, vector BLOB NOT NULL);
                ALTER TABLE problems DROP COLUMN category_scores_json;
                CREATE INDEX ix_problem_categories_category ON problem_categories(category);
                CREATE TABLE passages(id INTEGER PRIMARY KEY, report_id TEXT NOT NULL, problem_id TEXT NOT NULL, measure_id TEXT, kind TEXT NOT NULL);
                CREATE VIRTUAL TABLE fts_words USING fts5(heading, statement, body, content='', contentless_delete=1);
                CREATE VIRTUAL TABLE fts_bigrams USING fts5(heading, statement, body, content='', contentless_delete=1);
                CREATE VIRTUAL TABLE fts_words_vocab USING fts5vocab(fts_words, 'row');
                CREATE VIRTUAL TABLE fts_bigrams_vocab USING fts5vocab(fts_bigrams, 'row');
                """);
            IndexStore.Execute(c, null, IndexSql.SetUserVersion(4));
        }
        // Migrations 1–4 would fail on tables that exist if they ran again: only the missing one may run.
        using var reopened = new ReportIndex(IndexStore.Open(t.DbPath), TestIndex.Analyzer, TestIndex.Parse);
        Assert.Equal(IndexSql.Migrations.Count, reopened.Store.SchemaVersion);
        using (var check = reopened.Store.Connect())
            Assert.Equal(0L, IndexStore.Scalar(check, null, "SELECT count(*) FROM sqlite_master WHERE name LIKE 'fts%' OR name = 'passages';"));
        Assert.Equal(2, reopened.Store.ChangesAfter(0, 100).Count);
        Assert.Equal(expected.Count, reopened.SearchIndex.Sync());
        Assert.Empty(reopened.Store.ChangesAfter(0, 100));
        Assert.Equal(0, reopened.SearchIndex.Lag());
    }

    [Fact]
    public async Task Vectors_and_aspects_written_before_schema_8_read_back_the_same_and_the_category_index_goes()
    {
        using var t = new TestIndex();
        await t.IndexSeedsAsync();
        var model = t.Index.Embeddings.CurrentSpace()!.ModelKey;
        var before = t.Store.LoadEmbeddings(model);
        t.Index.Dispose();
        var reports = t.Store.ListReports().Select(r => t.Store.GetReport(r.Id)!).ToList();
        // Back to schema 7: the model's name on every row, every problem's aspect stored, categories indexed by category.
        using (var c = new SqliteConnection($"Data Source={t.DbPath};Pooling=False"))
        {
            c.Open();
            IndexStore.Execute(c, null, """
                CREATE TABLE embeddings_7(problem_id TEXT PRIMARY KEY REFERENCES problems(id) ON DELETE CASCADE,
                    model TEXT NOT NULL, vector BLOB NOT NULL, bits INTEGER NOT NULL DEFAULT 32);
                INSERT INTO embeddings_7 SELECT e.problem_id, m.name, e.vector, e.bits FROM embeddings e JOIN embedding_models m ON m.id = e.model;
                DROP TABLE embeddings; DROP TABLE embedding_models;
                ALTER TABLE embeddings_7 RENAME TO embeddings;
                UPDATE problems SET aspect = headings_json ->> '$[#-1]';
                CREATE INDEX ix_problem_categories_category ON problem_categories(category);
                """);
            IndexStore.Execute(c, null, IndexSql.SetUserVersion(7));
        }
        var reopened = IndexStore.Open(t.DbPath);
        Assert.Equal(IndexSql.Migrations.Count, reopened.SchemaVersion);
        var after = reopened.LoadEmbeddings(model);
        Assert.Equal(before.Select(e => e.ProblemId), after.Select(e => e.ProblemId));
        Assert.All(before.Zip(after), x => Assert.Equal(x.First.Vector, x.Second.Vector));
        Assert.Empty(reopened.ProblemsLackingEmbedding(model));
        using (var c = reopened.Connect())
        {
            Assert.Equal(0L, IndexStore.Scalar(c, null, "SELECT count(*) FROM problems WHERE aspect IS NOT NULL;"));
            Assert.Equal(0L, IndexStore.Scalar(c, null, "SELECT count(*) FROM sqlite_master WHERE name = 'ix_problem_categories_category';"));
        }
        Assert.Equal(reports.SelectMany(r => r.Problems).Select(p => (p.Id, p.Aspect)),
            reports.SelectMany(r => reopened.GetReport(r.Id)!.Problems).Select(p => (p.Id, p.Aspect)));
        Assert.All(reports.SelectMany(r => r.Problems), p => Assert.NotNull(p.Aspect));
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
        Assert.Equal(parsed.Problems.Select(p => (p.Id, p.Path, p.Aspect, string.Join("|", p.Headings), p.Statement, p.Measures.Count)),
            stored.Problems.Select(p => (p.Id, p.Path, p.Aspect, string.Join("|", p.Headings), p.Statement, p.Measures.Count)));
        Assert.Equal(parsed.Problems.SelectMany(p => p.Measures).Select(m => (m.Text, m.Status, string.Join("|", m.Documents), m.Quantities.Count)),
            stored.Problems.SelectMany(p => p.Measures).Select(m => (m.Text, m.Status, string.Join("|", m.Documents), m.Quantities.Count)));
        Assert.Equal(parsed.Sections.Count, stored.Sections.Count);
        Assert.Null(t.Store.GetReport("0000000000000000"));
    }

    [Fact]
    public async Task Each_problem_keeps_the_category_scores_it_was_categorised_with()
    {
        using var t = new TestIndex();
        // As the CLI and the server open an index: parsing, then the category model, then the store.
        using var index = ReportIndex.Open(Path.Combine(t.Folder, "categorised", "reportsearch.db"), new ReportSearchSettings(), TestIndex.Analyzer);
        await index.Indexer.IndexAsync([t.SeedsFolder]);
        var store = index.Store;
        var problems = store.ListReports().SelectMany(r => store.GetReport(r.Id)!.Problems).ToList();
        Assert.Equal(89, problems.Count);
        Assert.All(problems, p =>
        {
            Assert.NotNull(p.CategoryScores);
            Assert.Equal(p.CategoryScores!.MaxBy(s => s.Value).Key, p.Categories[0]);
            Assert.All(p.Categories, c => Assert.True(p.CategoryScores.ContainsKey(c), $"{p.Id}: {c} has no score"));
            Assert.InRange(p.CategoryScores.Values.Sum(), 0.9, 1.0001);
        });
        // A problem indexed before schema 7 has categories and no scores: null, not an empty or made-up set.
        using (var c = store.Connect())
            IndexStore.Execute(c, null, "UPDATE problems SET category_scores_json = NULL WHERE id = $id;", ("$id", problems[0].Id));
        var old = store.FindProblem(problems[0].Id)!;
        Assert.Null(old.CategoryScores);
        Assert.Equal(problems[0].Categories, old.Categories);
    }

    [Fact]
    public async Task A_report_read_for_some_of_its_problems_has_those_with_their_measures_and_nothing_else()
    {
        using var t = new TestIndex();
        await t.IndexSeedsAsync();
        var whole = t.Store.GetReport(t.Store.ListReports()[0].Id)!;
        var wanted = new[] { whole.Problems[5].Id, whole.Problems[1].Id, "no-such-problem" };
        var part = t.Store.GetReport(whole.Id, wanted)!;
        Assert.Equal([whole.Problems[1].Id, whole.Problems[5].Id], part.Problems.Select(p => p.Id)); // in report order
        Assert.Equal(whole.Problems[5].Measures.Select(m => m.Text), part.Problems[1].Measures.Select(m => m.Text));
        Assert.Equal(whole.Problems[1].Categories, part.Problems[0].Categories);
        Assert.Empty(part.Sections);
        Assert.Equal((whole.Title, whole.Unit, whole.PublishedDate), (part.Title, part.Unit, part.PublishedDate));
        Assert.Null(t.Store.GetReport("0000000000000000", wanted));
    }
}
