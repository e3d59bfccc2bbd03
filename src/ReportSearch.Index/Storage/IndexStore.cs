using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using ReportSearch.Core.Model;

namespace ReportSearch.Index.Storage;

/// <summary>
/// The system of record: one SQLite file holding reports, their problems, measures and sections, embeddings, saved models,
/// editors' category corrections, and the log of changes the Lucene search index (<see cref="Search.SearchIndex"/>) is
/// derived from. Each write is one transaction: a reader (or a process killed mid-write) sees a report entirely or not
/// at all. SQL lives in <see cref="IndexSql"/>.
/// </summary>
public sealed class IndexStore
{
    private static readonly JsonSerializerOptions Json = ReportJson.Compact;
    private readonly string _connectionString;

    public string Path { get; }

    private IndexStore(string path)
    {
        Path = path;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            DefaultTimeout = 30, // also the busy timeout: a writer waits for another writer instead of failing
            Pooling = false,     // files are released when a command ends, so a test or a user can delete the index
        }.ToString();
    }

    /// <summary>Opens (creating when absent) the index at <paramref name="path"/> and brings its schema up to date.</summary>
    public static IndexStore Open(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var folder = System.IO.Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        var store = new IndexStore(full);
        store.Migrate();
        return store;
    }

    public int SchemaVersion
    {
        get { using var c = Connect(); return Convert.ToInt32(Scalar(c, null, IndexSql.ReadUserVersion)); }
    }

    private void Migrate()
    {
        using var c = Connect();
        Execute(c, null, "PRAGMA journal_mode = WAL;");
        var version = Convert.ToInt32(Scalar(c, null, IndexSql.ReadUserVersion));
        for (var v = version; v < IndexSql.Migrations.Count; v++)
        {
            using var tx = c.BeginTransaction();
            Execute(c, tx, IndexSql.Migrations[v]);
            Execute(c, tx, IndexSql.SetUserVersion(v + 1));
            tx.Commit();
        }
    }

    internal SqliteConnection Connect()
    {
        var c = new SqliteConnection(_connectionString);
        c.Open();
        Execute(c, null, IndexSql.Pragmas);
        return c;
    }

    // ---- reports ----------------------------------------------------------------------------------------------

    public string? FindReportByHash(string contentHash)
    {
        using var c = Connect();
        return Scalar(c, null, IndexSql.FindReportByHash, ("$hash", contentHash)) as string;
    }

    public string? FindReportBySource(string sourcePath)
    {
        using var c = Connect();
        return Scalar(c, null, IndexSql.FindReportBySource, ("$source", sourcePath)) as string;
    }

    /// <summary>The same bytes were found under another path (moved or copied): remember the new path, nothing else changes.</summary>
    public void UpdateSource(string reportId, string sourcePath)
    {
        using var c = Connect();
        using var tx = c.BeginTransaction();
        Execute(c, tx, IndexSql.UpdateReportSource, ("$id", reportId), ("$source", sourcePath), ("$name", System.IO.Path.GetFileName(sourcePath)));
        BumpGeneration(c, tx);
        tx.Commit();
    }

    /// <summary>
    /// Writes <paramref name="report"/> in one transaction, first removing the report previously read from the same
    /// source path (a changed file replaces its report), and queues every report it touched for the search index.
    /// Returns the report as stored: with the categories editors corrected for its statements.
    /// </summary>
    public RectificationReport ReplaceReport(RectificationReport report, string contentHash, string sourcePath)
    {
        using var c = Connect();
        using var tx = c.BeginTransaction();
        var churn = 0L;
        if (Scalar(c, tx, IndexSql.FindReportBySource, ("$source", sourcePath)) is string previous)
            churn += DeleteReportRows(c, tx, previous);
        if (Scalar(c, tx, IndexSql.FindReportByHash, ("$hash", contentHash)) is string sameBytes)
            churn += DeleteReportRows(c, tx, sameBytes);

        Execute(c, tx, IndexSql.InsertReport,
            ("$id", report.Id), ("$hash", contentHash), ("$source", sourcePath),
            ("$name", report.SourceName ?? System.IO.Path.GetFileName(sourcePath)), ("$format", report.Format), ("$title", report.Title),
            ("$unit", report.Unit.Name), ("$fullName", report.Unit.FullName), ("$city", report.Unit.City),
            ("$province", report.Unit.Province), ("$level", report.Unit.Level), ("$unitKind", report.Unit.Kind),
            ("$inspection", JsonSerializer.Serialize(report.Inspection, Json)),
            ("$published", report.PublishedDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("$issuer", report.Issuer), ("$warnings", JsonSerializer.Serialize(report.Warnings, Json)),
            ("$indexedAt", DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture)));

        for (var i = 0; i < report.Sections.Count; i++)
        {
            var s = report.Sections[i];
            Execute(c, tx, IndexSql.InsertSection, ("$report", report.Id), ("$ordinal", i), ("$path", s.Path),
                ("$heading", s.Heading), ("$text", s.Text), ("$kind", s.Kind));
        }

        using var insertProblem = Command(c, tx, IndexSql.InsertProblem);
        using var insertMeasure = Command(c, tx, IndexSql.InsertMeasure);
        using var latestCorrection = Command(c, tx, IndexSql.SelectLatestCorrection);
        var stored = new List<Problem>(report.Problems.Count);
        for (var i = 0; i < report.Problems.Count; i++)
        {
            var p = report.Problems[i];
            var hash = StatementHash(p.Statement);
            Run(insertProblem, ("$id", p.Id), ("$report", report.Id), ("$ordinal", i + 1), ("$path", p.Path),
                ("$aspect", p.Aspect), ("$headings", JsonSerializer.Serialize(p.Headings, Json)), ("$statement", p.Statement), ("$hash", hash),
                ("$scores", p.CategoryScores is null ? null : JsonSerializer.Serialize(p.CategoryScores, Json)));
            latestCorrection.Parameters.Clear();
            latestCorrection.Parameters.AddWithValue("$hash", hash);
            var categories = latestCorrection.ExecuteScalar() is string corrected ? JsonSerializer.Deserialize<string[]>(corrected, Json)! : p.Categories;
            WriteCategories(c, tx, p.Id, categories);
            stored.Add(p with { Categories = categories });

            for (var j = 0; j < p.Measures.Count; j++)
            {
                var m = p.Measures[j];
                Run(insertMeasure, ("$id", m.Id), ("$problem", p.Id), ("$index", j), ("$ordinal", m.Ordinal),
                    ("$text", m.Text), ("$documents", JsonSerializer.Serialize(m.Documents, Json)),
                    ("$quantities", JsonSerializer.Serialize(m.Quantities, Json)), ("$status", m.Status));
            }
        }
        Execute(c, tx, IndexSql.InsertChange, ("$report", report.Id));
        churn += report.Problems.Count;
        AddToMeta(c, tx, MetaKeys.ProblemChurn, churn);
        BumpGeneration(c, tx);
        tx.Commit();
        return report with { Problems = stored };
    }

    private static void Run(SqliteCommand cmd, params (string Name, object? Value)[] args)
    {
        cmd.Parameters.Clear();
        foreach (var (name, value) in args) cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        cmd.ExecuteNonQuery();
    }

    private static void WriteCategories(SqliteConnection c, SqliteTransaction tx, string problemId, IReadOnlyList<string> categories)
    {
        Execute(c, tx, IndexSql.DeleteProblemCategories, ("$problem", problemId));
        for (var k = 0; k < categories.Count; k++)
            Execute(c, tx, IndexSql.InsertProblemCategory, ("$problem", problemId), ("$category", categories[k]), ("$rank", k));
    }

    /// <summary>Removes a report and every row that belongs to it, and logs the change for the search index. False when there was no such report.</summary>
    public bool DeleteReport(string reportId)
    {
        using var c = Connect();
        using var tx = c.BeginTransaction();
        if (Scalar(c, tx, IndexSql.SelectReportById, ("$id", reportId)) is null) return false;
        AddToMeta(c, tx, MetaKeys.ProblemChurn, DeleteReportRows(c, tx, reportId));
        BumpGeneration(c, tx);
        tx.Commit();
        return true;
    }

    private static long DeleteReportRows(SqliteConnection c, SqliteTransaction tx, string reportId)
    {
        var problems = (long)Scalar(c, tx, IndexSql.CountReportProblems, ("$id", reportId))!;
        Execute(c, tx, IndexSql.DeleteReport, ("$id", reportId));
        Execute(c, tx, IndexSql.InsertChange, ("$report", reportId));
        return problems;
    }

    public IReadOnlyList<ReportSummary> ListReports()
    {
        using var c = Connect();
        return Query(c, IndexSql.SelectAllReports, ReadSummary);
    }

    public ReportSummary? FindReport(string reportId)
    {
        using var c = Connect();
        return Query(c, IndexSql.SelectReportById, ReadSummary, ("$id", reportId)).FirstOrDefault();
    }

    private static ReportSummary ReadSummary(SqliteDataReader r) => new(
        Id: r.GetString(0), SourcePath: r.GetString(1), SourceName: Text(r, 2), Format: Text(r, 3), Title: Text(r, 4),
        Unit: new InspectedUnit(Text(r, 5), Text(r, 6), Text(r, 7), Text(r, 8), Text(r, 9), Text(r, 17)),
        Inspection: JsonSerializer.Deserialize<Inspection>(r.GetString(10), Json)!,
        PublishedDate: Text(r, 11) is { } d ? DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
        Issuer: Text(r, 12), Warnings: JsonSerializer.Deserialize<string[]>(r.GetString(13), Json)!,
        IndexedAt: DateTime.Parse(r.GetString(14), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
        ProblemCount: r.GetInt32(15), MeasureCount: r.GetInt32(16));

    /// <summary>The report as it was indexed (with corrected categories), or null when the id is unknown.</summary>
    public RectificationReport? GetReport(string reportId) => ReadReport(reportId, null);

    /// <summary>
    /// The report with only the problems named (and their measures), without its sections: what a comparison shows of a
    /// report, read without the rest of it. Null when the id is unknown.
    /// </summary>
    public RectificationReport? GetReport(string reportId, IReadOnlyCollection<string> problemIds) =>
        ReadReport(reportId, JsonSerializer.Serialize(problemIds, Json));

    private RectificationReport? ReadReport(string reportId, string? problemIdsJson)
    {
        using var c = Connect();
        var summary = Query(c, IndexSql.SelectReportById, ReadSummary, ("$id", reportId)).FirstOrDefault();
        if (summary is null) return null;
        var measures = Query(c, IndexSql.SelectMeasuresOfReport, r => (Problem: r.GetString(0), Measure: new Measure
        {
            Id = r.GetString(1), Ordinal = Text(r, 2), Text = r.GetString(3),
            Documents = JsonSerializer.Deserialize<string[]>(r.GetString(4), Json)!,
            Quantities = JsonSerializer.Deserialize<Quantity[]>(r.GetString(5), Json)!,
            Status = Text(r, 6),
        }), ("$id", reportId), ("$problems", problemIdsJson)).ToLookup(x => x.Problem, x => x.Measure);
        var problems = Query(c, IndexSql.SelectProblemsOfReport, r => new Problem
        {
            Id = r.GetString(0), Path = r.GetString(1), Aspect = Text(r, 2),
            Headings = JsonSerializer.Deserialize<string[]>(r.GetString(3), Json)!,
            Statement = r.GetString(4),
            Categories = JsonSerializer.Deserialize<string[]>(r.GetString(5), Json)!,
            CategoryScores = Text(r, 6) is { } scores ? JsonSerializer.Deserialize<Dictionary<string, double>>(scores, Json) : null,
            Measures = measures[r.GetString(0)].ToList(),
        }, ("$id", reportId), ("$problems", problemIdsJson));
        var sections = problemIdsJson is not null ? []
            : Query(c, IndexSql.SelectSectionsOfReport, r => new Section(r.GetString(0), Text(r, 1), r.GetString(2), r.GetString(3)), ("$id", reportId));
        return new RectificationReport
        {
            Id = summary.Id, Title = summary.Title, Unit = summary.Unit, Inspection = summary.Inspection,
            PublishedDate = summary.PublishedDate, Issuer = summary.Issuer, Problems = problems, Sections = sections,
            Warnings = summary.Warnings, SourceName = summary.SourceName, Format = summary.Format,
        };
    }

    /// <summary>The texts of <paramref name="keys"/>, read in one statement; a key whose row is gone is absent.</summary>
    public IReadOnlyDictionary<TextKey, string> ShownTexts(IReadOnlyCollection<TextKey> keys)
    {
        string Ids(string kind) => JsonSerializer.Serialize(keys.Where(k => k.Kind == kind).Select(k => k.Id), Json);
        var sections = JsonSerializer.Serialize(keys.Where(k => k.Kind == "section").Select(k => new object[] { k.Id, k.Ordinal }), Json);
        using var c = Connect();
        return Query(c, IndexSql.SelectShownTexts, r => (Key: new TextKey(r.GetString(0), r.GetString(1), r.GetInt32(2)), Text: r.GetString(3)),
                ("$problems", Ids("problem")), ("$measures", Ids("measure")), ("$sections", sections))
            .ToDictionary(x => x.Key, x => x.Text);
    }

    /// <summary>How many reports are indexed: the cheap question that health checks and start-up ask.</summary>
    public long CountReports()
    {
        using var c = Connect();
        return (long)Scalar(c, null, IndexSql.CountReports)!;
    }

    /// <summary>Rows of every table: a full count, for tests and the benchmark, not for hot paths.</summary>
    public IndexCounts CountRows()
    {
        using var c = Connect();
        return Query(c, IndexSql.CountRows, r => new IndexCounts(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3),
            r.GetInt64(4), r.GetInt64(5)))[0];
    }

    // ---- categories -------------------------------------------------------------------------------------------

    /// <summary>
    /// An editor's correction: replaces the problem's categories now and is kept (keyed by the statement's hash) so it
    /// survives re-indexing and feeds the classifier's training. Throws when the problem is unknown.
    /// </summary>
    public CategoryCorrection SaveCategoryCorrection(string problemId, IReadOnlyList<string> categories)
    {
        using var c = Connect();
        using var tx = c.BeginTransaction();
        if (Scalar(c, tx, IndexSql.SelectStatementHash, ("$problem", problemId)) is not string hash)
            throw new Core.InputRejectedException($"no problem with id '{problemId}' in the index; take ids from a search or a report", Core.InputRejection.NotFound);
        var at = DateTime.UtcNow;
        Execute(c, tx, IndexSql.InsertCorrection, ("$problem", problemId), ("$hash", hash),
            ("$categories", JsonSerializer.Serialize(categories, Json)), ("$at", at.ToString("O", CultureInfo.InvariantCulture)));
        WriteCategories(c, tx, problemId, categories);
        Execute(c, tx, IndexSql.InsertChange, ("$report", Scalar(c, tx, IndexSql.SelectReportOfProblem, ("$problem", problemId))));
        BumpGeneration(c, tx);
        tx.Commit();
        return new CategoryCorrection(problemId, hash, categories, at);
    }

    /// <summary>The problem with this id, or null.</summary>
    public Problem? FindProblem(string problemId)
    {
        using var c = Connect();
        return Scalar(c, null, IndexSql.SelectReportOfProblem, ("$problem", problemId)) is string reportId
            ? GetReport(reportId)?.Problems.FirstOrDefault(p => p.Id == problemId)
            : null;
    }

    /// <summary>How many problems carry each category (any rank) and how many as their primary one.</summary>
    public IReadOnlyDictionary<string, (int Problems, int Primary)> CategoryCounts()
    {
        using var c = Connect();
        return Query(c, IndexSql.SelectCategoryCounts, r => (r.GetString(0), (r.GetInt32(1), r.GetInt32(2))))
            .ToDictionary(x => x.Item1, x => x.Item2, StringComparer.Ordinal);
    }

    public IReadOnlyList<CategoryCorrection> ListCategoryCorrections()
    {
        using var c = Connect();
        return Query(c, IndexSql.SelectCorrections, r => new CategoryCorrection(r.GetString(0), r.GetString(1),
            JsonSerializer.Deserialize<string[]>(r.GetString(2), Json)!,
            DateTime.Parse(r.GetString(3), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)));
    }

    public static string StatementHash(string statement) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(statement.Trim())))[..16];

    // ---- models and embeddings --------------------------------------------------------------------------------

    public void SaveModel(string name, byte[] bytes, string? info)
    {
        using var c = Connect();
        using var tx = c.BeginTransaction();
        SaveModel(c, tx, name, bytes, info);
        tx.Commit();
    }

    private static void SaveModel(SqliteConnection c, SqliteTransaction tx, string name, byte[] bytes, string? info) =>
        Execute(c, tx, IndexSql.UpsertModel, ("$name", name), ("$bytes", bytes), ("$info", info),
            ("$trainedAt", DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture)));

    public SavedModel? LoadModel(string name)
    {
        using var c = Connect();
        return Query(c, IndexSql.SelectModel, r => new SavedModel(name, (byte[])r[0], Text(r, 1),
            DateTime.Parse(r.GetString(2), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)), ("$name", name)).FirstOrDefault();
    }

    /// <summary>The saved model's info text alone (its blob is not read).</summary>
    public string? LoadModelInfo(string name)
    {
        using var c = Connect();
        return Scalar(c, null, IndexSql.SelectModelInfo, ("$name", name)) as string;
    }

    /// <summary>
    /// Problems whose embedding is missing or was made by another model than <paramref name="model"/>, in problem-id order:
    /// at most <paramref name="limit"/> (-1: all) with ids after <paramref name="after"/>.
    /// </summary>
    public IReadOnlyList<EmbeddingSource> ProblemsLackingEmbedding(string model, string after = "", int limit = -1)
    {
        using var c = Connect();
        return Query(c, IndexSql.SelectProblemsLackingEmbedding, ReadEmbeddingSource, ("$model", model), ("$after", after), ("$limit", limit));
    }

    /// <summary>At most <paramref name="max"/> problems spread evenly over the store (all of them when there are fewer).</summary>
    public IReadOnlyList<EmbeddingSource> SampleProblemsForEmbedding(int max, long problems)
    {
        using var c = Connect();
        var step = Math.Max(1, (problems + max - 1) / max);
        return Query(c, IndexSql.SelectEmbeddingSample, ReadEmbeddingSource, ("$step", step), ("$limit", max));
    }

    private static EmbeddingSource ReadEmbeddingSource(SqliteDataReader r) =>
        new(r.GetString(0), JsonSerializer.Deserialize<string[]>(r.GetString(1), Json)!, r.GetString(2), r.GetString(3));

    /// <summary>
    /// Stores vectors made by <paramref name="model"/>, together with the model itself when it was (re)trained,
    /// in one transaction: the vectors in the index always belong to the model saved next to them.
    /// </summary>
    public void WriteEmbeddings(string model, IReadOnlyList<(string ProblemId, float[] Vector)> vectors, (string Name, byte[] Bytes, string Info)? trained = null)
    {
        using var c = Connect();
        using var tx = c.BeginTransaction();
        if (trained is { } t)
        {
            SaveModel(c, tx, t.Name, t.Bytes, t.Info);
            Execute(c, tx, IndexSql.WriteMeta, ("$key", MetaKeys.ProblemChurn), ("$value", "0"));
        }
        using var cmd = Command(c, tx, IndexSql.UpsertEmbedding);
        var problem = cmd.Parameters.Add("$problem", SqliteType.Text);
        var vector = cmd.Parameters.Add("$vector", SqliteType.Blob);
        cmd.Parameters.AddWithValue("$model", Scalar(c, tx, IndexSql.EmbeddingModelId, ("$name", model)));
        cmd.Parameters.AddWithValue("$bits", StoredVector.Bits);
        foreach (var (id, v) in vectors)
        {
            problem.Value = id;
            vector.Value = StoredVector.Encode(v);
            cmd.ExecuteNonQuery();
        }
        BumpGeneration(c, tx);
        tx.Commit();
    }

    public IReadOnlyList<(string ProblemId, float[] Vector)> LoadEmbeddings(string model)
    {
        using var c = Connect();
        return Query(c, IndexSql.SelectEmbeddings, r => (r.GetString(0), StoredVector.Decode((byte[])r[1], r.GetInt32(2))), ("$model", model));
    }

    // ---- the change log the search index follows ---------------------------------------------------------------

    /// <summary>Changes after <paramref name="after"/>, oldest first, at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<ReportChange> ChangesAfter(long after, int limit)
    {
        using var c = Connect();
        return Query(c, IndexSql.SelectChangesAfter, r => new ReportChange(r.GetInt64(0), r.GetString(1)), ("$after", after), ("$limit", limit));
    }

    /// <summary>The sequence number of the newest change ever logged (pruned or not); 0 for none.</summary>
    public long LastChange()
    {
        using var c = Connect();
        return (long)Scalar(c, null, IndexSql.SelectLastChange)!;
    }

    /// <summary>Forgets the changes the search index has committed.</summary>
    public void PruneChanges(long through)
    {
        using var c = Connect();
        Execute(c, null, IndexSql.DeleteChangesThrough, ("$through", through));
    }

    public bool HasReport(string reportId)
    {
        using var c = Connect();
        return Scalar(c, null, IndexSql.SelectReportExists, ("$id", reportId)) is not null;
    }

    /// <summary>Every report id: what a rebuild of the search index walks.</summary>
    public IReadOnlyList<string> ReportIds()
    {
        using var c = Connect();
        return Query(c, IndexSql.SelectReportIds, r => r.GetString(0));
    }

    /// <summary>A random id made with the store: a search index made from another store is never taken for this one's.</summary>
    public string StoreId()
    {
        using var c = Connect();
        return (string)Scalar(c, null, IndexSql.ReadMeta, ("$key", MetaKeys.StoreId))!;
    }

    // ---- meta -------------------------------------------------------------------------------------------------

    /// <summary>Changes on every committed write: readers reload their in-memory catalog and vectors when it moves.</summary>
    public long Generation()
    {
        using var c = Connect();
        return ReadMetaLong(c, MetaKeys.Generation);
    }

    /// <summary>Problems added or removed since the built-in embedding model was last trained.</summary>
    public long ProblemChurnSinceTraining()
    {
        using var c = Connect();
        return ReadMetaLong(c, MetaKeys.ProblemChurn);
    }

    private static long ReadMetaLong(SqliteConnection c, string key) =>
        Scalar(c, null, IndexSql.ReadMeta, ("$key", key)) is string s ? long.Parse(s, CultureInfo.InvariantCulture) : 0;

    private static void BumpGeneration(SqliteConnection c, SqliteTransaction tx) => AddToMeta(c, tx, MetaKeys.Generation, 1);

    private static void AddToMeta(SqliteConnection c, SqliteTransaction tx, string key, long delta) =>
        Execute(c, tx, IndexSql.AddToMeta, ("$key", key), ("$delta", delta));

    private static class MetaKeys
    {
        public const string Generation = "generation";
        public const string ProblemChurn = "problem_churn_since_training";
        public const string StoreId = "store_id";
    }

    // ---- ADO.NET plumbing -------------------------------------------------------------------------------------

    internal static SqliteCommand Command(SqliteConnection c, SqliteTransaction? tx, string sql, params (string Name, object? Value)[] args)
    {
        var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        foreach (var (name, value) in args) cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return cmd;
    }

    internal static void Execute(SqliteConnection c, SqliteTransaction? tx, string sql, params (string, object?)[] args)
    {
        using var cmd = Command(c, tx, sql, args);
        cmd.ExecuteNonQuery();
    }

    internal static object? Scalar(SqliteConnection c, SqliteTransaction? tx, string sql, params (string, object?)[] args)
    {
        using var cmd = Command(c, tx, sql, args);
        var value = cmd.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    internal static List<T> Query<T>(SqliteConnection c, string sql, Func<SqliteDataReader, T> read, params (string, object?)[] args)
    {
        using var cmd = Command(c, null, sql, args);
        using var r = cmd.ExecuteReader();
        var list = new List<T>();
        while (r.Read()) list.Add(read(r));
        return list;
    }

    private static string? Text(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
