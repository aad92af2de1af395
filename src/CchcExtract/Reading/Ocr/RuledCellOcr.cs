using System.Text.RegularExpressions;
using CchcExtract.Reading.Layout;

namespace CchcExtract.Reading.Ocr;

/// <summary>
/// Tesseract's page layout analysis skips short text boxed between rules (a table's row numbers, "x" marks):
/// it takes them for graphics, and misreads row numbers it keeps. Such cells of a <see cref="RuledTable"/> are
/// cut out of the deskewed page (<see cref="Plan"/>), stacked into strip images for the whole document and read
/// in one or two extra Tesseract runs (<c>--psm 6</c>, a uniform block; <see cref="Apply"/>); each word found
/// goes back to its cell's place on its page.
/// </summary>
public static partial class RuledCellOcr
{
    /// <summary>Pixels darker than this count as ink in a cell.</summary>
    private const int Ink = 128;

    /// <summary>Threshold for the strip image.</summary>
    private const int Binarise = 150;

    [GeneratedRegex(@"^(<b>)?([0-9]{1,3}(\.[0-9]{1,2})*|[IVXLC]{1,5}|[a-zđ])[.)]?(</b>)?$")]
    private static partial Regex NumberLike();

    /// <summary>One cell cut out for re-reading: its place on the page, its binarised pixels, and the page-pass
    /// words it would replace (null for a cell where nothing was read).</summary>
    public sealed record Crop(int Page, int X, int Y, int W, int H, byte[] Pixels, IReadOnlyList<PageWord>? Replaces);

    /// <summary>
    /// The cells of one page to re-read: cells with ink but no word, and in a number column (the first column,
    /// narrow, with mostly short cells) every cell that is not a plain number. Pixels are cut from the deskewed
    /// page and binarised (on a small image of a few glyphs, scanner noise throws Tesseract's own thresholding
    /// off: "3" read as ",").
    /// </summary>
    public static List<Crop> Plan(int pageNo, RuledTables.Gray page, IReadOnlyList<RuledTable> tables, IReadOnlyList<PageWord> words)
    {
        var crops = new List<Crop>();
        static bool Inside(PageWord w, (double Left, double Top, double Right, double Bottom) c) =>
            (w.Left + w.Right) / 2 is var x && w.MidY is var y && x > c.Left && x < c.Right && y > c.Top && y < c.Bottom;
        foreach (var t in tables)
        {
            var cells = Cells(t).ToList();
            var inCell = cells.Select(c => words.Where(w => Inside(w, c)).OrderBy(w => w.MidY).ThenBy(w => w.Left).ToList()).ToList();
            string Text(int k) => string.Join(" ", inCell[k].Select(w => w.Text));
            // The number column: first column, narrow, at least half of its filled cells below the header short or number-like.
            var firstCol = cells.Select((c, k) => (c, k)).Where(x => x.c.Left <= t.Xs[0] + 1 && x.c.Right <= t.Xs[1] + 1 && x.c.Top > t.Ys[0] + 1).Select(x => x.k).ToList();
            var filled = firstCol.Where(k => inCell[k].Count > 0).ToList();
            bool numberColumn = t.Xs[1] - t.Xs[0] <= 0.15 * (t.Right - t.Left) && filled.Count > 0
                && filled.Count(k => NumberLike().IsMatch(Text(k)) || Text(k).Length <= 5) >= 0.5 * filled.Count;
            for (int k = 0; k < cells.Count; k++)
            {
                var cell = cells[k];
                bool empty = inCell[k].Count == 0;
                // Row numbers are re-read even when they look like one: the page pass reads "3.3" as "c".
                bool badNumber = !empty && numberColumn && firstCol.Contains(k) && !Text(k).Trim().All(char.IsDigit);
                if (!empty && !badNumber) continue;
                int inset = 6;
                int x0 = (int)cell.Left + inset, x1 = (int)cell.Right - inset, y0 = (int)cell.Top + inset, y1 = (int)cell.Bottom - inset;
                if (x1 - x0 < 8 || y1 - y0 < 8) continue;
                if (InkBox(page, x0, y0, x1, y1) is not { } box) continue;
                // Keep a margin of white around the ink, inside the cell.
                int m = 10;
                int bx0 = Math.Max(x0, box.X0 - m), by0 = Math.Max(y0, box.Y0 - m), bx1 = Math.Min(x1, box.X1 + m), by1 = Math.Min(y1, box.Y1 + m);
                int w = bx1 - bx0, h = by1 - by0;
                var px = new byte[w * h];
                for (int r = 0; r < h; r++)
                    for (int x = 0; x < w; x++)
                        px[r * w + x] = page.Pixels[(by0 + r) * page.Width + bx0 + x] < Binarise ? (byte)0 : (byte)255;
                crops.Add(new Crop(pageNo, bx0, by0, w, h, px, empty ? null : inCell[k]));
            }
        }
        return crops;
    }

    /// <summary>
    /// Reads the planned cells of a whole document, stacked into strip images (one Tesseract run each, two
    /// strips run side by side), and returns each page's words with the results merged in: a re-read empty
    /// cell adds its words; a re-read number replaces the page-pass words when it is number-like.
    /// </summary>
    public static List<PageWord>[] Apply(string path, IReadOnlyList<List<PageWord>> pageWords, IReadOnlyList<List<Crop>> plans, string workDir)
    {
        var all = plans.SelectMany((p, i) => p.Select(c => (Index: i, Crop: c))).ToList();
        var result = pageWords.Select(w => w.ToList()).ToArray();
        if (all.Count == 0) return result;
        var read = new List<PageWord>[all.Count];
        // Two strips (both cores), each of whole crops in document order.
        int half = (all.Count + 1) / 2;
        var parts = all.Count >= 8 ? new[] { (0, half), (half, all.Count) } : new[] { (0, all.Count) };
        Parallel.ForEach(parts, part => ReadStrip(path, all, part.Item1, part.Item2, read, workDir));
        var removed = new HashSet<PageWord>(ReferenceEqualityComparer.Instance);
        for (int k = 0; k < all.Count; k++)
        {
            var (i, c) = all[k];
            var got = read[k] ?? [];
            if (Environment.GetEnvironmentVariable("CCHC_DEBUG_LAYOUT") is not null)
                Console.Error.WriteLine($"  cell p{c.Page} ({c.X},{c.Y} {c.W}x{c.H}): '{(c.Replaces is { } o ? string.Join(" ", o.Select(w => w.Text)) : "")}' -> '{string.Join(" ", got.Select(w => w.Text))}'");
            if (got.Count == 0) continue;
            if (c.Replaces is { } old)
            {
                if (!NumberLike().IsMatch(string.Join(" ", got.Select(w => w.Text)))) continue;
                foreach (var w in old) removed.Add(w);
            }
            result[i].AddRange(got);
        }
        return result.Select(ws => removed.Count == 0 ? ws : ws.Where(w => !removed.Contains(w)).ToList()).ToArray();
    }

    private static void ReadStrip(string path, List<(int Index, Crop Crop)> all, int from, int to, List<PageWord>[] read, string workDir)
    {
        const int gap = 80, margin = 20;
        var crops = all.Skip(from).Take(to - from).Select(x => x.Crop).ToList();
        int width = crops.Max(c => c.W) + 2 * margin;
        long height = crops.Sum(c => (long)c.H + gap) + 2 * margin;
        if (width * height > 200_000_000) return;
        var strip = new byte[width * height];
        Array.Fill(strip, (byte)255);
        var offsets = new int[crops.Count];
        int yy = margin;
        for (int k = 0; k < crops.Count; k++)
        {
            var c = crops[k];
            offsets[k] = yy;
            for (int r = 0; r < c.H; r++) Buffer.BlockCopy(c.Pixels, r * c.W, strip, (yy + r) * width + margin, c.W);
            yy += c.H + gap;
        }
        var file = Path.Combine(workDir, $"cells-{Guid.NewGuid():N}.pgm");
        RuledTables.WritePgm(new RuledTables.Gray(width, (int)height, strip), file);
        if (Environment.GetEnvironmentVariable("CCHC_DEBUG_CELLS") is { } keep) File.Copy(file, Path.Combine(keep, Path.GetFileName(file)));
        try
        {
            var (_, found, _) = TesseractOcr.Run(path, file, 0, psm: 6);
            foreach (var f in found)
            {
                var text = f.Text.Trim('|', '_', '[', ']');
                if (text.Length == 0) continue;
                double mid = f.MidY;
                int k = Array.FindLastIndex(offsets, o => o <= mid + gap / 2);
                if (k < 0) continue;
                var c = crops[k];
                double dx = c.X - margin, dy = c.Y - offsets[k];
                (read[from + k] ??= []).Add(f with { Page = c.Page, Text = text, Left = f.Left + dx, Right = f.Right + dx, Top = f.Top + dy, Bottom = f.Bottom + dy, LineKey = 800_000_000 + (from + k) * 1000 + f.LineKey % 1000 });
            }
        }
        finally { File.Delete(file); }
    }

    /// <summary>The merged cells of a table (union of their grid slots), each once.</summary>
    public static IEnumerable<(double Left, double Top, double Right, double Bottom)> Cells(RuledTable t)
    {
        var boxes = new Dictionary<int, (double L, double T, double R, double B)>();
        for (int i = 0; i < t.Bands; i++)
            for (int j = 0; j < t.Columns; j++)
            {
                int a = t.Anchor[i * t.Columns + j];
                var s = (L: t.Xs[j], T: t.Ys[i], R: t.Xs[j + 1], B: t.Ys[i + 1]);
                boxes[a] = boxes.TryGetValue(a, out var b) ? (Math.Min(b.L, s.L), Math.Min(b.T, s.T), Math.Max(b.R, s.R), Math.Max(b.B, s.B)) : s;
            }
        return boxes.Values;
    }

    /// <summary>The box of the ink inside a rectangle, or null when there is too little ink to be text.</summary>
    private static (int X0, int Y0, int X1, int Y1)? InkBox(RuledTables.Gray g, int x0, int y0, int x1, int y1)
    {
        int count = 0, bx0 = int.MaxValue, by0 = int.MaxValue, bx1 = -1, by1 = -1;
        for (int y = Math.Max(0, y0); y < Math.Min(g.Height, y1); y++)
        {
            int row = y * g.Width;
            for (int x = Math.Max(0, x0); x < Math.Min(g.Width, x1); x++)
                if (g.Pixels[row + x] < Ink)
                {
                    count++;
                    if (x < bx0) bx0 = x;
                    if (x > bx1) bx1 = x;
                    if (y < by0) by0 = y;
                    if (y > by1) by1 = y;
                }
        }
        if (count < 40 || bx1 - bx0 < 6 || by1 - by0 < 12) return null;
        return (bx0, by0, bx1 + 1, by1 + 1);
    }
}
