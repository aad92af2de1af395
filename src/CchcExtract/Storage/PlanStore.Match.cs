using System.Globalization;
using System.Text;
using CchcExtract.Model;
using CchcExtract.Text;
using Microsoft.Data.Sqlite;

namespace CchcExtract.Storage;

public sealed partial class PlanStore
{
    /// <summary>
    /// A query's filters as SQL over the matched items <c>i</c>: the join they need (tasks <c>t</c>, only
    /// for a deadline range) and the conditions (each starting with <c> AND </c>). Parameters are added
    /// to the command.
    /// </summary>
    private sealed record FilterSql(string Joins, string Where);

    /// <summary>
    /// The full-text match as a table <c>m(wid, score)</c>: one row per matching wording with its
    /// bm25 score (lower is better), computed once per wording (materialised: a joined FTS5 cursor would
    /// rank again for every item of the wording).
    /// </summary>
    private const string MatchedWordings =
        "m AS MATERIALIZED (SELECT rowid AS wid, rank AS score FROM search WHERE search MATCH $q)";

    /// <summary>
    /// <c>WITH m…, top(item, score)</c>: the matching items passing the filters, best first (items of one
    /// wording in import order), limited to <c>$limit</c> from <c>$offset</c>. Callers join <c>top</c>
    /// to whatever the page shows, so wide rows are read for shown hits only.
    /// </summary>
    private static string RankedTop(FilterSql f) => $"""
        WITH {MatchedWordings},
        top AS (
            SELECT i.id AS item, m.score AS score
            FROM m CROSS JOIN items i ON i.wording_id = m.wid {f.Joins}
            WHERE 1 {f.Where}
            ORDER BY m.score, i.id LIMIT $limit OFFSET $offset)
        """;

    /// <summary>Binds the query text, page size and offset of a <see cref="RankedTop"/> statement.</summary>
    private static void BindRanked(SqliteCommand cmd, ParsedQuery parsed, int limit, int offset)
    {
        cmd.Parameters.AddWithValue("$q", parsed.ToFts5());
        cmd.Parameters.AddWithValue("$limit", limit);
        cmd.Parameters.AddWithValue("$offset", Math.Max(0, offset));
    }

    /// <summary>The filters of <paramref name="q"/> (see <see cref="FilterSql"/>).</summary>
    private static FilterSql Filters(SearchQuery q, SqliteCommand cmd)
    {
        var where = new StringBuilder();
        var documentWhere = new List<string>();
        bool tasks = false;
        void Add(string clause, params (string Name, object Value)[] ps)
        {
            where.Append(" AND ").Append(clause);
            foreach (var (n, v) in ps) cmd.Parameters.AddWithValue(n, v);
        }
        void AddDocument(string clause, params (string Name, object Value)[] ps)
        {
            documentWhere.Add(clause);
            foreach (var (n, v) in ps) cmd.Parameters.AddWithValue(n, v);
        }
        bool tasksOnly = q.Scope == SearchScope.Tasks || q.Area is not null || q.LeadCanonical is not null
                         || q.DeadlineFrom is not null || q.DeadlineTo is not null || q.DeadlineKind is not null || q.DeadlineYear is not null;
        if (tasksOnly) Add("i.task_id IS NOT NULL");
        else if (q.Scope == SearchScope.Paragraphs) Add("i.paragraph_id IS NOT NULL");
        if (!string.IsNullOrWhiteSpace(q.Commune)) AddDocument("d.commune_key = $commune", ("$commune", Codec.NameKey(q.Commune)!));
        if (!string.IsNullOrWhiteSpace(q.Province)) AddDocument("d.province_key = $province", ("$province", Codec.NameKey(q.Province)!));
        if (q.UnitLevel is { } ul) AddDocument("d.unit_level = $unit_level", ("$unit_level", Codec.Name(ul)));
        if (q.Year is { } y)
            AddDocument("d.period_start <= $year_end AND d.period_end >= $year_start", ("$year_start", $"{y:D4}-01-01"), ("$year_end", $"{y:D4}-12-31"));
        if (!string.IsNullOrWhiteSpace(q.DocumentType))
            AddDocument("fold(d.document_type) = $doc_type", ("$doc_type", VietnameseText.Fold(q.DocumentType.Trim())));
        // Document filters select a set of documents once; each matched item is then one lookup in it
        // (the unary + keeps the planner from probing the item index once per document instead).
        if (documentWhere.Count > 0) Add($"+i.document_id IN (SELECT d.id FROM documents d WHERE {string.Join(" AND ", documentWhere)})");
        if (q.Area is { } area) Add("i.area = $area", ("$area", FacetCode.Area(area)));
        if (!string.IsNullOrWhiteSpace(q.LeadCanonical))
            Add("i.lead_agency_id IN (SELECT id FROM agencies WHERE canonical_key = $lead)", ("$lead", Codec.NameKey(q.LeadCanonical)!));
        if (q.DeadlineKind is { } kind) Add("i.deadline_kind = $dl_kind", ("$dl_kind", FacetCode.Kind(kind)));
        if (q.DeadlineYear is { } year) Add("i.deadline_year = $dl_year", ("$dl_year", year));
        if (q.DeadlineFrom is { } from)
        {
            tasks = true;
            Add("coalesce(t.deadline_end, t.deadline_start) >= $dl_from", ("$dl_from", Codec.Db(from)));
        }
        if (q.DeadlineTo is { } to)
        {
            tasks = true;
            Add("coalesce(t.deadline_start, t.deadline_end) <= $dl_to", ("$dl_to", Codec.Db(to)));
        }
        // CROSS JOIN keeps the match the outer loop: the planner could otherwise drive from a filter's index.
        return new FilterSql(tasks ? " CROSS JOIN tasks t ON t.id = i.task_id" : "", where.ToString());
    }

    /// <summary>Runs <paramref name="read"/> over the command, turning FTS5 syntax errors into <see cref="QueryException"/>.</summary>
    private static T RunQuery<T>(SqliteCommand cmd, string queryText, Func<SqliteDataReader, T> read)
    {
        try
        {
            using var r = cmd.ExecuteReader();
            return read(r);
        }
        catch (SqliteException e) when (e.Message.Contains("fts5", StringComparison.OrdinalIgnoreCase) || e.Message.Contains("MATCH", StringComparison.Ordinal))
        {
            throw new QueryException($"Cannot run the query '{queryText}': {e.Message.Replace("SQLite Error 1: ", "")}");
        }
    }
}
