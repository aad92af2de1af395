using System.Globalization;
using System.Text.Json;
using CchcExtract.Model;
using CchcExtract.Storage;

namespace CchcExtract.Cli.Web;

/// <summary>
/// The page's JSON API as plain functions of (store, query-string parameters) → status + body, so tests
/// can call them without HTTP. Parameters: <c>q</c> (query text) and the filters <c>province</c>,
/// <c>commune</c>, <c>unit_level</c>, <c>year</c>, <c>area</c>, <c>lead</c>, <c>deadline_kind</c>,
/// <c>deadline_year</c>, <c>document_type</c>. A malformed query or filter value is a 400 with
/// <c>{"error": message}</c>, an unknown document a 404 — never a 500.
/// </summary>
public static class WebApi
{
    /// <summary>A response: status code, and a JSON-serialisable body or file bytes.</summary>
    public sealed record Reply(int Status, object? Json = null, byte[]? File = null, string? ContentType = null, string? FileName = null);

    /// <summary>Filter parameter names, as the facets name them.</summary>
    public static IReadOnlyList<string> FilterNames => PlanStore.FacetNames;

    /// <summary>Most task hits considered for grouping into commitments.</summary>
    public const int GroupCandidates = 1000;

    /// <summary>Groups shown when the request names no limit.</summary>
    public const int DefaultGroups = 20;

    /// <summary>Members listed per group (the group's size and commune list count them all).</summary>
    public const int MembersPerGroup = 20;

    /// <summary>Most task records in one export.</summary>
    public const int ExportMax = 100_000;

    /// <summary>Builds the search from parameters.</summary>
    /// <exception cref="QueryException">A filter value is invalid.</exception>
    public static SearchQuery Query(Func<string, string?> get)
    {
        string? S(string n) => get(n) is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        int? I(string n) => S(n) is { } v
            ? int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i is > 0 and < 10000 ? i
                : throw new QueryException($"'{n}' must be a year such as 2026, not '{v}'.")
            : null;
        return new SearchQuery(S("q") ?? "")
        {
            Province = S("province"),
            Commune = S("commune"),
            UnitLevel = S("unit_level") is { } u ? SearchQuery.ParseUnitLevel(u) : null,
            Year = I("year"),
            Area = S("area") is { } a ? SearchQuery.ParseArea(a) : null,
            LeadCanonical = S("lead"),
            DeadlineKind = S("deadline_kind") is { } k
                ? Enum.TryParse<DeadlineKind>(k, true, out var kind) && !int.TryParse(k, out _) ? kind
                    : throw new QueryException($"Unknown deadline kind '{k}': use one of {string.Join(", ", Enum.GetNames<DeadlineKind>().Select(x => x.ToLowerInvariant()))}.")
                : null,
            DeadlineYear = I("deadline_year"),
            DocumentType = S("document_type"),
            Scope = SearchScope.Tasks,
        };
    }

    /// <summary>
    /// <c>GET /api/search</c>: total hits, facet counts, a "did you mean" suggestion and the result grouped
    /// into commitments (near-duplicate wordings across communes), each with every commune's own wording,
    /// lead agency, deadline and source line.
    /// </summary>
    public static Reply Search(PlanStore store, Func<string, string?> get) => Guard(() =>
    {
        var q = Query(get);
        int groups = int.TryParse(get("limit"), out var l) && l > 0 ? Math.Min(l, 500) : DefaultGroups;
        var facets = store.Facets(q);
        var commitments = store.CommitmentGroups(q with { Limit = groups }, candidates: GroupCandidates, membersPerGroup: MembersPerGroup);
        string? suggestion = facets.Total < 3 ? store.Suggest(q.Text) : null;
        return new Reply(200, new
        {
            query = q.Text,
            total = facets.Total,
            grouped_from = Math.Min(facets.Total, GroupCandidates),
            suggestion,
            facets = facets.Facets.ToDictionary(kv => kv.Key, kv => kv.Value.Select(v => new { value = v.Value, label = v.Label, count = v.Count })),
            groups = commitments.Select(g => new
            {
                communes = g.Communes,
                size = g.Size,
                members = g.Members.Select(Hit),
            }),
        });
    });

    private static object Hit(SearchHit h) => new
    {
        hit = HitExport.From(h),
        area_label = h.Area?.VietnameseName(),
        text = h.Snippet.Text,
        marks = h.Snippet.Marks.Select(m => new[] { m.Start, m.Length }),
    };

    /// <summary><c>GET /api/documents</c>: every stored document.</summary>
    public static Reply Documents(PlanStore store) => Guard(() => new Reply(200, store.Documents().Select(d => new
    {
        file = d.FileName, commune = d.Commune, province = d.Province, type = d.DocumentType, number = d.Number, period = d.Period, tasks = d.Tasks,
    })));

    /// <summary><c>GET /api/document?name=</c>: metadata, outline and tasks (each with its source line/page).</summary>
    public static Reply Document(PlanStore store, string? name) => Guard(() =>
    {
        if (string.IsNullOrWhiteSpace(name)) throw new QueryException("Missing document name.");
        var plan = store.Load(store.ResolveDocument(name))!;
        var m = plan.Metadata;
        return new Reply(200, new
        {
            file = plan.FileName,
            metadata = new
            {
                document_type = m.DocumentType,
                issued_document_type = m.IssuedDocumentType,
                number = m.Number,
                issue_date = m.IssueDate?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                issuing_unit = m.IssuingUnit,
                unit_level = PlanStore.Label("unit_level", m.UnitLevel.ToString().ToLowerInvariant()),
                commune = m.Commune,
                province = m.Province,
                period = m.Period?.Raw,
                title = m.Title,
                signer = m.Signer is null ? null : $"{m.SignerTitle} {m.Signer}".Trim(),
                legal_bases = m.LegalBases.Select(b => b.Raw),
            },
            outline = plan.Sections.Select(s => new { path = s.Path, marker = s.Marker, level = s.Level, title = s.Title, line = s.Source.Line, page = s.Source.Page }),
            tasks = plan.Tasks.Select(t => TaskExport.From(plan, t)),
        });
    });

    /// <summary><c>GET /api/export?format=csv|json|xlsx</c>: the task records of the result set as a file.</summary>
    public static Reply Export(PlanStore store, Func<string, string?> get) => Guard(() =>
    {
        var format = (get("format") ?? "csv").Trim().ToLowerInvariant();
        if (format is not ("csv" or "json" or "xlsx")) throw new QueryException($"Unknown export format '{format}': use csv, json or xlsx.");
        var q = Query(get);
        var hits = store.Search(q with { Limit = ExportMax });
        var tasks = store.ExportResultSet(hits.Where(h => h.TaskId is not null).Select(h => h.TaskId!.Value));
        using var ms = new MemoryStream();
        ResultFiles.Write(ms, format, tasks);
        var type = format switch
        {
            "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "json" => "application/json; charset=utf-8",
            _ => "text/csv; charset=utf-8",
        };
        return new Reply(200, File: ms.ToArray(), ContentType: type, FileName: $"cchc-ket-qua.{format}");
    });

    private static Reply Guard(Func<Reply> body)
    {
        try { return body(); }
        catch (QueryException e) { return new Reply(400, new { error = e.Message }); }
        catch (StoreException e) { return new Reply(404, new { error = e.Message }); }
    }

    /// <summary>
    /// Serializer options of the API: letters of every script kept readable (Vietnamese), but the
    /// HTML-sensitive characters <c>&lt; &gt; &amp; ' "</c> escaped as <c>\uXXXX</c> — defence in depth
    /// on top of the page inserting text with <c>textContent</c> only.
    /// </summary>
    public static JsonSerializerOptions Json { get; } = new(TaskExport.JsonOptions)
    {
        WriteIndented = false,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };
}
