using Microsoft.Data.Sqlite;

namespace CchcExtract.Storage;

public sealed partial class PlanStore
{
    /// <summary>
    /// Brings a version-1 store (one index row per item) to the current layout without re-reading any
    /// file: the records are kept and only the search index (<see cref="Schema.IndexDdl"/>) is rebuilt
    /// from them, in one transaction — an interrupted migration leaves the old store as it was.
    /// Archives imported from scans keep their OCR work.
    /// </summary>
    private void MigrateFromVersion1()
    {
        var documents = new List<(long Id, string File)>();
        using (var cmd = Command("SELECT id, file_name FROM documents ORDER BY id"))
        using (var r = cmd.ExecuteReader())
            while (r.Read()) documents.Add((r.GetInt64(0), r.GetString(1)));

        // A raw BEGIN: Load() below runs its own commands, which Microsoft.Data.Sqlite would refuse inside a SqliteTransaction.
        Exec(_db, "BEGIN IMMEDIATE");
        try
        {
            Exec(_db, "DROP TABLE search_vocab; DROP TABLE search; DROP TABLE items;");
            Exec(_db, Schema.IndexDdl);
            var c = _import ??= new ImportCommands(this);
            c.Bind(null);
            foreach (var (id, file) in documents)
            {
                var doc = Load(file)!;
                var paragraphs = Ids("SELECT id FROM paragraphs WHERE document_id = $d ORDER BY ord", id, r => r.GetInt64(0));
                var tasks = Ids("""
                    SELECT t.id, ta.agency_id FROM tasks t
                    LEFT JOIN task_agencies ta ON ta.task_id = t.id AND ta.role = 0 AND ta.ord = 0
                    WHERE t.document_id = $d ORDER BY t.ord
                    """, id, r => (r.GetInt64(0), r.IsDBNull(1) ? (long?)null : r.GetInt64(1)));
                IndexDocument(c, id, doc, paragraphs, tasks);
            }
            Exec(_db, $"UPDATE schema_version SET version = {Schema.Version}");
            Exec(_db, "COMMIT");
        }
        catch
        {
            Exec(_db, "ROLLBACK");
            throw;
        }
    }

    private List<T> Ids<T>(string sql, long documentId, Func<SqliteDataReader, T> read)
    {
        using var cmd = Command(sql);
        cmd.Parameters.AddWithValue("$d", documentId);
        using var r = cmd.ExecuteReader();
        var list = new List<T>();
        while (r.Read()) list.Add(read(r));
        return list;
    }
}
