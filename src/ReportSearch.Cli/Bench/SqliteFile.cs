using Microsoft.Data.Sqlite;

namespace ReportSearch.Cli.Bench;

/// <summary>What a SQLite database file costs on disk, measured the same way for the index and the baseline.</summary>
public static class SqliteFile
{
    /// <summary>Checkpoints the WAL into the database, then adds the sizes of the database and whatever WAL is left (the -shm index is not data).</summary>
    public static long CheckpointedBytes(string path)
    {
        using (var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString()))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            cmd.ExecuteNonQuery();
        }
        return new[] { path, path + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length);
    }

    public static string Version()
    {
        using var c = new SqliteConnection("Data Source=:memory:");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT sqlite_version();";
        return (string)cmd.ExecuteScalar()!;
    }
}
