using CchcExtract.Text;
using FuzzySharp;

namespace CchcExtract.Storage;

/// <summary>Near-duplicate task wordings (usually one commitment copied from a template), best hit first.</summary>
/// <param name="Members">The hits, best first; <see cref="Best"/> is the group's representative.</param>
public sealed record TaskGroup(IReadOnlyList<SearchHit> Members)
{
    /// <summary>The best-scoring member; the others were compared against it.</summary>
    public SearchHit Best => Members[0];

    /// <summary>Distinct communes in the group, in member order.</summary>
    public IReadOnlyList<string> Communes =>
        Members.Select(m => m.Commune ?? m.Document).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}

/// <summary>
/// Groups near-duplicate task wordings: greedy leader clustering in score order — each hit joins the
/// most similar existing group whose leader it matches with FuzzySharp token-set ratio ≥ threshold on
/// folded text, else starts a new group. Pure; reused by <see cref="PlanStore.Communes"/> and
/// <see cref="PlanStore.Commitments"/>.
/// </summary>
public static class TaskGrouping
{
    /// <summary>Token-set ratio (0–100) at or above which two wordings count as the same commitment.</summary>
    public const int DefaultThreshold = 85;

    /// <summary>Similarity of two task wordings (0–100), accent- and case-insensitive.</summary>
    public static int Similarity(string a, string b) => Fuzz.TokenSetRatio(VietnameseText.Fold(a), VietnameseText.Fold(b));

    /// <summary>
    /// Groups <paramref name="hits"/> (any order) into near-duplicate groups, best group first.
    /// With <paramref name="maxGroups"/>, stops once that many groups exist and every later hit would
    /// only join or start groups after them (callers that show the top groups only).
    /// </summary>
    public static IReadOnlyList<TaskGroup> Group(IEnumerable<SearchHit> hits, int threshold = DefaultThreshold, int maxGroups = int.MaxValue)
    {
        var leaders = new List<(string Folded, List<SearchHit> Members)>();
        var byText = new Dictionary<string, int>(StringComparer.Ordinal); // identical wordings: no fuzzy call
        foreach (var h in hits.OrderByDescending(h => h.Score))
        {
            var f = VietnameseText.Fold(h.Text).Trim();
            if (byText.TryGetValue(f, out var same))
            {
                leaders[same].Members.Add(h);
                continue;
            }
            int best = -1, bestScore = -1;
            for (int i = 0; i < leaders.Count; i++)
            {
                int s = Fuzz.TokenSetRatio(f, leaders[i].Folded);
                if (s >= threshold && s > bestScore) { best = i; bestScore = s; }
            }
            if (best >= 0)
            {
                leaders[best].Members.Add(h);
                byText[f] = best;
            }
            else
            {
                if (leaders.Count >= maxGroups) break;
                byText[f] = leaders.Count;
                leaders.Add((f, [h]));
            }
        }
        return leaders.Select(l => new TaskGroup(l.Members)).ToList();
    }
}
