using System.Text;
using CchcExtract.Model;
using CchcExtract.Text;
using FuzzySharp;

namespace CchcExtract.Storage;

/// <summary>
/// A commitment across communes: near-duplicate task wordings grouped (<see cref="TaskGrouping"/>'s
/// rule). <see cref="Members"/> holds at most the requested number of full hits (best first);
/// <see cref="Size"/> and <see cref="Communes"/> count the whole group.
/// </summary>
/// <param name="Members">The best members as full hits; <c>Members[0]</c> is the group's representative.</param>
/// <param name="Size">Task hits in the group.</param>
/// <param name="Communes">Every distinct commune (or document name when the plan states none) in the group, best first.</param>
public sealed record Commitment(IReadOnlyList<SearchHit> Members, int Size, IReadOnlyList<string> Communes)
{
    /// <summary>The best-scoring member.</summary>
    public SearchHit Best => Members[0];
}

public sealed partial class PlanStore
{
    private static readonly HighlightedText NoSnippet = new("", []);

    // One ranked candidate: cheap columns only (no highlighting, no agencies) so thousands stay fast.
    private sealed record Candidate(long ItemId, double Score, string GroupKey, string? Commune, string Document, string Text);

    /// <summary>
    /// The task hits of <paramref name="q"/> best first, up to <paramref name="limit"/>, reading only what
    /// grouping needs. Ranking (FTS5 bm25) is done once here; full hits are built later only for the
    /// rows that are shown.
    /// </summary>
    private List<Candidate> RankedCandidates(SearchQuery q, ParsedQuery parsed, int limit, bool phraseFirst)
    {
        if (phraseFirst && PhraseTier(parsed) is { } tier)
        {
            var first = RankedCandidates(q, tier, limit, false);
            if (first.Count >= limit) return first;
            var inFirst = first.Select(c => c.ItemId).ToHashSet();
            double floor = first.Count > 0 ? first.Min(c => c.Score) : double.PositiveInfinity;
            foreach (var c in RankedCandidates(q, parsed, limit, false))
                if (first.Count < limit && inFirst.Add(c.ItemId)) first.Add(c.Score < floor ? c : c with { Score = Math.BitDecrement(floor) });
            return first;
        }
        using var cmd = Command("");
        var filters = Filters(q with { Scope = SearchScope.Tasks }, cmd);
        BindRanked(cmd, parsed, limit, 0);
        cmd.CommandText = RankedTop(filters) + """

            SELECT top.item, -top.score, coalesce(d.commune_key, char(1) || d.file_name), d.commune, d.file_name, t.text
            FROM top
            JOIN items i ON i.id = top.item
            JOIN documents d ON d.id = i.document_id
            JOIN tasks t ON t.id = i.task_id
            ORDER BY top.score, top.item
            """;
        var list = RunQuery(cmd, q.Text, r =>
        {
            var rows = new List<Candidate>();
            while (r.Read())
                rows.Add(new Candidate(r.GetInt64(0), r.GetDouble(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetString(4), r.GetString(5)));
            return rows;
        });
        return list;
    }

    /// <summary>Full hits (agencies, deadline, source, highlighted snippet) for the given candidates, in their order.</summary>
    private List<SearchHit> FullHits(IReadOnlyList<Candidate> candidates, ParsedQuery parsed, bool snippets = true)
    {
        if (candidates.Count == 0) return [];
        using var cmd = Command("""
            SELECT i.id, i.task_id, d.file_name, d.commune, d.province,
                t.section_path, t.number, t.text, t.deadline_raw, t.deadline_kind, t.deadline_start, t.deadline_end, t.area,
                t.source_file, t.source_line, t.source_page, la.printed, la.canonical
            FROM items i
            JOIN documents d ON d.id = i.document_id
            JOIN tasks t ON t.id = i.task_id
            LEFT JOIN agencies la ON la.id = i.lead_agency_id
            WHERE i.id IN (SELECT value FROM json_each($ids))
            """);
        cmd.Parameters.AddWithValue("$ids", Codec.ToJson(candidates.Select(c => c.ItemId).ToList()));
        var byId = new Dictionary<long, SearchHit>();
        var scores = candidates.GroupBy(c => c.ItemId).ToDictionary(g => g.Key, g => g.First().Score);
        using (var r = cmd.ExecuteReader())
            while (r.Read())
            {
                var id = r.GetInt64(0);
                var text = r.GetString(7);
                byId[id] = new SearchHit
                {
                    ItemId = id,
                    Kind = HitKind.Task,
                    TaskId = r.GetInt64(1),
                    Score = scores[id],
                    Document = r.GetString(2),
                    Commune = r.IsDBNull(3) ? null : r.GetString(3),
                    Province = r.IsDBNull(4) ? null : r.GetString(4),
                    Section = r.GetString(5),
                    Number = r.GetString(6),
                    Text = text,
                    Deadline = new Deadline(r.GetString(8), Codec.Enum<DeadlineKind>(r.GetString(9)), Codec.Date(r.GetValue(10)), Codec.Date(r.GetValue(11))),
                    Area = Codec.Area(r.GetString(12)),
                    Source = new SourceRef(r.GetString(13), r.GetInt32(14), Codec.Int(r.GetValue(15))),
                    Lead = r.IsDBNull(16) ? null : r.GetString(16),
                    LeadCanonical = r.IsDBNull(17) ? null : r.GetString(17),
                    Snippet = snippets ? Highlighter.Snippet(text, parsed) : NoSnippet,
                };
            }
        return candidates.Where(c => byId.ContainsKey(c.ItemId)).Select(c => byId[c.ItemId]).ToList();
    }

    /// <summary>
    /// "Which communes committed to X?" over the ranked candidates: communes in order of their best
    /// hit; for the communes on the requested page only, up to <paramref name="tasksPerCommune"/> tasks
    /// with near-duplicate wordings collapsed. Only those rows are built as full hits.
    /// </summary>
    private List<CommuneMatch> CommunesRanked(SearchQuery q, int tasksPerCommune, int candidates)
    {
        var parsed = ParsedQuery.Parse(q.Text);
        if (q.Limit <= 0) return [];
        int wanted = Math.Max(0, q.Offset) + q.Limit, perCommune = Math.Max(1, tasksPerCommune) + 2;
        // Communes are ordered by their best hit, so the best few hits per listed commune are enough.
        var ranked = RankedCandidates(q, parsed, Math.Min(candidates, Math.Max(1000, wanted * 4)), phraseFirst: true);
        var order = new List<string>();
        var rows = new Dictionary<string, List<Candidate>>();
        foreach (var c in ranked)
        {
            if (!rows.TryGetValue(c.GroupKey, out var list))
            {
                if (order.Count >= wanted) continue;
                order.Add(c.GroupKey);
                rows[c.GroupKey] = list = [];
            }
            if (list.Count < perCommune) list.Add(c);
        }
        var page = order.Skip(Math.Max(0, q.Offset)).ToList();
        var hits = FullHits(page.SelectMany(k => rows[k]).ToList(), parsed, snippets: false);
        var byKey = hits.GroupBy(h => Codec.NameKey(h.Commune) ?? "\u0001" + h.Document).ToDictionary(g => g.Key, g => g.ToList());
        var result = new List<CommuneMatch>();
        foreach (var key in page)
        {
            if (!byKey.TryGetValue(key, out var list)) continue;
            var reps = TaskGrouping.Group(list).Select(x => x.Best).Take(Math.Max(1, tasksPerCommune))
                .Select(h => h with { Snippet = Highlighter.Snippet(h.Text, parsed) }).ToList();
            result.Add(new CommuneMatch(list[0].Commune ?? list[0].Document, list[0].Province, reps[0].Score, reps));
        }
        return result;
    }

    /// <summary>
    /// Commitments across communes, best group first: the best <paramref name="candidates"/> task hits
    /// grouped into near-duplicate wordings (FuzzySharp token-set ratio ≥ <paramref name="threshold"/>
    /// against each group's leader, as <see cref="TaskGrouping"/>; identical wordings join without
    /// comparison). <see cref="SearchQuery.Limit"/> caps the groups; each lists its first
    /// <paramref name="membersPerGroup"/> members as full hits and counts all of them.
    /// </summary>
    public IReadOnlyList<Commitment> CommitmentGroups(SearchQuery q, int candidates = 2000, int membersPerGroup = 50, int threshold = TaskGrouping.DefaultThreshold)
    {
        var parsed = ParsedQuery.Parse(q.Text);
        if (q.Limit <= 0) return [];
        // All wordings compete here (no phrase tier): grouping is about the variants.
        var ranked = RankedCandidates(q, parsed, candidates, phraseFirst: false);

        var leaders = new List<(string Folded, List<Candidate> Members)>();
        var sameText = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var c in ranked)
        {
            var f = VietnameseText.Fold(c.Text);
            if (!sameText.TryGetValue(f, out var g))
            {
                int bestScore = -1;
                g = -1;
                for (int i = 0; i < leaders.Count; i++)
                {
                    int s = Fuzz.TokenSetRatio(f, leaders[i].Folded);
                    if (s >= threshold && s > bestScore) { g = i; bestScore = s; }
                }
                if (g < 0) { leaders.Add((f, [])); g = leaders.Count - 1; }
                sameText[f] = g;
            }
            leaders[g].Members.Add(c);
        }

        var page = leaders.Skip(Math.Max(0, q.Offset)).Take(q.Limit).ToList();
        var shown = page.SelectMany(l => l.Members.Take(Math.Max(1, membersPerGroup))).ToList();
        var hits = FullHits(shown, parsed).ToDictionary(h => h.ItemId);
        return page.Select(l => new Commitment(
                l.Members.Take(Math.Max(1, membersPerGroup)).Where(c => hits.ContainsKey(c.ItemId)).Select(c => hits[c.ItemId]).ToList(),
                l.Members.Count,
                l.Members.Select(m => m.Commune ?? m.Document).Distinct(StringComparer.OrdinalIgnoreCase).ToList()))
            .Where(c => c.Members.Count > 0)
            .ToList();
    }
}

public sealed partial class PlanStore
{
    /// <summary>
    /// The phrase tier of a query of several plain words: the same words as one phrase (in order,
    /// adjacent), exclusions kept. Null when the query is a single term or uses OR, prefixes or groups.
    /// </summary>
    internal static ParsedQuery? PhraseTier(ParsedQuery parsed)
    {
        if (parsed.Root is not AndNode and || and.Include.Count < 2) return null;
        if (!and.Include.All(n => n is TermNode { Prefix: false })) return null;
        if (!and.Exclude.All(n => n is TermNode)) return null;
        var words = and.Include.Cast<TermNode>().SelectMany(t => t.Exact);
        var text = new StringBuilder("\"").AppendJoin(' ', words).Append('"');
        foreach (TermNode ex in and.Exclude.Cast<TermNode>())
            text.Append(" -\"").AppendJoin(' ', ex.Exact).Append('"').Append(ex.Prefix ? "*" : "");
        try { return ParsedQuery.Parse(text.ToString()); }
        catch (QueryException) { return null; }
    }

    /// <summary>
    /// Ranked search in two tiers: for a query of several plain words, the hits holding them as a
    /// phrase (the wording itself) come first; the remaining hits (words apart or in another order)
    /// follow only when the page needs them, their scores kept below the phrase tier's. FTS5 bm25 costs
    /// per matching row and phrase, so ranking the one-phrase tier is several times cheaper on large
    /// stores where thousands of plans share the wording.
    /// </summary>
    private List<SearchHit> SearchTiered(SearchQuery q, ParsedQuery parsed)
    {
        var tier = PhraseTier(parsed);
        if (tier is null || q.Limit <= 0) return Search(q, parsed);
        int wanted = Math.Max(0, q.Offset) + q.Limit;
        var first = Search(q with { Limit = wanted, Offset = 0 }, tier)
            .Select(h => h with { Snippet = Highlighter.Snippet(h.Text, parsed) }).ToList();
        if (first.Count < wanted)
        {
            var seen = first.Select(h => h.ItemId).ToHashSet();
            double floor = first.Count > 0 ? first.Min(h => h.Score) : double.PositiveInfinity;
            foreach (var h in Search(q with { Limit = wanted + first.Count, Offset = 0 }, parsed))
            {
                if (first.Count >= wanted) break;
                if (seen.Add(h.ItemId)) first.Add(h.Score < floor ? h : h with { Score = Math.BitDecrement(floor) });
            }
        }
        return first.Skip(Math.Max(0, q.Offset)).Take(q.Limit).ToList();
    }
}
