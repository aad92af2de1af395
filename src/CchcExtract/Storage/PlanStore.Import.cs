using CchcExtract.Model;
using CchcExtract.Text;
using Microsoft.Data.Sqlite;

namespace CchcExtract.Storage;

public sealed partial class PlanStore
{
    private ImportCommands? _import;
    private readonly Dictionary<(string Printed, string Canonical, bool Generic), long> _agencyIds = new();

    /// <summary>
    /// Stores a processed document under its file name. Same file name and content hash: nothing
    /// changes (<see cref="ImportOutcome.Unchanged"/>). Otherwise the document's old records (if any)
    /// are replaced by the new ones in one transaction; on any failure the transaction rolls back and
    /// the store keeps what it held before.
    /// </summary>
    /// <exception cref="StoreException">The records could not be written (the message names the file and the cause); nothing changed.</exception>
    public ImportOutcome Import(PlanDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var existing = Scalar("SELECT id FROM documents WHERE file_name = $f", ("$f", doc.FileName)) as long?;
        if (existing is not null && IsUnchanged(doc.FileName, doc.Source.ContentHash)) return ImportOutcome.Unchanged;

        var c = _import ??= new ImportCommands(this);
        DocumentsChanged();
        using var tx = _db.BeginTransaction();
        try
        {
            c.Bind(tx);
            if (existing is long oldId)
                foreach (var del in (SqliteCommand[])[c.ReleaseWordings, c.DeleteFts, c.DeleteDocument, c.DeleteWordings])
                {
                    if (del.Parameters.Contains("$d")) del.Parameters["$d"].Value = oldId;
                    del.ExecuteNonQuery();
                }
            WriteDocument(c, doc);
            tx.Commit();
        }
        catch (Exception e)
        {
            tx.Rollback();
            _agencyIds.Clear(); // ids created inside the rolled-back transaction are gone
            throw new StoreException($"{doc.FileName}: not stored, earlier imports kept ({e.Message})", e);
        }
        return existing is null ? ImportOutcome.Imported : ImportOutcome.Replaced;
    }

    private void WriteDocument(ImportCommands c, PlanDocument doc)
    {
        var m = doc.Metadata;
        var d = c.InsertDocument.Parameters;
        d["$file_name"].Value = doc.FileName;
        d["$path"].Value = doc.Source.Path;
        d["$format"].Value = doc.Source.Format;
        d["$content_hash"].Value = doc.Source.ContentHash;
        d["$imported_at"].Value = DateTimeOffset.UtcNow.ToString("O");
        d["$document_type"].Value = m.DocumentType;
        d["$issued_document_type"].Value = Codec.Db(m.IssuedDocumentType);
        d["$number"].Value = Codec.Db(m.Number);
        d["$issue_date"].Value = Codec.Db(m.IssueDate);
        d["$issuing_unit"].Value = Codec.Db(m.IssuingUnit);
        d["$unit_level"].Value = Codec.Name(m.UnitLevel);
        d["$commune"].Value = Codec.Db(m.Commune);
        d["$commune_key"].Value = Codec.Db(Codec.NameKey(m.Commune));
        d["$province"].Value = Codec.Db(m.Province);
        d["$province_key"].Value = Codec.Db(Codec.NameKey(m.Province));
        d["$period_raw"].Value = Codec.Db(m.Period?.Raw);
        d["$period_start"].Value = Codec.Db(m.Period?.Start);
        d["$period_end"].Value = Codec.Db(m.Period?.End);
        d["$title"].Value = Codec.Db(m.Title);
        d["$signer"].Value = Codec.Db(m.Signer);
        d["$signer_title"].Value = Codec.Db(m.SignerTitle);
        d["$legal_bases"].Value = Codec.ToJson(m.LegalBases);
        long docId = (long)c.InsertDocument.ExecuteScalar()!;

        var l = c.InsertLines.Parameters;
        l["$d"].Value = docId;
        l["$lines"].Value = LineCodec.Encode(doc.Source.Lines);
        c.InsertLines.ExecuteNonQuery();

        var s = c.InsertSection.Parameters;
        s["$d"].Value = docId;
        for (int i = 0; i < doc.Sections.Count; i++)
        {
            var sec = doc.Sections[i];
            s["$ord"].Value = i;
            s["$path"].Value = sec.Path;
            s["$marker"].Value = sec.Marker;
            s["$kind"].Value = Codec.Name(sec.Kind);
            s["$level"].Value = sec.Level;
            s["$title"].Value = sec.Title;
            SetSource(s, sec.Source);
            c.InsertSection.ExecuteNonQuery();
        }

        var p = c.InsertParagraph.Parameters;
        p["$d"].Value = docId;
        var paragraphIds = new List<long>();
        for (int i = 0; i < doc.Paragraphs.Count; i++)
        {
            var para = doc.Paragraphs[i];
            p["$ord"].Value = i;
            p["$section_path"].Value = para.SectionPath;
            p["$text"].Value = para.Text;
            SetSource(p, para.Source);
            paragraphIds.Add((long)c.InsertParagraph.ExecuteScalar()!);
        }

        var t = c.InsertTask.Parameters;
        t["$d"].Value = docId;
        var taskIds = new List<(long Task, long? Lead)>();
        for (int i = 0; i < doc.Tasks.Count; i++)
        {
            var task = doc.Tasks[i];
            t["$ord"].Value = i;
            t["$number"].Value = task.Number;
            t["$text"].Value = task.Text;
            t["$objective"].Value = Codec.Db(task.Objective);
            t["$parent_task"].Value = Codec.Db(task.ParentTask);
            t["$deadline_raw"].Value = task.Deadline.Raw;
            t["$deadline_kind"].Value = Codec.Name(task.Deadline.Kind);
            t["$deadline_start"].Value = Codec.Db(task.Deadline.Start);
            t["$deadline_end"].Value = Codec.Db(task.Deadline.End);
            t["$product"].Value = Codec.Db(task.Product);
            t["$targets"].Value = Codec.ToJson(task.Targets);
            t["$area"].Value = task.Area.Code();
            t["$section_path"].Value = task.SectionPath;
            t["$origin"].Value = Codec.Origin(task.Origin);
            SetSource(t, task.Source);
            long taskId = (long)c.InsertTask.ExecuteScalar()!;

            var ta = c.InsertTaskAgency.Parameters;
            ta["$t"].Value = taskId;
            long? leadId = null;
            if (task.Lead is { } lead)
            {
                ta["$role"].Value = 0;
                ta["$ord"].Value = 0;
                ta["$a"].Value = leadId = AgencyId(c, lead);
                c.InsertTaskAgency.ExecuteNonQuery();
            }
            for (int k = 0; k < task.Support.Count; k++)
            {
                ta["$role"].Value = 1;
                ta["$ord"].Value = k;
                ta["$a"].Value = AgencyId(c, task.Support[k]);
                c.InsertTaskAgency.ExecuteNonQuery();
            }
            taskIds.Add((taskId, leadId));
        }
        IndexDocument(c, docId, doc, paragraphIds, taskIds);
    }

    /// <summary>
    /// Indexes a stored document's paragraphs and tasks (their row ids in printed order, with each
    /// task's lead agency id). A paragraph that is also a task (a body bullet) is found through the task.
    /// </summary>
    private static void IndexDocument(ImportCommands c, long docId, PlanDocument doc, IReadOnlyList<long> paragraphIds, IReadOnlyList<(long Task, long? Lead)> taskIds)
    {
        var taskLines = doc.Tasks.Select(t => t.Source.Line).ToHashSet();
        for (int i = 0; i < doc.Paragraphs.Count; i++)
            if (!taskLines.Contains(doc.Paragraphs[i].Source.Line)) Index(c, docId, null, paragraphIds[i], doc.Paragraphs[i].Text, null, null);
        for (int i = 0; i < doc.Tasks.Count; i++)
            Index(c, docId, taskIds[i].Task, null, TaskSearchText(doc.Tasks[i]) + RawOcrText(doc, i), doc.Tasks[i], taskIds[i].Lead);
    }

    /// <summary>
    /// For a task read from repaired lines, the raw OCR text of those lines (from its first line up to
    /// the next task, at most six lines), so the task is also found by its raw, unrepaired wording.
    /// Empty for text that was not repaired.
    /// </summary>
    internal static string RawOcrText(PlanDocument doc, int taskIndex)
    {
        var lines = doc.Source.Lines;
        int first = doc.Tasks[taskIndex].Source.Line;
        int next = taskIndex + 1 < doc.Tasks.Count ? doc.Tasks[taskIndex + 1].Source.Line : int.MaxValue;
        if (next <= first) next = first + 1;
        var raw = new List<string>();
        for (int n = first; n < Math.Min(next, first + 6) && n - 1 < lines.Count && n >= 1; n++)
        {
            var l = lines[n - 1];
            if (l.RepairConfidence is not null && l.Raw != l.Text) raw.Add(l.Raw);
        }
        return raw.Count == 0 ? "" : " \n " + string.Join(" ", raw);
    }

    /// <summary>The text indexed for a task: the task, its objective and parent task, product and agencies.</summary>
    internal static string TaskSearchText(TaskRecord t)
    {
        var parts = new List<string> { t.Text };
        if (!string.IsNullOrEmpty(t.ParentTask)) parts.Add(t.ParentTask);
        if (!string.IsNullOrEmpty(t.Objective)) parts.Add(t.Objective);
        if (!string.IsNullOrEmpty(t.Product)) parts.Add(t.Product);
        foreach (var a in t.Lead is null ? t.Support : t.Support.Prepend(t.Lead))
        {
            parts.Add(a.Printed);
            if (a.Canonical != a.Printed) parts.Add(a.Canonical);
        }
        return string.Join(" \n ", parts);
    }

    // One searchable item: its wording is shared with every item of the same text (one FTS5 row each).
    private static void Index(ImportCommands c, long docId, long? taskId, long? paraId, string text, TaskRecord? task, long? leadId)
    {
        var exact = VietnameseText.Key(text);
        var w = c.UpsertWording.Parameters;
        w["$hash"].Value = WordingHash(exact);
        long wordingId, refs;
        using (var r = c.UpsertWording.ExecuteReader())
        {
            r.Read();
            wordingId = r.GetInt64(0);
            refs = r.GetInt64(1);
        }
        if (refs == 1)
        {
            var f = c.InsertFts.Parameters;
            f["$id"].Value = wordingId;
            f["$exact"].Value = exact;
            f["$folded"].Value = VietnameseText.Fold(text);
            c.InsertFts.ExecuteNonQuery();
        }
        var i = c.InsertItem.Parameters;
        i["$d"].Value = docId;
        i["$t"].Value = taskId is null ? DBNull.Value : taskId.Value;
        i["$p"].Value = paraId is null ? DBNull.Value : paraId.Value;
        i["$w"].Value = wordingId;
        i["$area"].Value = task is null ? DBNull.Value : FacetCode.Area(task.Area);
        i["$lead"].Value = leadId is null ? DBNull.Value : leadId.Value;
        i["$dl_kind"].Value = task is null ? DBNull.Value : FacetCode.Kind(task.Deadline.Kind);
        i["$dl_year"].Value = (task?.Deadline.End ?? task?.Deadline.Start) is { } end ? end.Year : DBNull.Value;
        c.InsertItem.ExecuteNonQuery();
    }

    /// <summary>The identity of a wording: the first 16 bytes of SHA-256 of its exact-column text.</summary>
    internal static byte[] WordingHash(string exact) =>
        System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(exact))[..16];

    private long AgencyId(ImportCommands c, AgencyRef a)
    {
        var key = (a.Printed, a.Canonical, a.IsGeneric);
        if (_agencyIds.TryGetValue(key, out var id)) return id;
        var p = c.UpsertAgency.Parameters;
        p["$printed"].Value = a.Printed;
        p["$canonical"].Value = a.Canonical;
        p["$canonical_key"].Value = Codec.NameKey(a.Canonical) ?? "";
        p["$generic"].Value = a.IsGeneric ? 1 : 0;
        id = (long)c.UpsertAgency.ExecuteScalar()!;
        _agencyIds[key] = id;
        return id;
    }

    private static void SetSource(SqliteParameterCollection p, SourceRef src)
    {
        p["$source_file"].Value = src.File ?? "";
        p["$source_line"].Value = src.Line;
        p["$source_page"].Value = Codec.Db(src.Page);
        p["$source_box"].Value = Codec.Db(src.Box);
    }

    private void DisposeImportCommands()
    {
        _import?.Dispose();
        _import = null;
    }

    /// <summary>The prepared statements of an import, created once per store and reused.</summary>
    private sealed class ImportCommands : IDisposable
    {
        public readonly SqliteCommand ReleaseWordings, DeleteFts, DeleteWordings, DeleteDocument, InsertDocument, InsertLines, InsertSection,
            InsertParagraph, InsertTask, InsertTaskAgency, UpsertAgency, UpsertWording, InsertItem, InsertFts;

        public ImportCommands(PlanStore s)
        {
            // Replacing a document: its items release their wordings; wordings no item uses leave the index.
            ReleaseWordings = Make(s, """
                UPDATE wordings SET refs = refs - (SELECT count(*) FROM items WHERE document_id = $d AND wording_id = wordings.id)
                WHERE id IN (SELECT wording_id FROM items WHERE document_id = $d)
                """, "$d");
            DeleteFts = Make(s, "DELETE FROM search WHERE rowid IN (SELECT wording_id FROM items WHERE document_id = $d) AND rowid IN (SELECT id FROM wordings WHERE refs <= 0)", "$d");
            DeleteWordings = Make(s, "DELETE FROM wordings WHERE refs <= 0");
            DeleteDocument = Make(s, "DELETE FROM documents WHERE id = $d", "$d");
            InsertDocument = Make(s, """
                INSERT INTO documents (file_name, path, format, content_hash, imported_at, document_type, issued_document_type,
                    number, issue_date, issuing_unit, unit_level, commune, commune_key, province, province_key,
                    period_raw, period_start, period_end, title, signer, signer_title, legal_bases)
                VALUES ($file_name, $path, $format, $content_hash, $imported_at, $document_type, $issued_document_type,
                    $number, $issue_date, $issuing_unit, $unit_level, $commune, $commune_key, $province, $province_key,
                    $period_raw, $period_start, $period_end, $title, $signer, $signer_title, $legal_bases)
                RETURNING id
                """);
            InsertLines = Make(s, "INSERT INTO lines (document_id, lines) VALUES ($d, $lines)");
            InsertSection = Make(s, """
                INSERT INTO sections (document_id, ord, path, marker, kind, level, title, source_file, source_line, source_page, source_box)
                VALUES ($d, $ord, $path, $marker, $kind, $level, $title, $source_file, $source_line, $source_page, $source_box)
                """);
            InsertParagraph = Make(s, """
                INSERT INTO paragraphs (document_id, ord, section_path, text, source_file, source_line, source_page, source_box)
                VALUES ($d, $ord, $section_path, $text, $source_file, $source_line, $source_page, $source_box) RETURNING id
                """);
            InsertTask = Make(s, """
                INSERT INTO tasks (document_id, ord, number, text, objective, parent_task, deadline_raw, deadline_kind,
                    deadline_start, deadline_end, product, targets, area, section_path, origin, source_file, source_line, source_page, source_box)
                VALUES ($d, $ord, $number, $text, $objective, $parent_task, $deadline_raw, $deadline_kind,
                    $deadline_start, $deadline_end, $product, $targets, $area, $section_path, $origin, $source_file, $source_line, $source_page, $source_box)
                RETURNING id
                """);
            InsertTaskAgency = Make(s, "INSERT INTO task_agencies (task_id, role, ord, agency_id) VALUES ($t, $role, $ord, $a)");
            UpsertAgency = Make(s, """
                INSERT INTO agencies (printed, canonical, canonical_key, is_generic) VALUES ($printed, $canonical, $canonical_key, $generic)
                ON CONFLICT (printed, canonical, is_generic) DO UPDATE SET canonical_key = excluded.canonical_key
                RETURNING id
                """);
            UpsertWording = Make(s, "INSERT INTO wordings (hash, refs) VALUES ($hash, 1) ON CONFLICT (hash) DO UPDATE SET refs = refs + 1 RETURNING id, refs");
            InsertItem = Make(s, """
                INSERT INTO items (document_id, task_id, paragraph_id, wording_id, area, lead_agency_id, deadline_kind, deadline_year)
                VALUES ($d, $t, $p, $w, $area, $lead, $dl_kind, $dl_year)
                """);
            InsertFts = Make(s, "INSERT INTO search (rowid, exact, folded) VALUES ($id, $exact, $folded)");
        }

        private static SqliteCommand Make(PlanStore s, string sql, params string[] extra)
        {
            var c = s.Command(sql);
            // Declare every $name used in the statement once; values are set per row.
            foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(sql, @"\$[a-z_]+"))
                if (!c.Parameters.Contains(m.Value)) c.Parameters.Add(new SqliteParameter(m.Value, DBNull.Value));
            return c;
        }

        public void Bind(SqliteTransaction? tx)
        {
            foreach (var c in All) c.Transaction = tx;
        }

        private IEnumerable<SqliteCommand> All =>
            [ReleaseWordings, DeleteFts, DeleteWordings, DeleteDocument, InsertDocument, InsertLines, InsertSection, InsertParagraph, InsertTask,
             InsertTaskAgency, UpsertAgency, UpsertWording, InsertItem, InsertFts];

        public void Dispose()
        {
            foreach (var c in All) c.Dispose();
        }
    }
}
