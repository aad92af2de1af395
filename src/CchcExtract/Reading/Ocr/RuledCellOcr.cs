using CchcExtract.Reading.Layout;

namespace CchcExtract.Reading.Ocr;

/// <summary>
/// Tesseract's page layout analysis skips short text boxed between rules (a table's row numbers, "x" marks):
/// it takes them for graphics. Cells of a <see cref="RuledTable"/> that have ink but received no word are cut
/// out of the deskewed page, stacked into one strip image and read in a single extra Tesseract run
/// (<c>--psm 6</c>, a uniform block); each word found goes back to its cell's place on the page.
/// </summary>
public static class RuledCellOcr
{
    /// <summary>Pixels darker than this count as ink in a cell.</summary>
    private const int Ink = 128;

    /// <summary>Words read from the empty-looking cells, in deskewed page coordinates.</summary>
    public static List<PageWord> ReadEmptyCells(string path, RuledTables.Gray page, IReadOnlyList<RuledTable> tables, IReadOnlyList<PageWord> words, string workDir)
    {
        var crops = new List<(int X, int Y, int W, int H)>();
        foreach (var t in tables)
            foreach (var cell in Cells(t))
            {
                if (words.Any(w => (w.Left + w.Right) / 2 is var x && w.MidY is var y && x > cell.Left && x < cell.Right && y > cell.Top && y < cell.Bottom)) continue;
                int inset = 6;
                int x0 = (int)cell.Left + inset, x1 = (int)cell.Right - inset, y0 = (int)cell.Top + inset, y1 = (int)cell.Bottom - inset;
                if (x1 - x0 < 8 || y1 - y0 < 8) continue;
                if (InkBox(page, x0, y0, x1, y1) is not { } box) continue;
                // Keep a margin of white around the ink, inside the cell.
                int m = 10;
                int bx0 = Math.Max(x0, box.X0 - m), by0 = Math.Max(y0, box.Y0 - m), bx1 = Math.Min(x1, box.X1 + m), by1 = Math.Min(y1, box.Y1 + m);
                crops.Add((bx0, by0, bx1 - bx0, by1 - by0));
            }
        if (crops.Count == 0) return [];
        const int gap = 40, margin = 20;
        int width = crops.Max(c => c.W) + 2 * margin;
        int height = crops.Sum(c => c.H + gap) + 2 * margin;
        if ((long)width * height > 60_000_000) return [];
        var strip = new byte[width * height];
        Array.Fill(strip, (byte)255);
        var offsets = new int[crops.Count];
        int yy = margin;
        for (int k = 0; k < crops.Count; k++)
        {
            var c = crops[k];
            offsets[k] = yy;
            for (int r = 0; r < c.H; r++)
                Buffer.BlockCopy(page.Pixels, (c.Y + r) * page.Width + c.X, strip, (yy + r) * width + margin, c.W);
            yy += c.H + gap;
        }
        int pageNo = words.Count > 0 ? words[0].Page : 0;
        var file = Path.Combine(workDir, $"cells-{Guid.NewGuid():N}.pgm");
        RuledTables.WritePgm(new RuledTables.Gray(width, height, strip), file);
        try
        {
            var (_, found, _) = TesseractOcr.Run(path, file, pageNo, psm: 6);
            var result = new List<PageWord>();
            foreach (var f in found)
            {
                var text = f.Text.Trim('|', '_', '[', ']');
                if (text.Length == 0) continue;
                double mid = f.MidY;
                int k = Array.FindLastIndex(offsets, o => o <= mid + gap / 2);
                if (k < 0) continue;
                var c = crops[k];
                double dx = c.X - margin, dy = c.Y - offsets[k];
                result.Add(f with { Text = text, Left = f.Left + dx, Right = f.Right + dx, Top = f.Top + dy, Bottom = f.Bottom + dy, LineKey = 800_000_000 + k * 1000 + f.LineKey % 1000 });
            }
            return result;
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
