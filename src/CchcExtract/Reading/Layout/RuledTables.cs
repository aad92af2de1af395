namespace CchcExtract.Reading.Layout;

/// <summary>
/// A bordered ("ruled") table found on a page image from its drawn lines: column rules at <see cref="Xs"/>,
/// row rules at <see cref="Ys"/> (page units after deskew), so band <c>i</c> (between Ys[i] and Ys[i+1]) and
/// column <c>j</c> (between Xs[j] and Xs[j+1]) form a grid slot. Merged cells (a missing rule between slots)
/// share one anchor slot, the top-left one: <see cref="Anchor"/>[i * columns + j] is the anchor's index.
/// </summary>
public sealed record RuledTable(int Page, IReadOnlyList<double> Xs, IReadOnlyList<double> Ys, IReadOnlyList<int> Anchor)
{
    /// <summary>Number of columns.</summary>
    public int Columns => Xs.Count - 1;
    /// <summary>Number of row bands.</summary>
    public int Bands => Ys.Count - 1;
    /// <summary>Left edge.</summary>
    public double Left => Xs[0];
    /// <summary>Right edge.</summary>
    public double Right => Xs[^1];
    /// <summary>Top edge.</summary>
    public double Top => Ys[0];
    /// <summary>Bottom edge.</summary>
    public double Bottom => Ys[^1];

    /// <summary>True when the point lies inside the table.</summary>
    public bool Contains(double x, double y) => x > Left && x < Right && y > Top && y < Bottom;

    /// <summary>True when a box straddles a drawn rule of the table (by more than <paramref name="margin"/> each
    /// side): the outline, or a rule between two slots that are not one merged cell.</summary>
    public bool Crosses(double left, double top, double right, double bottom, double margin = 3)
    {
        var (band, col) = Slot(Math.Clamp((left + right) / 2, Left + 1, Right - 1), Math.Clamp((top + bottom) / 2, Top + 1, Bottom - 1));
        for (int j = 0; j < Xs.Count; j++)
            if (left + margin < Xs[j] && Xs[j] < right - margin
                && (j == 0 || j == Xs.Count - 1 || Anchor[band * Columns + j - 1] != Anchor[band * Columns + j])) return true;
        for (int i = 0; i < Ys.Count; i++)
            if (top + margin < Ys[i] && Ys[i] < bottom - margin
                && (i == 0 || i == Ys.Count - 1 || Anchor[(i - 1) * Columns + col] != Anchor[i * Columns + col])) return true;
        return false;
    }

    /// <summary>The grid slot (band, column) of a point inside the table.</summary>
    public (int Band, int Column) Slot(double x, double y) => (Index(Ys, y), Index(Xs, x));

    private static int Index(IReadOnlyList<double> edges, double v)
    {
        int i = 0;
        while (i + 2 < edges.Count && v >= edges[i + 1]) i++;
        return i;
    }
}

/// <summary>
/// Finds ruled tables on a greyscale page image: the image is deskewed by the angle the words were
/// straightened by (<see cref="Ocr.TesseractOcr.SkewAngle"/>), then long runs of dark pixels give horizontal and
/// vertical rule segments; segments that touch each other form a table; the distinct rule positions give the
/// grid, and a rule missing across a slot marks a merged cell.
/// </summary>
public static class RuledTables
{
    /// <summary>Pixels darker than this count as ink.</summary>
    public const int DarkBelow = 170;

    /// <summary>A greyscale bitmap, one byte per pixel, row-major.</summary>
    public sealed record Gray(int Width, int Height, byte[] Pixels);

    /// <summary>Reads a binary greyscale PGM (P5, 8 bit) as written by pdftoppm and ImageMagick.</summary>
    public static Gray? ReadPgm(string path)
    {
        var d = File.ReadAllBytes(path);
        int pos = 0;
        string Token()
        {
            while (pos < d.Length)
            {
                if (d[pos] == '#') { while (pos < d.Length && d[pos] != '\n') pos++; }
                else if (char.IsWhiteSpace((char)d[pos])) pos++;
                else break;
            }
            int s = pos;
            while (pos < d.Length && !char.IsWhiteSpace((char)d[pos])) pos++;
            return System.Text.Encoding.ASCII.GetString(d, s, pos - s);
        }
        if (Token() != "P5") return null;
        if (!int.TryParse(Token(), out var w) || !int.TryParse(Token(), out var h) || !int.TryParse(Token(), out var max) || max > 255) return null;
        pos++; // single whitespace after maxval
        if (d.Length - pos < (long)w * h) return null;
        var px = new byte[w * h];
        Buffer.BlockCopy(d, pos, px, 0, w * h);
        return new Gray(w, h, px);
    }

    /// <summary>Writes a greyscale bitmap as binary PGM.</summary>
    public static void WritePgm(Gray g, string path)
    {
        using var f = File.Create(path);
        var head = System.Text.Encoding.ASCII.GetBytes($"P5\n{g.Width} {g.Height}\n255\n");
        f.Write(head);
        f.Write(g.Pixels);
    }

    /// <summary>The image rotated by <c>-angle</c> about its centre (the same turn <see cref="Ocr.TesseractOcr"/> applies to word boxes).</summary>
    public static Gray Deskew(Gray g, double angle)
    {
        if (Math.Abs(angle) < 1e-4) return g;
        int w = g.Width, h = g.Height;
        var dst = new byte[w * h];
        double cos = Math.Cos(angle), sin = Math.Sin(angle), cx = w / 2.0, cy = h / 2.0;
        var src = g.Pixels;
        Parallel.For(0, h, y =>
        {
            double ny = y - cy;
            // source = R(angle) · (x - cx, y - cy) + centre, linear in x
            double sx = -cx * cos - ny * sin + cx, sy = -cx * sin + ny * cos + cy;
            int row = y * w;
            for (int x = 0; x < w; x++, sx += cos, sy += sin)
            {
                int ix = (int)(sx + 0.5), iy = (int)(sy + 0.5);
                dst[row + x] = (uint)ix < (uint)w && (uint)iy < (uint)h ? src[iy * w + ix] : (byte)255;
            }
        });
        return new Gray(w, h, dst);
    }

    /// <summary>
    /// The skew of a page image in radians (same sign as <see cref="Ocr.TesseractOcr.SkewAngle"/>): the angle
    /// whose projection of the ink onto the vertical axis is sharpest (rules and text lines become narrow peaks),
    /// searched within ±3° in 0.2° steps, then refined in 0.02° steps.
    /// </summary>
    public static double InkSkew(Gray g)
    {
        var pts = new List<(int X, int Y)>();
        for (int y = 0; y < g.Height; y++)
        {
            int row = y * g.Width;
            for (int x = 0; x < g.Width; x += 3)
                if (g.Pixels[row + x] < DarkBelow) pts.Add((x, y));
        }
        if (pts.Count < 100) return 0;
        int pad = (int)(g.Width * 0.06) + 2;
        var bins = new int[g.Height + 2 * pad];
        double Sharpness(double deg)
        {
            Array.Clear(bins);
            double t = Math.Tan(deg * Math.PI / 180);
            foreach (var (x, y) in pts)
            {
                int b = (int)(y - x * t) + pad;
                if ((uint)b < (uint)bins.Length) bins[b]++;
            }
            double s = 0;
            foreach (var c in bins) s += (double)c * c;
            return s;
        }
        double best = 0, bestS = double.MinValue;
        for (double d = -3; d <= 3.001; d += 0.2) { var s = Sharpness(d); if (s > bestS) (best, bestS) = (d, s); }
        double centre = best;
        for (double d = centre - 0.2; d <= centre + 0.2001; d += 0.02) { var s = Sharpness(d); if (s > bestS) (best, bestS) = (d, s); }
        return best * Math.PI / 180;
    }

    private sealed record Segment(double Pos, double From, double To)
    {
        public double Length => To - From;
    }

    /// <summary>The ruled tables of a deskewed page image (at least <paramref name="minColumns"/> columns and one band).</summary>
    public static List<RuledTable> Find(Gray g, int page, int minColumns = 3)
    {
        int w = g.Width, h = g.Height;
        int scale = Math.Max(w, h);
        int minH = Math.Max(40, scale / 40), minV = Math.Max(30, scale / 50);
        const int maxGap = 2;
        var px = g.Pixels;
        // Horizontal runs, row by row.
        var hRuns = new List<(int Y, int X0, int X1)>();
        for (int y = 0; y < h; y++)
        {
            int row = y * w, start = -1, end = -1;
            for (int x = 0; x <= w; x++)
            {
                bool dark = x < w && px[row + x] < DarkBelow;
                if (dark)
                {
                    if (start < 0) start = x;
                    end = x;
                }
                else if (start >= 0 && x - end > maxGap)
                {
                    if (end - start + 1 >= minH) hRuns.Add((y, start, end));
                    start = -1;
                }
            }
        }
        // Vertical runs, all columns at once.
        var vRuns = new List<(int X, int Y0, int Y1)>();
        var vs = new int[w];
        var ve = new int[w];
        Array.Fill(vs, -1);
        for (int y = 0; y <= h; y++)
        {
            int row = y * w;
            for (int x = 0; x < w; x++)
            {
                bool dark = y < h && px[row + x] < DarkBelow;
                if (dark)
                {
                    if (vs[x] < 0) vs[x] = y;
                    ve[x] = y;
                }
                else if (vs[x] >= 0 && y - ve[x] > maxGap)
                {
                    if (ve[x] - vs[x] + 1 >= minV) vRuns.Add((x, vs[x], ve[x]));
                    vs[x] = -1;
                }
            }
        }
        var hSegs = Merge(hRuns.Select(r => (r.Y, r.X0, r.X1)).ToList(), minH);
        var vSegs = Merge(vRuns.Select(r => (r.X, r.Y0, r.Y1)).ToList(), minV);
        return Assemble(hSegs, vSegs, page, minColumns, scale);
    }

    /// <summary>Joins runs on neighbouring pixel rows (or columns) that touch into one rule segment.</summary>
    private static List<Segment> Merge(List<(int Pos, int From, int To)> runs, int minLength)
    {
        var open = new List<(double SumPos, int N, int LastPos, int From, int To)>();
        var done = new List<Segment>();
        foreach (var r in runs.OrderBy(r => r.Pos).ThenBy(r => r.From))
        {
            int hit = -1;
            for (int k = 0; k < open.Count; k++)
            {
                var o = open[k];
                if (r.Pos - o.LastPos <= 3 && r.From <= o.To + 15 && r.To >= o.From - 15) { hit = k; break; }
            }
            if (hit < 0) open.Add((r.Pos, 1, r.Pos, r.From, r.To));
            else
            {
                var o = open[hit];
                open[hit] = (o.SumPos + r.Pos, o.N + 1, r.Pos, Math.Min(o.From, r.From), Math.Max(o.To, r.To));
            }
            // Close segments left behind.
            for (int k = open.Count - 1; k >= 0; k--)
                if (r.Pos - open[k].LastPos > 3)
                {
                    var o = open[k];
                    if (o.To - o.From + 1 >= minLength) done.Add(new Segment(o.SumPos / o.N, o.From, o.To + 1));
                    open.RemoveAt(k);
                }
        }
        foreach (var o in open)
            if (o.To - o.From + 1 >= minLength) done.Add(new Segment(o.SumPos / o.N, o.From, o.To + 1));
        return done;
    }

    private static List<RuledTable> Assemble(List<Segment> hs, List<Segment> vs, int page, int minColumns, int scale)
    {
        double tol = Math.Max(8, scale / 300.0);
        // Union-find over all segments: a horizontal and a vertical one that touch belong to one table.
        int n = hs.Count + vs.Count;
        var parent = Enumerable.Range(0, n).ToArray();
        int Find(int a) { while (parent[a] != a) a = parent[a] = parent[parent[a]]; return a; }
        for (int i = 0; i < hs.Count; i++)
            for (int j = 0; j < vs.Count; j++)
            {
                var a = hs[i]; var b = vs[j];
                if (b.Pos >= a.From - tol && b.Pos <= a.To + tol && a.Pos >= b.From - tol && a.Pos <= b.To + tol)
                    parent[Find(i)] = Find(hs.Count + j);
            }
        var tables = new List<RuledTable>();
        foreach (var group in Enumerable.Range(0, n).GroupBy(Find))
        {
            var gh = group.Where(k => k < hs.Count).Select(k => hs[k]).ToList();
            var gv = group.Where(k => k >= hs.Count).Select(k => vs[k - hs.Count]).ToList();
            if (gh.Count < 2 || gv.Count < minColumns + 1) continue;
            var xs = Cluster(gv, tol);
            var ys = Cluster(gh, tol);
            if (xs.Count < minColumns + 1 || ys.Count < 2) continue;
            int cols = xs.Count - 1, bands = ys.Count - 1;
            // Rule presence between slots: a rule covers at least half of the slot's side.
            bool Covered(List<Segment> segs, double pos, double from, double to) =>
                segs.Where(s => Math.Abs(s.Pos - pos) <= tol).Sum(s => Math.Max(0, Math.Min(s.To, to) - Math.Max(s.From, from))) >= 0.5 * (to - from);
            var parentCell = Enumerable.Range(0, cols * bands).ToArray();
            int FindCell(int a) { while (parentCell[a] != a) a = parentCell[a] = parentCell[parentCell[a]]; return a; }
            void Join(int a, int b) { int ra = FindCell(a), rb = FindCell(b); if (ra != rb) parentCell[Math.Max(ra, rb)] = Math.Min(ra, rb); }
            for (int i = 0; i < bands; i++)
                for (int j = 0; j < cols; j++)
                {
                    if (j + 1 < cols && !Covered(gv, xs[j + 1], ys[i], ys[i + 1])) Join(i * cols + j, i * cols + j + 1);
                    if (i + 1 < bands && !Covered(gh, ys[i + 1], xs[j], xs[j + 1])) Join(i * cols + j, (i + 1) * cols + j);
                }
            var anchor = Enumerable.Range(0, cols * bands).Select(FindCell).ToList();
            tables.Add(new RuledTable(page, xs, ys, anchor));
        }
        return tables.OrderBy(t => t.Top).ToList();
    }

    /// <summary>Distinct rule positions: segment positions within <paramref name="tol"/> of each other are one rule (length-weighted mean).</summary>
    private static List<double> Cluster(List<Segment> segs, double tol)
    {
        var result = new List<double>();
        double sum = 0, weight = 0, last = double.NegativeInfinity;
        foreach (var s in segs.OrderBy(s => s.Pos))
        {
            if (weight > 0 && s.Pos - last > tol) { result.Add(sum / weight); sum = weight = 0; }
            sum += s.Pos * s.Length; weight += s.Length; last = s.Pos;
        }
        if (weight > 0) result.Add(sum / weight);
        return result;
    }
}
