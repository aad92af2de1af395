using CchcExtract.Text;

namespace CchcExtract.Repair;

/// <summary>Edit-distance alignment of token sequences (source vs OCR, gold vs repaired).</summary>
public static class TokenAligner
{
    /// <summary>Plain Levenshtein distance of two strings.</summary>
    public static int Distance(string a, string b)
    {
        Span<int> prev = stackalloc int[b.Length + 1];
        Span<int> cur = stackalloc int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) prev[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (int j = 1; j <= b.Length; j++)
                cur[j] = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            var t = prev; prev = cur; cur = t;
        }
        return prev[b.Length];
    }

    /// <summary>
    /// Aligns two token sequences. Substitution cost is the accent-free character distance share
    /// (0 for equal tokens), insertion/deletion cost 1. Returns pairs of indexes (-1 for a gap).
    /// </summary>
    public static List<(int A, int B)> Align(IReadOnlyList<string> a, IReadOnlyList<string> b, bool exact = false)
    {
        int n = a.Count, m = b.Count;
        var fa = a.Select(x => VietnameseText.Fold(x)).ToArray();
        var fb = b.Select(x => VietnameseText.Fold(x)).ToArray();
        var d = new float[n + 1, m + 1];
        for (int i = 0; i <= n; i++) d[i, 0] = i;
        for (int j = 0; j <= m; j++) d[0, j] = j;
        for (int i = 1; i <= n; i++)
            for (int j = 1; j <= m; j++)
            {
                float sub = exact ? (a[i - 1] == b[j - 1] ? 0 : fa[i - 1] == fb[j - 1] ? 0.5f : 1.2f)
                    : a[i - 1] == b[j - 1] ? 0 : (float)Distance(fa[i - 1], fb[j - 1]) / Math.Max(fa[i - 1].Length, fb[j - 1].Length) * 1.5f + 0.01f;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + sub);
            }
        var path = new List<(int, int)>();
        int x = n, y = m;
        while (x > 0 || y > 0)
        {
            if (x > 0 && y > 0)
            {
                float sub = exact ? (a[x - 1] == b[y - 1] ? 0 : fa[x - 1] == fb[y - 1] ? 0.5f : 1.2f)
                    : a[x - 1] == b[y - 1] ? 0 : (float)Distance(fa[x - 1], fb[y - 1]) / Math.Max(fa[x - 1].Length, fb[y - 1].Length) * 1.5f + 0.01f;
                if (Math.Abs(d[x, y] - (d[x - 1, y - 1] + sub)) < 1e-4) { path.Add((x - 1, y - 1)); x--; y--; continue; }
            }
            if (x > 0 && Math.Abs(d[x, y] - (d[x - 1, y] + 1)) < 1e-4) { path.Add((x - 1, -1)); x--; continue; }
            path.Add((-1, y - 1)); y--;
        }
        path.Reverse();
        return path;
    }

    /// <summary>Word tokens of a text (words and numbers), for alignment and scoring.</summary>
    public static List<string> Words(string text)
    {
        var list = new List<string>();
        foreach (var t in RepairTokenizer.Tokenize(text))
            if (t.Kind is TokenKind.Word or TokenKind.Number or TokenKind.Code) list.Add(t.Text);
        return list;
    }
}
