using CchcExtract.Model;
using CchcExtract.Text;
using Microsoft.Data.Sqlite;

namespace CchcExtract.Storage;

public sealed partial class PlanStore
{
    /// <summary>
    /// Full-text search over tasks and paragraphs, best first. Accent-insensitive (đ = d); a match
    /// with the query's exact accents scores higher than a folded-only one.
    /// </summary>
    /// <exception cref="QueryException">The query is malformed or a filter value is invalid.</exception>
    public IReadOnlyList<SearchHit> Search(SearchQuery q)
    {
        var parsed = ParsedQuery.Parse(q.Text);
        return SearchTiered(q, parsed);
    }

    private List<SearchHit> Search(SearchQuery q, ParsedQuery parsed)
    {
        if (q.Limit <= 0) return [];
        using var cmd = Command("");
        var filters = Filters(q, cmd);
        BindRanked(cmd, parsed, q.Limit, q.Offset);
        cmd.CommandText = RankedTop(filters) + """

            SELECT i.id, i.task_id, i.paragraph_id, -top.score,
                d.file_name, d.commune, d.province,
                t.section_path, t.number, t.text, t.deadline_raw, t.deadline_kind, t.deadline_start, t.deadline_end, t.area,
                t.source_file, t.source_line, t.source_page,
                p.section_path, p.text, p.source_file, p.source_line, p.source_page,
                la.printed, la.canonical
            FROM top
            JOIN items i ON i.id = top.item
            JOIN documents d ON d.id = i.document_id
            LEFT JOIN tasks t ON t.id = i.task_id
            LEFT JOIN paragraphs p ON p.id = i.paragraph_id
            LEFT JOIN agencies la ON la.id = i.lead_agency_id
            ORDER BY top.score, top.item
            """;
        return RunQuery(cmd, q.Text, r =>
        {
            var hits = new List<SearchHit>();
            while (r.Read())
            {
                bool isTask = !r.IsDBNull(1);
                string text = isTask ? r.GetString(9) : r.GetString(19);
                hits.Add(new SearchHit
                {
                    ItemId = r.GetInt64(0),
                    Kind = isTask ? HitKind.Task : HitKind.Paragraph,
                    TaskId = isTask ? r.GetInt64(1) : null,
                    Score = r.GetDouble(3),
                    Document = r.GetString(4),
                    Commune = r.IsDBNull(5) ? null : r.GetString(5),
                    Province = r.IsDBNull(6) ? null : r.GetString(6),
                    Section = isTask ? r.GetString(7) : r.GetString(18),
                    Number = isTask ? r.GetString(8) : null,
                    Text = text,
                    Deadline = isTask
                        ? new Deadline(r.GetString(10), Codec.Enum<DeadlineKind>(r.GetString(11)), Codec.Date(r.GetValue(12)), Codec.Date(r.GetValue(13)))
                        : null,
                    Area = isTask ? Codec.Area(r.GetString(14)) : null,
                    Source = isTask
                        ? new SourceRef(r.GetString(15), r.GetInt32(16), Codec.Int(r.GetValue(17)))
                        : new SourceRef(r.GetString(20), r.GetInt32(21), Codec.Int(r.GetValue(22))),
                    Lead = r.IsDBNull(23) ? null : r.GetString(23),
                    LeadCanonical = r.IsDBNull(24) ? null : r.GetString(24),
                    Snippet = Highlighter.Snippet(text, parsed),
                });
            }
            return hits;
        });
    }

    /// <summary>
    /// "Which communes committed to X?": task hits grouped by commune, best commune first; each commune
    /// lists up to <paramref name="tasksPerCommune"/> of its matching tasks, near-duplicate wordings
    /// collapsed (<see cref="TaskGrouping"/>). <see cref="SearchQuery.Limit"/> caps the number of communes;
    /// up to <paramref name="candidates"/> task hits are considered.
    /// </summary>
    public IReadOnlyList<CommuneMatch> Communes(SearchQuery q, int tasksPerCommune = 3, int candidates = 5000) =>
        CommunesRanked(q, tasksPerCommune, candidates);

    /// <summary>
    /// Commitments across communes: task hits grouped into near-duplicate wordings
    /// (<see cref="TaskGrouping"/>), best group first; each group lists every commune's own wording.
    /// <see cref="SearchQuery.Limit"/> caps the number of groups.
    /// </summary>
    public IReadOnlyList<TaskGroup> Commitments(SearchQuery q, int candidates = 5000, int threshold = TaskGrouping.DefaultThreshold)
    {
        var parsed = ParsedQuery.Parse(q.Text);
        var hits = Search(q with { Scope = SearchScope.Tasks, Limit = candidates, Offset = 0 }, parsed);
        return TaskGrouping.Group(hits, threshold).Skip(Math.Max(0, q.Offset)).Take(q.Limit).ToList();
    }

    /// <summary>Index terms close to <paramref name="word"/> (accent-free), most frequent first — for "did you mean".</summary>
    public IReadOnlyList<string> SimilarTerms(string word, int max = 5, int minScore = 80)
    {
        var f = VietnameseText.Fold(word.Trim());
        if (f.Length < 2) return [];
        using var cmd = Command("SELECT term, doc FROM search_vocab WHERE term >= $lo AND term < $hi");
        // Candidates share the first letter: keeps the scan small on large vocabularies.
        cmd.Parameters.AddWithValue("$lo", f[..1]);
        cmd.Parameters.AddWithValue("$hi", f[..1] + "\uffff");
        var scored = new List<(string Term, int Score, long Docs)>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var term = r.GetString(0);
            if (term == f || term != VietnameseText.Fold(term)) continue; // folded vocabulary only
            int s = FuzzySharp.Fuzz.Ratio(f, term);
            if (s >= minScore) scored.Add((term, s, r.GetInt64(1)));
        }
        return scored.OrderByDescending(x => x.Score).ThenByDescending(x => x.Docs).Take(max).Select(x => x.Term).ToList();
    }
}
