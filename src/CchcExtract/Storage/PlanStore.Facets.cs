using System.Globalization;
using System.Text;
using CchcExtract.Model;
using CchcExtract.Text;
using Microsoft.Data.Sqlite;

namespace CchcExtract.Storage;

/// <summary>One value of a facet: <see cref="Value"/> is what the matching <see cref="SearchQuery"/> filter takes.</summary>
/// <param name="Value">Filter value (<c>Hải Phòng</c>, <c>procedures</c>, <c>2026</c>…).</param>
/// <param name="Label">Human label (Vietnamese where the value is a code).</param>
/// <param name="Count">Hits in the result set with this value.</param>
public sealed record FacetValue(string Value, string Label, int Count);

/// <summary>
/// Counts of a result set by facet, each facet's values most frequent first. Facet names:
/// <c>province</c>, <c>commune</c>, <c>unit_level</c>, <c>year</c> (years the plan period covers),
/// <c>area</c>, <c>lead</c> (canonical lead agency), <c>deadline_kind</c>, <c>deadline_year</c> (year
/// the deadline interval ends), <c>document_type</c>. Task-only facets do not count paragraph hits.
/// </summary>
/// <param name="Total">Hits in the whole result set (not limited).</param>
/// <param name="Facets">Facet name → values.</param>
public sealed record SearchFacets(int Total, IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets);

public sealed partial class PlanStore
{
    /// <summary>Facet names in display order.</summary>
    public static IReadOnlyList<string> FacetNames { get; } =
        ["province", "commune", "unit_level", "year", "area", "lead", "deadline_kind", "deadline_year", "document_type"];

    /// <summary>
    /// Facet counts over every hit of <paramref name="q"/> (filters applied; <see cref="SearchQuery.Limit"/>
    /// and offset ignored); at most <paramref name="maxValues"/> values per facet. One SQL statement: the
    /// result set is materialised once and grouped per facet.
    /// </summary>
    /// <exception cref="QueryException">The query is malformed or a filter value is invalid.</exception>
    public SearchFacets Facets(SearchQuery q, int maxValues = 30)
    {
        var parsed = ParsedQuery.Parse(q.Text);
        // One pass over the result set (no ranking needed), counted here: cheaper than one GROUP BY per
        // facet. Documents and agencies are joined only when a filter needs them; their facet values are
        // read once per distinct document / agency afterwards.
        bool needDocuments = !string.IsNullOrWhiteSpace(q.Commune) || !string.IsNullOrWhiteSpace(q.Province) || q.UnitLevel is not null
                             || q.Year is not null || !string.IsNullOrWhiteSpace(q.DocumentType);
        bool needAgencies = !string.IsNullOrWhiteSpace(q.LeadCanonical);
        var sql = new StringBuilder($"""
            SELECT i.document_id, t.area, tl.agency_id, t.deadline_kind, coalesce(t.deadline_end, t.deadline_start)
            FROM search s
            JOIN items i ON i.id = s.rowid
            {(needDocuments ? "JOIN documents d ON d.id = i.document_id" : "")}
            LEFT JOIN tasks t ON t.id = i.task_id
            LEFT JOIN task_agencies tl ON tl.task_id = i.task_id AND tl.role = 0
            {(needAgencies ? "LEFT JOIN agencies la ON la.id = tl.agency_id" : "")}
            WHERE search MATCH $q
            """);
        using var cmd = Command("");
        cmd.Parameters.AddWithValue("$q", parsed.ToFts5());
        AddFilters(q, sql, cmd);
        cmd.CommandText = sql.ToString();

        var buckets = FacetNames.ToDictionary(n => n, _ => new Dictionary<string, (string Label, int Count)>());
        var perDocument = new Dictionary<long, int>();
        var perAgency = new Dictionary<long, int>();
        int total = 0;
        try
        {
            using var r = cmd.ExecuteReader();
            long lastDoc = -1;
            while (r.Read())
            {
                total++;
                var doc = r.GetInt64(0);
                if (doc != lastDoc) perDocument.TryAdd(doc, 0);
                lastDoc = doc;
                perDocument[doc]++;
                if (r.IsDBNull(1)) continue; // a paragraph: no task facets
                Bump(buckets["area"], r.GetString(1), null, 1);
                if (!r.IsDBNull(2)) { var a = r.GetInt64(2); perAgency[a] = perAgency.GetValueOrDefault(a) + 1; }
                Bump(buckets["deadline_kind"], r.GetString(3), null, 1);
                if (!r.IsDBNull(4)) Bump(buckets["deadline_year"], r.GetString(4)[..4], null, 1);
            }
        }
        catch (SqliteException e) when (e.Message.Contains("fts5", StringComparison.OrdinalIgnoreCase) || e.Message.Contains("MATCH", StringComparison.Ordinal))
        {
            throw new QueryException($"Cannot run the query '{q.Text}': {e.Message.Replace("SQLite Error 1: ", "")}");
        }

        if (perAgency.Count > 0)
        {
            using var ac = Command("SELECT id, canonical_key, canonical FROM agencies WHERE id IN (SELECT value FROM json_each($ids))");
            ac.Parameters.AddWithValue("$ids", Codec.ToJson(perAgency.Keys.ToList()));
            using var r = ac.ExecuteReader();
            while (r.Read()) Bump(buckets["lead"], r.GetString(1), r.GetString(2), perAgency[r.GetInt64(0)]);
        }

        // Document-level facets: each document's fields once, weighted by its hits.
        if (perDocument.Count > 0)
        {
            using var dc = Command("""
                SELECT id, province_key, province, commune_key, commune, unit_level, period_start, period_end, document_type
                FROM documents WHERE id IN (SELECT value FROM json_each($ids))
                """);
            dc.Parameters.AddWithValue("$ids", Codec.ToJson(perDocument.Keys.ToList()));
            using var r = dc.ExecuteReader();
            while (r.Read())
            {
                int n = perDocument[r.GetInt64(0)];
                if (!r.IsDBNull(1)) Bump(buckets["province"], r.GetString(1), r.GetString(2), n);
                if (!r.IsDBNull(3)) Bump(buckets["commune"], r.GetString(3), r.GetString(4), n);
                Bump(buckets["unit_level"], r.GetString(5), null, n);
                if (!r.IsDBNull(6))
                {
                    // A plan covering 2021–2030 counts for every year it covers (the Year filter's overlap rule).
                    int y0 = int.Parse(r.GetString(6)[..4], CultureInfo.InvariantCulture);
                    int y1 = r.IsDBNull(7) ? y0 : int.Parse(r.GetString(7)[..4], CultureInfo.InvariantCulture);
                    for (int y = y0; y <= y1 && y - y0 < 50; y++) Bump(buckets["year"], y.ToString(CultureInfo.InvariantCulture), null, n);
                }
                var type = r.GetString(8);
                if (type.Length > 0) Bump(buckets["document_type"], VietnameseText.Fold(type).ToLowerInvariant(), type, n);
            }
        }
        // Keys were folded for grouping; the filter value shown is the label (as printed), codes stay codes.
        foreach (var name in (string[])["province", "commune", "lead", "document_type"])
            buckets[name] = buckets[name].Values.GroupBy(v => v.Label).ToDictionary(g => g.Key, g => (g.Key, g.Sum(x => x.Count)));
        foreach (var name in (string[])["area", "unit_level", "deadline_kind"])
            buckets[name] = buckets[name].ToDictionary(kv => kv.Key, kv => (Label(name, kv.Key), kv.Value.Count));

        var facets = new Dictionary<string, IReadOnlyList<FacetValue>>();
        foreach (var name in FacetNames)
        {
            var values = buckets[name].Select(kv => new FacetValue(kv.Key, kv.Value.Label, kv.Value.Count));
            values = name is "year" or "deadline_year"
                ? values.OrderByDescending(v => v.Value, StringComparer.Ordinal)
                : values.OrderByDescending(v => v.Count).ThenBy(v => v.Label, StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), false));
            facets[name] = values.Take(maxValues).ToList();
        }
        return new SearchFacets(total, facets);
    }

    private static void Bump(Dictionary<string, (string Label, int Count)> bucket, string value, string? label, int count) =>
        bucket[value] = bucket.TryGetValue(value, out var old) ? (old.Label, old.Count + count) : (label ?? value, count);

    /// <summary>The Vietnamese label of a facet value (codes become names).</summary>
    public static string Label(string facet, string value) => facet switch
    {
        "area" => Codec.Area(value).VietnameseName(),
        "unit_level" => value switch
        {
            "commune" => "Xã", "ward" => "Phường", "township" => "Thị trấn", "district" => "Huyện/quận/thị xã",
            "province" => "Tỉnh", "city" => "Thành phố", _ => "Chưa rõ",
        },
        "deadline_kind" => value switch
        {
            "date" => "Ngày cụ thể", "month" => "Tháng", "quarter" => "Quý", "year" => "Năm", "range" => "Giai đoạn",
            "recurring" => "Định kỳ", "continuous" => "Thường xuyên", "conditional" => "Có điều kiện", _ => "Không ghi",
        },
        _ => value,
    };

    // Filters added with the facets (deadline kind and year); called from AddFilters.
    private static void AddFacetFilters(SearchQuery q, StringBuilder sql, SqliteCommand cmd)
    {
        if (q.DeadlineKind is { } kind)
        {
            sql.Append(" AND i.task_id IS NOT NULL AND t.deadline_kind = $dl_kind");
            cmd.Parameters.AddWithValue("$dl_kind", Codec.Name(kind));
        }
        if (q.DeadlineYear is { } year)
        {
            sql.Append(" AND i.task_id IS NOT NULL AND substr(coalesce(t.deadline_end, t.deadline_start), 1, 4) = $dl_year");
            cmd.Parameters.AddWithValue("$dl_year", year.ToString("D4", CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Number of hits of <paramref name="q"/> (filters applied, limit ignored).</summary>
    public int Count(SearchQuery q)
    {
        var parsed = ParsedQuery.Parse(q.Text);
        var sql = new StringBuilder("SELECT count(*)" + HitSource);
        using var cmd = Command("");
        cmd.Parameters.AddWithValue("$q", parsed.ToFts5());
        AddFilters(q, sql, cmd);
        cmd.CommandText = sql.ToString();
        return Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private int CountMatches(string text)
    {
        using var cmd = Command("SELECT count(*) FROM search WHERE search MATCH $q");
        cmd.Parameters.AddWithValue("$q", ParsedQuery.Parse(text).ToFts5());
        return Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// "Did you mean": when <paramref name="text"/> finds fewer than <paramref name="few"/> hits, words
    /// are swapped (one at a time, up to two) for close index terms (<see cref="SimilarTerms"/>, FuzzySharp
    /// ratio) while that finds more; the corrected query is returned with the accents of its best hit
    /// (<c>khao sat su hai lon</c> → <c>khảo sát sự hài lòng</c>). Null when no correction finds more.
    /// Only plain words are replaced; operators and phrases are kept.
    /// </summary>
    public string? Suggest(string text, int few = 3)
    {
        int current;
        try { current = CountMatches(text); }
        catch (QueryException) { return null; }
        if (current >= few) return null;

        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        bool changed = false;
        for (int round = 0; round < 2; round++)
        {
            (int Index, string Term, int Count) best = (-1, "", current);
            for (int i = 0; i < words.Count; i++)
            {
                var w = words[i];
                if (w.Length < 2 || w is "OR" or "AND" || !w.All(char.IsLetterOrDigit)) continue;
                foreach (var term in SimilarTerms(w, 5, 75))
                {
                    var trial = string.Join(' ', words.Select((x, k) => k == i ? term : x));
                    int n;
                    try { n = CountMatches(trial); } catch (QueryException) { continue; }
                    if (n > best.Count) best = (i, term, n);
                }
            }
            if (best.Index < 0) break;
            words[best.Index] = best.Term;
            current = best.Count;
            changed = true;
            if (current >= few) break;
        }
        if (!changed) return null;
        var corrected = string.Join(' ', words);
        return Accented(corrected);
    }

    // The query's plain words spelled as in its best hit (accents restored); other tokens kept.
    private string Accented(string text)
    {
        var hit = Search(new SearchQuery(text) { Limit = 1 }).FirstOrDefault();
        if (hit is null) return text;
        var byFold = new Dictionary<string, string>();
        foreach (var tok in ParsedQuery.Tokens(hit.Text))
            byFold.TryAdd(VietnameseText.Fold(tok).ToLowerInvariant(), tok.ToLowerInvariant());
        return string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w =>
            w.All(char.IsLetterOrDigit) && byFold.TryGetValue(VietnameseText.Fold(w).ToLowerInvariant(), out var a) ? a : w));
    }

    /// <summary>
    /// The given tasks in the export shape, in the given order — a result set as a spreadsheet or JSON.
    /// Batched (a few statements for the whole set), unlike <see cref="ExportTasks(IEnumerable{long})"/>.
    /// </summary>
    public IReadOnlyList<TaskExport> ExportResultSet(IEnumerable<long> taskIds)
    {
        var ids = taskIds.Distinct().ToList();
        if (ids.Count == 0) return [];
        var rows = LoadTasks("t.id IN (SELECT value FROM json_each($ids))", ("$ids", Codec.ToJson(ids)));
        var headers = new Dictionary<long, PlanDocument>();
        using (var cmd = Command($"SELECT {DocumentColumns} FROM documents WHERE id IN (SELECT value FROM json_each($docs))"))
        {
            cmd.Parameters.AddWithValue("$docs", Codec.ToJson(rows.Select(x => x.DocumentId).Distinct().ToList()));
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var (id, text, meta) = ReadDocument(r);
                headers[id] = new PlanDocument(text, meta, [], [], []);
            }
        }
        var byId = rows.ToDictionary(x => x.Id);
        return ids.Where(byId.ContainsKey).Select(id => TaskExport.From(headers[byId[id].DocumentId], byId[id].Task)).ToList();
    }
}
