using CchcExtract.Model;
using Microsoft.Data.Sqlite;

namespace CchcExtract.Storage;

public sealed partial class PlanStore
{
    private const string DocumentColumns = """
        id, file_name, path, format, content_hash, document_type, issued_document_type, number, issue_date,
        issuing_unit, unit_level, commune, province, period_raw, period_start, period_end, title, signer,
        signer_title, legal_bases, imported_at
        """;

    /// <summary>All stored documents, by file name.</summary>
    public IReadOnlyList<DocumentSummary> Documents()
    {
        using var cmd = Command($"""
            SELECT {DocumentColumns}, (SELECT count(*) FROM tasks t WHERE t.document_id = d.id)
            FROM documents d ORDER BY file_name
            """);
        using var r = cmd.ExecuteReader();
        var list = new List<DocumentSummary>();
        while (r.Read())
        {
            var (_, text, m) = ReadDocument(r);
            list.Add(new DocumentSummary(text.FileName, m.Commune, m.Province, m.DocumentType, m.Number,
                m.Period?.Label, r.GetInt32(21), text.ContentHash, DateTimeOffset.Parse(r.GetString(20), System.Globalization.CultureInfo.InvariantCulture)));
        }
        return list;
    }

    /// <summary>
    /// The stored file name that <paramref name="nameOrPrefix"/> names: the exact file name, else the
    /// only file name starting with it (case-insensitive).
    /// </summary>
    /// <exception cref="StoreException">No document, or several, match.</exception>
    public string ResolveDocument(string nameOrPrefix)
    {
        if (Scalar("SELECT file_name FROM documents WHERE file_name = $f", ("$f", nameOrPrefix)) is string exact) return exact;
        using var cmd = Command("SELECT file_name FROM documents WHERE lower(substr(file_name, 1, length($p))) = lower($p) ORDER BY file_name LIMIT 6");
        cmd.Parameters.AddWithValue("$p", nameOrPrefix);
        var names = new List<string>();
        using (var r = cmd.ExecuteReader()) while (r.Read()) names.Add(r.GetString(0));
        return names.Count switch
        {
            1 => names[0],
            0 => throw new StoreException($"No stored document named '{nameOrPrefix}' (see the file names with 'cchc show --list')."),
            _ => throw new StoreException($"'{nameOrPrefix}' names several documents: {string.Join(", ", names.Take(5))}{(names.Count > 5 ? ", …" : "")}."),
        };
    }

    /// <summary>Rebuilds a stored document (metadata, source lines, outline, paragraphs, tasks) as imported.</summary>
    /// <returns>The document, or null when no document has this file name.</returns>
    public PlanDocument? Load(string fileName)
    {
        long id;
        TextDocument text;
        DocumentMetadata meta;
        using (var cmd = Command($"SELECT {DocumentColumns} FROM documents WHERE file_name = $f"))
        {
            cmd.Parameters.AddWithValue("$f", fileName);
            using var r = cmd.ExecuteReader();
            if (!r.Read()) return null;
            (id, text, meta) = ReadDocument(r);
        }

        var lines = Scalar("SELECT lines FROM lines WHERE document_id = $d", ("$d", id)) is string json ? LineCodec.Decode(json) : [];

        var sections = new List<Section>();
        using (var cmd = Command("SELECT path, marker, kind, level, title, source_file, source_line, source_page, source_box FROM sections WHERE document_id = $d ORDER BY ord"))
        {
            cmd.Parameters.AddWithValue("$d", id);
            using var r = cmd.ExecuteReader();
            while (r.Read())
                sections.Add(new Section(r.GetString(0), r.GetString(1), Codec.Enum<MarkerKind>(r.GetString(2)), r.GetInt32(3), r.GetString(4), ReadSource(r, 5)));
        }

        var paragraphs = new List<Paragraph>();
        using (var cmd = Command("SELECT section_path, text, source_file, source_line, source_page, source_box FROM paragraphs WHERE document_id = $d ORDER BY ord"))
        {
            cmd.Parameters.AddWithValue("$d", id);
            using var r = cmd.ExecuteReader();
            while (r.Read()) paragraphs.Add(new Paragraph(r.GetString(0), r.GetString(1), ReadSource(r, 2)));
        }

        var tasks = LoadTasks("t.document_id = $d", ("$d", id)).Select(x => x.Task).ToList();
        return new PlanDocument(text with { Lines = lines }, meta, sections, paragraphs, tasks);
    }

    /// <summary>Every stored task in the stable export shape, by document then printed order.</summary>
    public IEnumerable<TaskExport> ExportTasks()
    {
        var docs = new List<(long Id, PlanDocument Header)>();
        using (var cmd = Command($"SELECT {DocumentColumns} FROM documents ORDER BY file_name"))
        using (var r = cmd.ExecuteReader())
            while (r.Read())
            {
                var (id, text, meta) = ReadDocument(r);
                docs.Add((id, new PlanDocument(text, meta, [], [], [])));
            }
        foreach (var (id, header) in docs)
            foreach (var (_, _, task) in LoadTasks("t.document_id = $d", ("$d", id)))
                yield return TaskExport.From(header, task);
    }

    /// <summary>The given tasks (e.g. <see cref="SearchHit.TaskId"/> of a result set) in the export shape, in the given order; unknown ids are skipped.</summary>
    public IReadOnlyList<TaskExport> ExportTasks(IEnumerable<long> taskIds)
    {
        var result = new List<TaskExport>();
        var headers = new Dictionary<long, PlanDocument>();
        foreach (var taskId in taskIds)
        {
            var found = LoadTasks("t.id = $t", ("$t", taskId));
            if (found.Count == 0) continue;
            var docId = found[0].DocumentId;
            if (!headers.TryGetValue(docId, out var header))
            {
                using var cmd = Command($"SELECT {DocumentColumns} FROM documents WHERE id = $d");
                cmd.Parameters.AddWithValue("$d", docId);
                using var r = cmd.ExecuteReader();
                r.Read();
                var (_, text, meta) = ReadDocument(r);
                headers[docId] = header = new PlanDocument(text, meta, [], [], []);
            }
            result.Add(TaskExport.From(header, found[0].Task));
        }
        return result;
    }

    private List<(long Id, long DocumentId, TaskRecord Task)> LoadTasks(string where, params (string Name, object Value)[] args)
    {
        var rows = new List<(long Id, long DocumentId, TaskRecord Task)>();
        using (var cmd = Command($"""
            SELECT t.id, t.document_id, t.number, t.text, t.objective, t.parent_task, t.deadline_raw, t.deadline_kind,
                t.deadline_start, t.deadline_end, t.product, t.targets, t.area, t.section_path, t.origin,
                t.source_file, t.source_line, t.source_page, t.source_box
            FROM tasks t WHERE {where} ORDER BY t.document_id, t.ord
            """))
        {
            foreach (var (n, v) in args) cmd.Parameters.AddWithValue(n, v);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                rows.Add((r.GetInt64(0), r.GetInt64(1), new TaskRecord
                {
                    Number = r.GetString(2),
                    Text = r.GetString(3),
                    Objective = Codec.Str(r.GetValue(4)),
                    ParentTask = Codec.Str(r.GetValue(5)),
                    Deadline = new Deadline(r.GetString(6), Codec.Enum<DeadlineKind>(r.GetString(7)), Codec.Date(r.GetValue(8)), Codec.Date(r.GetValue(9))),
                    Product = Codec.Str(r.GetValue(10)),
                    Targets = Codec.FromJson<List<string>>(r.GetString(11)),
                    Area = Codec.Area(r.GetString(12)),
                    SectionPath = r.GetString(13),
                    Origin = Codec.Origin(r.GetString(14)),
                    Source = ReadSource(r, 15),
                }));
            }
        }
        if (rows.Count == 0) return rows;

        // Agencies of these tasks, in role then printed order.
        var agencies = new Dictionary<long, (AgencyRef? Lead, List<AgencyRef> Support)>();
        using (var cmd = Command($"""
            SELECT ta.task_id, ta.role, a.printed, a.canonical, a.is_generic
            FROM task_agencies ta JOIN agencies a ON a.id = ta.agency_id
            WHERE ta.task_id IN (SELECT t.id FROM tasks t WHERE {where})
            ORDER BY ta.task_id, ta.role, ta.ord
            """))
        {
            foreach (var (n, v) in args) cmd.Parameters.AddWithValue(n, v);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var id = r.GetInt64(0);
                if (!agencies.TryGetValue(id, out var entry)) entry = (null, []);
                var a = new AgencyRef(r.GetString(2), r.GetString(3), r.GetInt64(4) != 0);
                if (r.GetInt64(1) == 0) entry.Lead = a; else entry.Support.Add(a);
                agencies[id] = entry;
            }
        }
        for (int i = 0; i < rows.Count; i++)
            if (agencies.TryGetValue(rows[i].Id, out var e))
                rows[i] = rows[i] with { Task = rows[i].Task with { Lead = e.Lead, Support = e.Support } };
        return rows;
    }

    private static SourceRef ReadSource(SqliteDataReader r, int i) =>
        new(r.GetString(i), r.GetInt32(i + 1), Codec.Int(r.GetValue(i + 2)), Codec.Box(r.GetValue(i + 3)));

    private static (long Id, TextDocument Text, DocumentMetadata Meta) ReadDocument(SqliteDataReader r)
    {
        var text = new TextDocument(r.GetString(2), r.GetString(3), [], r.GetString(4));
        var periodRaw = Codec.Str(r.GetValue(13));
        var meta = new DocumentMetadata
        {
            DocumentType = r.GetString(5),
            IssuedDocumentType = Codec.Str(r.GetValue(6)),
            Number = Codec.Str(r.GetValue(7)),
            IssueDate = Codec.Date(r.GetValue(8)),
            IssuingUnit = Codec.Str(r.GetValue(9)),
            UnitLevel = Codec.Enum<UnitLevel>(r.GetString(10)),
            Commune = Codec.Str(r.GetValue(11)),
            Province = Codec.Str(r.GetValue(12)),
            Period = periodRaw is null ? null : new PlanPeriod(periodRaw, Codec.Date(r.GetValue(14))!.Value, Codec.Date(r.GetValue(15))!.Value),
            Title = Codec.Str(r.GetValue(16)),
            Signer = Codec.Str(r.GetValue(17)),
            SignerTitle = Codec.Str(r.GetValue(18)),
            LegalBases = Codec.FromJson<List<LegalReference>>(r.GetString(19)),
        };
        return (r.GetInt64(0), text, meta);
    }
}
