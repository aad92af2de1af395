using CchcExtract.Tests.Support;

namespace CchcExtract.Tests.Reading;

/// <summary>The format fixtures under corpus/formats, made by scripts/make-fixtures.sh from plan sources written for the tests.</summary>
public static class FormatSamples
{
    /// <summary>The plan source (markup described in PlanDocxWriter).</summary>
    public static string Source => File.ReadAllText(Path("plan-hoa-an.src.txt"));

    /// <summary>Path of a fixture.</summary>
    public static string Path(string name) => Shared.Corpus("formats", name);

    /// <summary>A scratch file path with the extension, deleted by the caller.</summary>
    public static string Temp(string ext) => System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"cchc-test-{Guid.NewGuid():N}{ext}");

    /// <summary>Share of expected table cells (row by row, by row key = first two cells) found equal in the actual rows.</summary>
    public static double CellAgreement(IEnumerable<string> expected, IEnumerable<string> actual)
    {
        // Both sides as logical rows: continuation rows (empty first cell) joined into the row before.
        var expRows = expected.Where(l => l.Contains('\t')).Select(l => l.Split('\t')).ToList();
        var header = expRows.Count > 0 ? Norm(string.Join('\t', expRows[0])) : null;
        var exp = JoinContinuations(expRows, header);
        var act = JoinContinuations(actual.Where(l => l.Contains('\t')).Select(l => l.Split('\t')), header);
        int total = 0, same = 0, j = 0;
        foreach (var row in exp)
        {
            // Rows are in order: take the best-matching actual row among the next few.
            string[]? match = null;
            int bestScore = 0, bestK = -1;
            for (int k = j; k < Math.Min(act.Count, j + 4); k++)
            {
                int score = Enumerable.Range(0, Math.Min(row.Length, act[k].Length)).Count(c => Norm(act[k][c]) == Norm(row[c]) && row[c].Length > 0);
                if (score > bestScore) { bestScore = score; bestK = k; }
            }
            // A weak match (one shared agency cell) must not pull the alignment ahead: need half the row's cells.
            if (bestK >= 0 && bestScore >= Math.Max(1, (row.Count(c => c.Length > 0) + 1) / 2)) { match = act[bestK]; j = bestK + 1; }
            for (int c = 0; c < row.Length; c++)
            {
                total++;
                if (match is not null && c < match.Length && Norm(match[c]) == Norm(row[c])) same++;
            }
        }
        return total == 0 ? 0 : (double)same / total;
    }

    /// <summary>Joins continuation rows (empty first cell) into the row before, cell by cell, as segmentation does.</summary>
    public static List<string[]> JoinContinuations(IEnumerable<string[]> rows, string? header = null)
    {
        var result = new List<string[]>();
        bool first = true;
        foreach (var r in rows)
        {
            // The header row (the expected table's first row) repeated on a later page is skipped, so that a
            // row continued across the page still joins.
            var key = Norm(string.Join('\t', r));
            header ??= key;
            if (!first && key == header) continue;
            first = false;
            if (result.Count > 0 && r[0].Trim().Length == 0 && r.Length == result[^1].Length)
            {
                var prev = result[^1];
                for (int c = 0; c < r.Length; c++) if (r[c].Length > 0) prev[c] = (prev[c] + " " + r[c]).Trim();
            }
            else result.Add(r);
        }
        return result;
    }

    /// <summary>Cell comparison key: normalised, markup and spaces collapsed.</summary>
    public static string Norm(string s) =>
        string.Join(' ', CchcExtract.Text.VietnameseText.Normalize(s.Replace("<p>", " ").Replace("</p>", " ")).Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
