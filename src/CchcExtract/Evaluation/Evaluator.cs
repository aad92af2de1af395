using System.Text.RegularExpressions;
using CchcExtract.Model;
using CchcExtract.Text;
using FuzzySharp;

namespace CchcExtract.Evaluation;

/// <summary>Precision/recall counts of one field.</summary>
public sealed record FieldScore(string Field, int TruePositives, int FalsePositives, int FalseNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);
    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Sums two scores of the same field.</summary>
    public static FieldScore operator +(FieldScore a, FieldScore b) =>
        new(a.Field, a.TruePositives + b.TruePositives, a.FalsePositives + b.FalsePositives, a.FalseNegatives + b.FalseNegatives);
}

/// <summary>The evaluation of one document against its gold file.</summary>
/// <param name="Document">Document file name.</param>
/// <param name="GoldTasks">Number of gold records.</param>
/// <param name="PredictedTasks">Number of extracted records.</param>
/// <param name="Fields">Per-field scores.</param>
/// <param name="DeadlineNormalisedCorrect">Gold rows whose matched record has the same deadline kind, start and end.</param>
/// <param name="MetadataCorrect">Metadata fields right / checked.</param>
/// <param name="MetadataChecked">Number of metadata fields checked.</param>
/// <param name="Errors">Human-readable mismatches (for --verbose).</param>
public sealed record DocumentScore(string Document, int GoldTasks, int PredictedTasks, IReadOnlyList<FieldScore> Fields,
    int DeadlineNormalisedCorrect, int MetadataCorrect, int MetadataChecked, IReadOnlyList<string> Errors);

/// <summary>
/// Scores extracted records against gold records.
/// </summary>
/// <remarks>
/// Records are paired greedily by task-text similarity (FuzzySharp token-set ratio on folded text,
/// ≥ 60; the same source line breaks ties). Each field is then compared after normalisation
/// (NFC, one tone convention, case, whitespace, trailing punctuation): an equal non-empty pair is a
/// true positive; a predicted value that is wrong or unpaired is a false positive; a gold value that
/// is missing or wrong is a false negative. List fields (support) count element by element.
/// </remarks>
public static class Evaluator
{
    /// <summary>Fields reported, in order.</summary>
    public static readonly string[] FieldNames = ["task", "number", "lead", "lead_canonical", "support", "support_canonical", "deadline", "product", "area"];

    /// <summary>Scores one document.</summary>
    public static DocumentScore Score(GoldFile gold, PlanDocument doc)
    {
        var predicted = doc.Tasks.Select(t => TaskExport.From(doc, t)).ToList();
        var pairs = Pair(gold.Tasks, predicted);
        var errors = new List<string>();
        var scores = FieldNames.ToDictionary(f => f, f => new FieldScore(f, 0, 0, 0));
        int deadlineOk = 0;

        var pairedPred = new HashSet<int>(pairs.Values);
        for (int g = 0; g < gold.Tasks.Count; g++)
        {
            var gt = gold.Tasks[g];
            TaskExport? p = pairs.TryGetValue(g, out var pi) ? predicted[pi] : null;
            if (p is null) errors.Add($"missing: line {gt.Line} «{Short(gt.Task)}»");
            void Single(string field, string? gv, string? pv)
            {
                var s = Compare(gv, pv);
                scores[field] += s;
                if (s.FalsePositives + s.FalseNegatives > 0 && p is not null) errors.Add($"{field} @{gt.Line}: gold «{Short(gv)}» got «{Short(pv)}»");
            }
            void Many(string field, IReadOnlyList<string>? gv, IReadOnlyList<string>? pv)
            {
                var gs = (gv ?? []).Select(Norm).Where(s => s.Length > 0).ToList();
                var ps = (pv ?? []).Select(Norm).Where(s => s.Length > 0).ToList();
                int tp = 0;
                var left = new List<string>(ps);
                foreach (var x in gs) if (left.Remove(x)) tp++;
                scores[field] += new FieldScore(field, tp, ps.Count - tp, gs.Count - tp);
                if ((ps.Count - tp) + (gs.Count - tp) > 0 && p is not null) errors.Add($"{field} @{gt.Line}: gold [{string.Join(" | ", gv ?? [])}] got [{string.Join(" | ", pv ?? [])}]");
            }
            Single("task", gt.Task, p?.Task);
            Single("number", gt.Number, p?.Number);
            Single("lead", gt.Lead, p?.Lead);
            Single("lead_canonical", gt.LeadCanonical, p?.LeadCanonical);
            Many("support", gt.Support, p?.Support);
            Many("support_canonical", gt.SupportCanonical, p?.SupportCanonical);
            Single("deadline", gt.Deadline?.Raw, p?.Deadline.Raw);
            Single("product", gt.Product, p?.Product);
            Single("area", gt.Area, p?.Area);
            if (p is not null && gt.Deadline is { } gd
                && (gd.Kind ?? "unspecified") == p.Deadline.Kind && gd.Start == p.Deadline.Start && gd.End == p.Deadline.End)
                deadlineOk++;
            else if (p is not null && gt.Deadline is { } gd2)
                errors.Add($"deadline-norm @{gt.Line}: gold {gd2.Kind} {gd2.Start}..{gd2.End} got {p.Deadline.Kind} {p.Deadline.Start}..{p.Deadline.End} («{gd2.Raw}»)");
        }
        for (int i = 0; i < predicted.Count; i++)
        {
            if (pairedPred.Contains(i)) continue;
            var p = predicted[i];
            errors.Add($"extra: line {p.Source.Line} «{Short(p.Task)}»");
            scores["task"] += Compare(null, p.Task);
            scores["number"] += Compare(null, p.Number);
            scores["lead"] += Compare(null, p.Lead);
            scores["lead_canonical"] += Compare(null, p.LeadCanonical);
            scores["support"] += new FieldScore("support", 0, p.Support.Count, 0);
            scores["support_canonical"] += new FieldScore("support_canonical", 0, p.SupportCanonical.Count, 0);
            scores["deadline"] += Compare(null, p.Deadline.Raw);
            scores["product"] += Compare(null, p.Product);
            scores["area"] += Compare(null, p.Area);
        }
        var (metaOk, metaChecked) = ScoreMetadata(gold.Metadata, doc.Metadata, errors);
        return new DocumentScore(gold.Document, gold.Tasks.Count, predicted.Count, FieldNames.Select(f => scores[f]).ToList(), deadlineOk, metaOk, metaChecked, errors);
    }

    private static (int Ok, int Checked) ScoreMetadata(GoldMetadata? g, DocumentMetadata m, List<string> errors)
    {
        if (g is null) return (0, 0);
        int ok = 0, n = 0;
        void Check(string name, string? gv, string? pv)
        {
            n++;
            if (Norm(gv) == Norm(pv)) ok++; else errors.Add($"metadata {name}: gold «{gv}» got «{pv}»");
        }
        Check("type", g.Type, m.DocumentType);
        Check("number", g.Number, m.Number);
        Check("issue_date", g.IssueDate, m.IssueDate?.ToString("yyyy-MM-dd"));
        Check("commune", g.Commune, m.Commune);
        Check("unit_level", g.UnitLevel, m.UnitLevel == UnitLevel.Unknown ? null : m.UnitLevel.ToString());
        Check("province", g.Province, m.Province);
        Check("period", g.Period is null ? null : $"{g.Period.Start}..{g.Period.End}", m.Period is null ? null : $"{m.Period.Start:yyyy-MM-dd}..{m.Period.End:yyyy-MM-dd}");
        Check("signer", g.Signer, m.Signer);
        return (ok, n);
    }

    private static FieldScore Compare(string? gold, string? predicted)
    {
        var g = Norm(gold);
        var p = Norm(predicted);
        if (g.Length == 0 && p.Length == 0) return new("", 0, 0, 0);
        if (g == p) return new("", 1, 0, 0);
        return new("", 0, p.Length > 0 ? 1 : 0, g.Length > 0 ? 1 : 0);
    }

    /// <summary>The comparison form of a value: normalised, lower-case, single spaces, no trailing punctuation.</summary>
    public static string Norm(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return "";
        var t = VietnameseText.Normalize(s).ToLowerInvariant().Replace('–', '-');
        t = Regex.Replace(t, @"\s*-\s*", " - ");
        t = Regex.Replace(t, @"\s+", " ").Trim();
        return t.TrimEnd('.', ';', ',', ':').Trim();
    }

    private static Dictionary<int, int> Pair(IReadOnlyList<GoldTask> gold, IReadOnlyList<TaskExport> predicted)
    {
        var candidates = new List<(int G, int P, double Score)>();
        var gf = gold.Select(g => VietnameseText.Fold(g.Task)).ToList();
        var pf = predicted.Select(p => VietnameseText.Fold(p.Task)).ToList();
        for (int g = 0; g < gold.Count; g++)
            for (int p = 0; p < predicted.Count; p++)
            {
                double s = Fuzz.TokenSetRatio(gf[g], pf[p]);
                if (gf[g] == pf[p]) s += 5;
                if (gold[g].Line == predicted[p].Source.Line) s += 3;
                if (s >= 60) candidates.Add((g, p, s));
            }
        var result = new Dictionary<int, int>();
        var usedP = new HashSet<int>();
        foreach (var c in candidates.OrderByDescending(c => c.Score))
        {
            if (result.ContainsKey(c.G) || usedP.Contains(c.P)) continue;
            result[c.G] = c.P;
            usedP.Add(c.P);
        }
        return result;
    }

    private static string Short(string? s) => s is null ? "∅" : s.Length <= 70 ? s : s[..67] + "…";
}
