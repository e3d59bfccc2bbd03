using Microsoft.Data.Sqlite;
using ReportSearch.Core.Model;

namespace ReportSearch.Cli.Bench;

/// <summary>
/// The baseline the index has to beat: the same reports as plain rows in SQLite (no analysis, no FTS, no embeddings),
/// searched by scanning every problem statement and measure text with LIKE '%term%'. Same pragmas and one transaction
/// per report, as the real store, so the difference measured is what the index adds. All of its SQL is here.
/// </summary>
public sealed class LikeScanStore : IDisposable
{
    private const string Schema = """
        PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;
        CREATE TABLE IF NOT EXISTS reports(id TEXT PRIMARY KEY, unit_name TEXT, city TEXT, province TEXT, published_date TEXT);
        CREATE TABLE IF NOT EXISTS problems(id TEXT PRIMARY KEY, report_id TEXT NOT NULL, path TEXT NOT NULL, statement TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS measures(id TEXT PRIMARY KEY, problem_id TEXT NOT NULL, text TEXT NOT NULL);
        """;
    private const string InsertReport = "INSERT OR REPLACE INTO reports(id, unit_name, city, province, published_date) VALUES($id, $unit, $city, $province, $date);";
    private const string InsertProblem = "INSERT OR REPLACE INTO problems(id, report_id, path, statement) VALUES($id, $report, $path, $statement);";
    private const string InsertMeasure = "INSERT OR REPLACE INTO measures(id, problem_id, text) VALUES($id, $problem, $text);";

    private readonly SqliteConnection _connection;

    public LikeScanStore(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false,
        }.ToString());
        _connection.Open();
        Execute(Schema);
    }

    public void Add(RectificationReport report)
    {
        using var tx = _connection.BeginTransaction();
        Execute(InsertReport, tx, ("$id", report.Id), ("$unit", report.Unit.Name), ("$city", report.Unit.City),
            ("$province", report.Unit.Province), ("$date", report.PublishedDate?.ToString("yyyy-MM-dd")));
        foreach (var p in report.Problems)
        {
            Execute(InsertProblem, tx, ("$id", p.Id), ("$report", report.Id), ("$path", p.Path), ("$statement", p.Statement));
            foreach (var m in p.Measures)
                Execute(InsertMeasure, tx, ("$id", m.Id), ("$problem", p.Id), ("$text", m.Text));
        }
        tx.Commit();
    }

    /// <summary>
    /// Every problem and measure containing any of <paramref name="terms"/>, as a grep would find them: unranked, all
    /// matches read (the real search also counts every match for its total and facets). Returns how many matched.
    /// </summary>
    public int Scan(IReadOnlyList<string> terms)
    {
        if (terms.Count == 0) return 0;
        var problemsWhere = string.Join(" OR ", terms.Select((_, i) => $"statement LIKE $t{i} ESCAPE '\\'"));
        var measuresWhere = string.Join(" OR ", terms.Select((_, i) => $"text LIKE $t{i} ESCAPE '\\'"));
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = $"SELECT id FROM problems WHERE {problemsWhere} UNION ALL SELECT id FROM measures WHERE {measuresWhere};";
        for (var i = 0; i < terms.Count; i++)
            cmd.Parameters.AddWithValue($"$t{i}", "%" + EscapeLike(terms[i]) + "%");
        var matches = 0;
        using var r = cmd.ExecuteReader();
        while (r.Read()) matches++;
        return matches;
    }


    /// <summary>
    /// The other baseline: an FTS5 table with SQLite's own `trigram` tokenizer over the same statements and measure texts,
    /// built from the rows already stored. Returns the seconds the build took.
    /// </summary>
    public double BuildTrigramIndex()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var tx = _connection.BeginTransaction();
        Execute("""
            CREATE VIRTUAL TABLE trigram USING fts5(text, tokenize = 'trigram');
            INSERT INTO trigram(text) SELECT statement FROM problems UNION ALL SELECT text FROM measures;
            """, tx);
        tx.Commit();
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// The query's words OR-ed against the trigram table, ranked by its bm25, every match read. Words under three characters
    /// cannot be matched by trigrams (FIELD-NOTES) and are left out, as FTS5 itself would leave them unmatched.
    /// </summary>
    public int Trigram(IReadOnlyList<string> terms)
    {
        var usable = terms.Where(t => t.Length >= 3).ToList();
        if (usable.Count == 0) return 0;
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT rowid FROM trigram WHERE trigram MATCH $q ORDER BY bm25(trigram);";
        cmd.Parameters.AddWithValue("$q", string.Join(" OR ", usable.Select(t => "\"" + t.Replace("\"", "\"\"") + "\"")));
        var matches = 0;
        using var r = cmd.ExecuteReader();
        while (r.Read()) matches++;
        return matches;
    }

    // Query terms are words, but a literal % or _ must not turn into a wildcard.
    private static string EscapeLike(string term) => term.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");

    private void Execute(string sql, SqliteTransaction? tx = null, params (string Name, object? Value)[] args)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        foreach (var (name, value) in args) cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        cmd.ExecuteNonQuery();
    }

    public void Dispose() => _connection.Dispose();
}
