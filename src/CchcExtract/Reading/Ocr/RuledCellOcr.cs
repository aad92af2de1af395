using System.Text.RegularExpressions;
using CchcExtract.Reading.Layout;

namespace CchcExtract.Reading.Ocr;

/// <summary>
/// Tesseract's page layout analysis skips short text boxed between rules (a table's row numbers, "x" marks):
/// it takes them for graphics. Cells of a <see cref="RuledTable"/> that have ink but received no word are cut
/// out of the deskewed page, stacked into one strip image and read in a single extra Tesseract run
/// (<c>--psm 6</c>, a uniform block); each word found goes back to its cell's place on the page.
/// </summary>
public static partial class RuledCellOcr
{
    /// <summary>Pixels darker than this count as ink in a cell.</summary>
    private const int Ink = 128;

    /// <summary>Threshold for the strip image.</summary>
    private const int Binarise = 150;

    [GeneratedRegex(@"^(<b>)?([0-9]{1,3}(\.[0-9]{1,2})*|[IVXLC]{1,5}|[a-zđ])[.)]?(</b>)?$")]
    private static partial Regex NumberLike();

    /// <summary>
    /// The page's words with the cells re-read: cells with ink but no word get the words found there; in a
    /// number column (the first column, narrow, with mostly number-like cells) a cell whose text is not
    /// a plain number is replaced when the re-read gives something number-like. Words are in deskewed page coordinates.
    /// </summary>
    public static List<PageWord> Reread(string path, RuledTables.Gray page, IReadOnlyList<RuledTable> tables, IReadOnlyList<PageWord> words, string workDir)
    {
        var crops = new List<(int X, int Y, int W, int H)>();
        var replace = new List<List<PageWord>?>(); // per crop: the words it would replace (null: an empty cell)
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
                crops.Add((bx0, by0, bx1 - bx0, by1 - by0));
                replace.Add(empty ? null : inCell[k]);
            }
        }
        if (crops.Count == 0) return words.ToList();
        const int gap = 40, margin = 20;
        int width = crops.Max(c => c.W) + 2 * margin;
        int height = crops.Sum(c => c.H + gap) + 2 * margin;
        if ((long)width * height > 60_000_000) return words.ToList();
        var strip = new byte[width * height];
        Array.Fill(strip, (byte)255);
        var offsets = new int[crops.Count];
        int yy = margin;
        for (int k = 0; k < crops.Count; k++)
        {
            var c = crops[k];
            offsets[k] = yy;
            // Binarised: on a small image of a few glyphs, scanner noise throws Tesseract's own thresholding off ("3" read as ",").
            for (int r = 0; r < c.H; r++)
                for (int x = 0; x < c.W; x++)
                    strip[(yy + r) * width + margin + x] = page.Pixels[(c.Y + r) * page.Width + c.X + x] < Binarise ? (byte)0 : (byte)255;
            yy += c.H + gap;
        }
        int pageNo = words.Count > 0 ? words[0].Page : 0;
        var file = Path.Combine(workDir, $"cells-{Guid.NewGuid():N}.pgm");
        RuledTables.WritePgm(new RuledTables.Gray(width, height, strip), file);
        if (Environment.GetEnvironmentVariable("CCHC_DEBUG_CELLS") is { } keep) File.Copy(file, Path.Combine(keep, $"cells-p{(words.Count > 0 ? words[0].Page : 0)}-{Guid.NewGuid():N}.pgm"));
        try
        {
            var (_, found, _) = TesseractOcr.Run(path, file, pageNo, psm: 6);
            var read = crops.Select(_ => new List<PageWord>()).ToList();
            foreach (var f in found)
            {
                var text = f.Text.Trim('|', '_', '[', ']');
                if (text.Length == 0) continue;
                double mid = f.MidY;
                int k = Array.FindLastIndex(offsets, o => o <= mid + gap / 2);
                if (k < 0) continue;
                var c = crops[k];
                double dx = c.X - margin, dy = c.Y - offsets[k];
                read[k].Add(f with { Text = text, Left = f.Left + dx, Right = f.Right + dx, Top = f.Top + dy, Bottom = f.Bottom + dy, LineKey = 800_000_000 + k * 1000 + f.LineKey % 1000 });
            }
            var removed = new HashSet<PageWord>(ReferenceEqualityComparer.Instance);
            var result = new List<PageWord>();
            for (int k = 0; k < crops.Count; k++)
            {
                if (Environment.GetEnvironmentVariable("CCHC_DEBUG_LAYOUT") is not null)
                    Console.Error.WriteLine($"  cell p{pageNo} {crops[k]}: '{(replace[k] is { } o ? string.Join(" ", o.Select(w => w.Text)) : "")}' -> '{string.Join(" ", read[k].Select(w => w.Text))}'");
                if (read[k].Count == 0) continue;
                if (replace[k] is { } old)
                {
                    if (!NumberLike().IsMatch(string.Join(" ", read[k].Select(w => w.Text)))) continue;
                    foreach (var w in old) removed.Add(w);
                }
                result.AddRange(read[k]);
            }
            return words.Where(w => !removed.Contains(w)).Concat(result).ToList();
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
