using Microsoft.Data.Sqlite;

namespace CchcExtract.Storage;

/// <summary>
/// The SQLite store of imported plans (one file, WAL mode) with an accent-insensitive FTS5 index.
/// </summary>
/// <example>
/// <code>
/// using var store = PlanStore.Open("cchc.db");
/// store.Import(PlanPipeline.Default.Process("plan.txt"));
/// foreach (var hit in store.Search(new SearchQuery("khao sat su hai long") { Limit = 5 }))
///     Console.WriteLine($"{hit.Commune}: {hit.Text} ({hit.Lead}, {hit.Deadline?.Raw})");
/// </code>
/// </example>
/// <remarks>Not thread-safe: use one instance per thread (several processes may share the file).</remarks>
public sealed partial class PlanStore : IDisposable
{
    private readonly SqliteConnection _db;

    private PlanStore(SqliteConnection db, string path)
    {
        _db = db;
        Path = path;
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>Opens (creating when absent) the store at <paramref name="path"/>.</summary>
    /// <exception cref="StoreException">The file is not a store of this schema version.</exception>
    public static PlanStore Open(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var dir = System.IO.Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        var cs = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString();
        var db = new SqliteConnection(cs);
        try
        {
            db.Open();
            db.CreateFunction("fold", (string? s) => s is null ? null : Text.VietnameseText.Fold(s), isDeterministic: true);
            Exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY;");
            // Reads: a 64 MB page cache and memory-mapped I/O (no read() copy per page) keep large-store queries CPU-bound.
            Exec(db, "PRAGMA cache_size = -65536; PRAGMA mmap_size = 1073741824;");
            var store = new PlanStore(db, full);
            store.EnsureSchema();
            return store;
        }
        catch (SqliteException e)
        {
            db.Dispose();
            throw new StoreException($"{path}: cannot open as a cchc store ({e.Message})", e);
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    private void EnsureSchema()
    {
        var hasVersion = Scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'") is long n && n > 0;
        if (!hasVersion)
        {
            var tables = (long)Scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table'")!;
            if (tables > 0) throw new StoreException($"{Path}: not a cchc store (it holds other tables)");
            using var tx = _db.BeginTransaction();
            Exec(_db, Schema.Ddl, tx);
            Exec(_db, $"INSERT INTO schema_version(version) VALUES ({Schema.Version})", tx);
            tx.Commit();
            return;
        }
        var v = Scalar("SELECT max(version) FROM schema_version");
        if (v is 1L)
        {
            MigrateFromVersion1();
            return;
        }
        if (v is not long version || version != Schema.Version)
            throw new StoreException($"{Path}: store schema version {v} differs from this program's {Schema.Version}; delete the file and import again");
    }

    /// <summary>True when <paramref name="fileName"/> is stored with this content hash (re-import would change nothing).</summary>
    public bool IsUnchanged(string fileName, string contentHash) =>
        Scalar("SELECT content_hash FROM documents WHERE file_name = $f", ("$f", fileName)) is string h && h == contentHash;

    /// <summary>Row counts of the main tables (documents, lines, sections, paragraphs, tasks, agencies, task_agencies, items, wordings).</summary>
    public IReadOnlyDictionary<string, long> Counts()
    {
        var result = new Dictionary<string, long>();
        foreach (var t in (string[])["documents", "lines", "sections", "paragraphs", "tasks", "agencies", "task_agencies", "items", "wordings"])
            result[t] = (long)Scalar($"SELECT count(*) FROM {t}")!;
        return result;
    }

    /// <summary>
    /// Merges the full-text index into one segment (<c>INSERT INTO search(search) VALUES('optimize')</c>):
    /// worth calling once after a large batch of imports; queries get faster, the call takes a while.
    /// </summary>
    public void Optimize()
    {
        using var c = Command("INSERT INTO search(search) VALUES ('optimize')");
        c.ExecuteNonQuery();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_db.State != System.Data.ConnectionState.Open) return; // disposed already
        DisposeImportCommands();
        try { Exec(_db, "PRAGMA optimize;"); } catch (SqliteException) { }
        _db.Dispose();
    }

    internal SqliteCommand Command(string sql, SqliteTransaction? tx = null)
    {
        var c = _db.CreateCommand();
        c.CommandText = sql;
        c.Transaction = tx;
        return c;
    }

    private object? Scalar(string sql, params (string Name, object? Value)[] args)
    {
        using var c = Command(sql);
        foreach (var (name, value) in args) c.Parameters.AddWithValue(name, value ?? DBNull.Value);
        var r = c.ExecuteScalar();
        return r is DBNull ? null : r;
    }

    private static void Exec(SqliteConnection db, string sql, SqliteTransaction? tx = null)
    {
        using var c = db.CreateCommand();
        c.CommandText = sql;
        c.Transaction = tx;
        c.ExecuteNonQuery();
    }
}
