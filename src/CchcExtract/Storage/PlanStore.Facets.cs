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
    /// and offset ignored); at most <paramref name="maxValues"/> values per facet. One SQL statement
    /// returns the whole result set as (document, packed task facets) pairs (<see cref="FacetCode"/>);
    /// document-level values come from a per-store cache of each document's facet fields.
    /// </summary>
    /// <exception cref="QueryException">The query is malformed or a filter value is invalid.</exception>
    public SearchFacets Facets(SearchQuery q, int maxValues = 30)
    {
        var parsed = ParsedQuery.Parse(q.Text);
        using var cmd = Command("");
        var filters = Filters(q, cmd);
        cmd.Parameters.AddWithValue("$q", parsed.ToFts5());
        cmd.CommandText = $"""
            SELECT count(*), group_concat(i.document_id || ' ' || {FacetCode.PackedSql}, ' ')
            FROM search s CROSS JOIN items i ON i.wording_id = s.rowid {filters.Joins}
            WHERE search MATCH $q {filters.Where}
            """;
        var (total, pairs) = RunQuery(cmd, q.Text, r => r.Read() ? (r.GetInt32(0), r.IsDBNull(1) ? "" : r.GetString(1)) : (0, ""));

        // Hits per document and per distinct packed facet value.
        var perDocument = new Dictionary<long, int>();
        var perCode = new Dictionary<long, int>();
        var rest = pairs.AsSpan();
        while (!rest.IsEmpty)
        {
            long doc = NextNumber(ref rest), code = NextNumber(ref rest);
            perDocument[doc] = perDocument.GetValueOrDefault(doc) + 1;
            perCode[code] = perCode.GetValueOrDefault(code) + 1;
        }

        var buckets = FacetNames.ToDictionary(n => n, _ => new Dictionary<string, (string Label, int Count)>());
        var perAgency = new Dictionary<long, int>();
        foreach (var (code, n) in perCode)
        {
            var (area, kind, year, lead) = FacetCode.Unpack(code);
            if (area is null) continue; // a paragraph: no task facets
            Bump(buckets["area"], area, null, n);
            if (kind is not null) Bump(buckets["deadline_kind"], kind, null, n);
            if (year is not null) Bump(buckets["deadline_year"], year, null, n);
            if (lead is long a) perAgency[a] = perAgency.GetValueOrDefault(a) + n;
        }
        if (perAgency.Count > 0)
        {
            using var ac = Command("SELECT id, canonical_key, canonical FROM agencies WHERE id IN (SELECT value FROM json_each($ids))");
            ac.Parameters.AddWithValue("$ids", Codec.ToJson(perAgency.Keys.ToList()));
            using var r = ac.ExecuteReader();
            while (r.Read()) Bump(buckets["lead"], r.GetString(1), r.GetString(2), perAgency[r.GetInt64(0)]);
        }

        // Document-level facets: each document's fields once, weighted by its hits.
        var documents = DocumentFacetFields(perDocument.Keys);
        foreach (var (id, n) in perDocument)
        {
            if (!documents.TryGetValue(id, out var d)) continue;
            if (d.ProvinceKey is not null) Bump(buckets["province"], d.ProvinceKey, d.Province, n);
            if (d.CommuneKey is not null) Bump(buckets["commune"], d.CommuneKey, d.Commune, n);
            Bump(buckets["unit_level"], d.UnitLevel, null, n);
            // A plan covering 2021–2030 counts for every year it covers (the Year filter's overlap rule).
            if (d.FirstYear is int y0)
                for (int y = y0; y <= (d.LastYear ?? y0) && y - y0 < 50; y++) Bump(buckets["year"], y.ToString(CultureInfo.InvariantCulture), null, n);
            if (d.DocumentTypeKey.Length > 0) Bump(buckets["document_type"], d.DocumentTypeKey, d.DocumentType, n);
        }

        // Keys were folded for grouping; the filter value shown is the label (as printed), codes stay codes.
        var facets = new Dictionary<string, IReadOnlyList<FacetValue>>();
        foreach (var name in FacetNames)
        {
            var byValue = buckets[name];
            var values = name is "province" or "commune" or "lead" or "document_type"
                ? byValue.Select(kv => (Value: kv.Value.Label, Key: kv.Key, kv.Value.Count))
                : byValue.Select(kv => (Value: kv.Key, Key: kv.Key, kv.Value.Count));
            var ordered = name is "year" or "deadline_year"
                ? values.OrderByDescending(v => v.Value, StringComparer.Ordinal)
                // Ties in alphabetical order: the folded key first (cheap), accents only between equal keys.
                : values.OrderByDescending(v => v.Count).ThenBy(v => v.Key, StringComparer.Ordinal).ThenBy(v => v.Value, VietnameseOrder);
            facets[name] = ordered.Take(maxValues)
                .Select(v => new FacetValue(v.Value, name is "area" or "unit_level" or "deadline_kind" ? Label(name, v.Value) : v.Value, v.Count))
                .ToList();
        }
        return new SearchFacets(total, facets);
    }

    private static readonly StringComparer VietnameseOrder = StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), false);

    // The next space-separated non-negative number of a packed list, consumed.
    private static long NextNumber(ref ReadOnlySpan<char> s)
    {
        long n = 0;
        int i = 0;
        for (; i < s.Length && s[i] != ' '; i++) n = n * 10 + (s[i] - '0');
        s = i < s.Length ? s[(i + 1)..] : [];
        return n;
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
            "province" => "Tỉnh", "city" => "Thành phố", "department" => "Sở, ban, ngành", _ => "Chưa rõ",
        },
        "deadline_kind" => value switch
        {
            "date" => "Ngày cụ thể", "month" => "Tháng", "quarter" => "Quý", "year" => "Năm", "range" => "Giai đoạn",
            "recurring" => "Định kỳ", "continuous" => "Thường xuyên", "conditional" => "Có điều kiện", _ => "Không ghi",
        },
        _ => value,
    };

    /// <summary>Number of hits of <paramref name="q"/> (filters applied, limit ignored).</summary>
    public int Count(SearchQuery q)
    {
        var parsed = ParsedQuery.Parse(q.Text);
        using var cmd = Command("");
        var filters = Filters(q, cmd);
        cmd.Parameters.AddWithValue("$q", parsed.ToFts5());
        cmd.CommandText = $"SELECT count(*) FROM search s CROSS JOIN items i ON i.wording_id = s.rowid {filters.Joins} WHERE search MATCH $q {filters.Where}";
        return RunQuery(cmd, q.Text, r => r.Read() ? r.GetInt32(0) : 0);
    }

    // Items matching a query, no filters.
    private int CountMatches(string text) => Count(new SearchQuery(text));

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
