using System.Globalization;
using System.Text.RegularExpressions;
using CchcExtract.Reading.Layout;

namespace CchcExtract.Reading.Ocr;

/// <summary>
/// OCR with the Tesseract command-line engine and its Vietnamese model (<c>-l vie</c>), keeping word boxes
/// and confidences (TSV output). Skew is corrected on the word boxes (no image preprocessing); when the first
/// pass is poor, Tesseract's orientation detection (<c>--psm 0</c>) decides whether to rotate and re-read.
/// At most <see cref="MaxParallel"/> Tesseract processes run at once in the whole process (one engine per
/// worker, each single-threaded with <c>OMP_THREAD_LIMIT=1</c>).
/// </summary>
public static partial class TesseractOcr
{
    /// <summary>Most Tesseract processes at once (default: the number of cores).</summary>
    public static int MaxParallel { get; } = Math.Max(1, Environment.ProcessorCount);

    private static readonly SemaphoreSlim Slots = new(MaxParallel);

    /// <summary>Resolution told to Tesseract (<c>--dpi</c>): pages are PGM files, which carry none, rendered or
    /// enlarged to about 300 dpi. Without it Tesseract assumes 70 dpi and its layout analysis goes wrong.</summary>
    public const int Dpi = 300;

    /// <summary>Language models passed to <c>-l</c>.</summary>
    public static string Languages { get; set; } = "vie";

    /// <summary>Page segmentation mode: 3 = fully automatic layout (columns and table cells become separate blocks).</summary>
    public static int PageSegMode { get; set; } = 3;

    /// <summary>Straighten skewed word boxes after OCR.</summary>
    public static bool Deskew { get; set; } = true;

    /// <summary>Experimental, off: re-read table number columns Tesseract skipped (see <see cref="RereadNumberColumns"/>).
    /// On the fixtures it recovered some numbers but also added border noise and split words, so it stays off.</summary>
    public static bool RereadNumbers { get; set; }

    /// <summary>Lines whose mean word confidence (<see cref="Model.SourceLine.Confidence"/>) is below this are
    /// doubtful OCR and should go through the repair stage.</summary>
    public const double LowConfidence = 0.8;

    /// <summary>Mean word confidence below which orientation detection is tried.</summary>
    public const double RetryBelow = 0.6;

    /// <summary>OCRs one page image; words get page number <paramref name="page"/>. Word boxes are
    /// deskewed (rotated about the page centre by the median baseline slope of Tesseract's lines),
    /// and table-rule debris ("|", "_") is dropped.</summary>
    /// <remarks>Cells of ruled tables to re-read come back in <c>Cells</c>; pass every page's to
    /// <see cref="RuledCellOcr.Apply"/> once the document's pages are done.</remarks>
    public static (PageSize Page, List<PageWord> Words, List<RuledTable> Tables, List<RuledCellOcr.Crop> Cells) Recognize(string path, string image, int page, string workDir)
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var (size, words, used) = RecognizeUpright(path, image, page, workDir);
        var tOcr = sw.ElapsedMilliseconds;
        words = Clean(words);
        if (RereadNumbers) words.AddRange(RereadNumberColumns(path, used, size, workDir, words));
        var gray = FindRuledTables || Deskew ? RuledTables.ReadPgm(used) : null;
        double angle = 0;
        if (Deskew)
        {
            // The projection of the page's ink (rules and text lines) gives the skew to ±0.02°; Tesseract's baselines
            // are off by up to 0.3° (and mislead on pages of narrow table columns), so they are only the fallback.
            angle = gray is not null ? RuledTables.InkSkew(gray) : SkewAngle(words);
            if (Math.Abs(angle) < 0.002) angle = 0;
            words = Straighten(size, words, angle);
        }
        var tables = new List<RuledTable>();
        var cells = new List<RuledCellOcr.Crop>();
        if (gray is not null && FindRuledTables)
        {
            var tSkew = sw.ElapsedMilliseconds;
            var straight = RuledTables.Deskew(gray, angle);
            tables = RuledTables.Find(straight, page);
            var tFind = sw.ElapsedMilliseconds;
            if (Environment.GetEnvironmentVariable("CCHC_DEBUG_LAYOUT") is not null)
                Console.Error.WriteLine($"page {page}: skew {angle * 180 / Math.PI:0.00}°, ruled tables: {string.Join("; ", tables.Select(t => $"{t.Columns}x{t.Bands} at {t.Left:0},{t.Top:0}-{t.Right:0},{t.Bottom:0}"))}");
            if (tables.Count > 0 && RereadCells) cells = RuledCellOcr.Plan(page, straight, tables, words);
            if (Environment.GetEnvironmentVariable("CCHC_DEBUG_LAYOUT") is not null)
                Console.Error.WriteLine($"page {page} ms: ocr {tOcr}, pgm+skew {tSkew - tOcr}, deskew+find {tFind - tSkew}, plan cells {sw.ElapsedMilliseconds - tFind}");
        }
        return (size, words, tables, cells);
    }

    /// <summary>Find bordered tables on the page image (<see cref="RuledTables"/>); their rows are then built from the grid.</summary>
    public static bool FindRuledTables { get; set; } = true;

    /// <summary>Re-read grid cells of ruled tables that have ink but no word from the page pass, and misread
    /// row numbers (<see cref="RuledCellOcr"/>; one or two extra Tesseract runs per document).</summary>
    public static bool RereadCells { get; set; } = true;

    [GeneratedRegex(@"^[|\[\]{}_~=]+$")]
    private static partial Regex RuleDebris();

    private static List<PageWord> Clean(List<PageWord> words) =>
        QuarterNumerals(SplitAbbreviations(words).Where(w => !RuleDebris().IsMatch(w.Text) && !(w.Text.Length == 1 && !char.IsDigit(w.Text[0]) && "IVX".IndexOf(w.Text[0]) < 0 && w.Confidence < 0.6))
             .Select(w => w.Text.Trim('|', '_') is var t && t != w.Text ? w with { Text = t } : w)
             .Where(w => w.Text.Length > 0).ToList());

    [GeneratedRegex(@"^(?<a>\p{Lu}[\p{Lu}&\-]*\p{Lu})(?<b>\p{Ll}{1,7})(?<p>[.,;:)]?)$")]
    private static partial Regex AbbreviationJoined();

    /// <summary>
    /// The engine runs an abbreviation into the next word when the space is narrow ("HĐND&amp;UBNDxã"): a word of
    /// two or more capitals followed by a short lower-case syllable is split into the two words.
    /// </summary>
    private static List<PageWord> SplitAbbreviations(List<PageWord> words)
    {
        var result = new List<PageWord>(words.Count);
        foreach (var w in words)
        {
            var m = AbbreviationJoined().Match(w.Text);
            if (!m.Success) { result.Add(w); continue; }
            string a = m.Groups["a"].Value, b = m.Groups["b"].Value + m.Groups["p"].Value;
            double cut = w.Left + (w.Right - w.Left) * a.Length / w.Text.Length;
            result.Add(w with { Text = a, Right = cut });
            result.Add(w with { Text = b, Left = cut });
        }
        return result;
    }

    [GeneratedRegex(@"^(II|III|IV)(?=$|[/\-–,.;)])")]
    private static partial Regex RomanQuarter();

    [GeneratedRegex(@"^[234](?=$|[/\-–,.;)])")]
    private static partial Regex ArabicQuarter();

    /// <summary>
    /// "Quý I" comes out as "Quý 1" (a serif I reads as a digit), and "Quý 1" is a valid spelling too: a document
    /// that writes its other quarters in Roman numerals ("Quý II", "Quý IV") and none in digits means "Quý I".
    /// Works on all pages' words at once (engine order within each page).
    /// </summary>
    public static void UnifyQuarterNumerals(IList<List<PageWord>> pages)
    {
        bool IsQuy(PageWord w) => CchcExtract.Text.VietnameseText.Normalize(w.Text).Equals("Quý", StringComparison.OrdinalIgnoreCase);
        foreach (var ws in pages) QuarterNumerals(ws); // again: cell re-reads came after the first pass
        var after = pages.SelectMany(ws => ws.Zip(ws.Skip(1)).Where(p => IsQuy(p.First) && p.First.LineKey == p.Second.LineKey).Select(p => p.Second.Text)).ToList();
        if (Environment.GetEnvironmentVariable("CCHC_DEBUG_LAYOUT") is not null) Console.Error.WriteLine($"quarters: {string.Join(", ", after)}");
        if (!after.Any(t => RomanQuarter().IsMatch(t)) || after.Any(t => ArabicQuarter().IsMatch(t))) return;
        foreach (var ws in pages)
            for (int i = 1; i < ws.Count; i++)
                if (IsQuy(ws[i - 1]) && ws[i - 1].LineKey == ws[i].LineKey && ws[i].Text.Length > 0 && ws[i].Text[0] == '1' && (ws[i].Text.Length == 1 || "/-–,.;)".Contains(ws[i].Text[1])))
                    ws[i] = ws[i] with { Text = "I" + ws[i].Text[1..] };
    }

    [GeneratedRegex(@"^(?<n>[1lIH]{1,4}|[1lI]V)(?=$|[/\-–,.;)])")]
    private static partial Regex MisreadQuarter();

    [GeneratedRegex(@"(?<=\bQuý\s{1,3})(?<n>[lIH]*H[lIH]*|[1l][1lI]+|[1l]V)(?=$|[\s/\-–,.;)])")]
    private static partial Regex MisreadQuarterInText();

    /// <summary>
    /// The same repair on a laid-out line, for numerals whose "Quý" reached the line through another word
    /// list (a cell read again): <c>Quý IH-IV/2025</c> → <c>Quý III-IV/2025</c>, <c>Quý 11</c> → <c>Quý II</c>.
    /// </summary>
    public static string QuarterNumeralsInText(string line) =>
        line.Contains("Quý", StringComparison.Ordinal)
            ? MisreadQuarterInText().Replace(line, m => RomanQuarter(m.Value))
            : line;

    // A misread quarter numeral as Roman: "1V" → IV; 1, l, I count one I and "H" two run together
    // ("IH", "HI" = III); more than three I's cannot be a quarter.
    private static string RomanQuarter(string misread) =>
        misread.EndsWith('V') ? "IV" : new string('I', Math.Min(3, misread.Sum(ch => ch == 'H' ? 2 : 1)));

    /// <summary>
    /// Quarters are written in Roman numerals ("Quý III/2026"), which the engine reads as digits or l's
    /// ("Quý 11/2026", "Quý 1V", "Quý IH"). After "Quý", a run of 1/l/I/H (H being two I's run together; no
    /// quarter 11 exists) or "1V" is the numeral. A lone "1" stays: "Quý 1" is also written with a digit.
    /// </summary>
    private static List<PageWord> QuarterNumerals(List<PageWord> words)
    {
        for (int i = 1; i < words.Count; i++)
        {
            if (words[i - 1].LineKey != words[i].LineKey || !CchcExtract.Text.VietnameseText.Normalize(words[i - 1].Text).Equals("Quý", StringComparison.OrdinalIgnoreCase)) continue;
            var m = MisreadQuarter().Match(words[i].Text);
            if (!m.Success || m.Groups["n"].Value is "1" or "I") continue;
            var n = m.Groups["n"].Value;
            words[i] = words[i] with { Text = RomanQuarter(n) + words[i].Text[m.Length..] };
        }
        return words;
    }

    /// <summary>The skew of the page in radians: median slope of the baselines of Tesseract's own lines.</summary>
    public static double SkewAngle(IReadOnlyList<PageWord> words) => TrySkewAngle(words) ?? 0;

    /// <summary>The skew from Tesseract's lines, or null when there are too few long lines to tell.</summary>
    public static double? TrySkewAngle(IReadOnlyList<PageWord> words)
    {
        var slopes = new List<double>();
        foreach (var g in words.GroupBy(w => w.LineKey))
        {
            var ws = g.OrderBy(w => w.Left).ToList();
            if (ws.Count < 3) continue;
            double dx = ws[^1].Left - ws[0].Left;
            if (dx < 200) continue;
            slopes.Add((ws[^1].Bottom - ws[0].Bottom) / dx);
        }
        if (slopes.Count < 3) return null;
        slopes.Sort();
        return Math.Atan(slopes[slopes.Count / 2]);
    }

    private static List<PageWord> Straighten(PageSize size, List<PageWord> words, double a)
    {
        if (Math.Abs(a) < 0.002) return words;
        double cx = size.Width / 2, cy = size.Height / 2, cos = Math.Cos(-a), sin = Math.Sin(-a);
        return words.Select(w =>
        {
            double mx = (w.Left + w.Right) / 2 - cx, my = (w.Top + w.Bottom) / 2 - cy;
            double nx = mx * cos - my * sin + cx, ny = mx * sin + my * cos + cy;
            double hw = (w.Right - w.Left) / 2, hh = (w.Bottom - w.Top) / 2;
            return w with { Left = nx - hw, Right = nx + hw, Top = ny - hh, Bottom = ny + hh };
        }).ToList();
    }

    /// <summary>
    /// Tesseract's layout analysis often drops a table's narrow number column (short numbers boxed between
    /// rules) as non-text. When a table has nothing in its first column on many lines, or nothing at all in
    /// the 6% of the page width to its left, that strip is re-read as one block (<c>--psm 6</c>): one small extra Tesseract run per such table.
    /// Words found where nothing had been read are added.
    /// </summary>
    private static List<PageWord> RereadNumberColumns(string path, string image, PageSize size, string workDir, List<PageWord> words)
    {
        var added = new List<PageWord>();
        if (size.Width <= 0) return added;
        int n = 0;
        foreach (var t in PageLayout.FindTables(size, words))
        {
            if (Environment.GetEnvironmentVariable("CCHC_DEBUG_LAYOUT") is not null) Console.Error.WriteLine($"ocr table p{size.Page}: {t}");
            double x0, x1;
            bool nothingLeft = !words.Any(o => o.Right < t.Left && o.Right > t.Left - 0.06 * size.Width && o.Bottom > t.Top && o.Top < t.Bottom);
            if (t.EmptyFirstColumn >= Math.Max(2, 0.3 * t.Lines) && t.FirstColumnEnd is { } end)
                (x0, x1) = (Math.Max(0, t.Left - 0.01 * size.Width), end); // number column seen but mostly unread
            else if (nothingLeft && t.Left > 0.04 * size.Width)
                (x0, x1) = (Math.Max(0, t.Left - 0.06 * size.Width), t.Left - 2); // no number column read at all
            else continue;
            if (Environment.GetEnvironmentVariable("CCHC_DEBUG_LAYOUT") is not null) Console.Error.WriteLine($"  reread strip x {x0:0}-{x1:0}");
            if (x1 - x0 < 20) continue;
            int x = (int)x0, w = (int)(x1 - x0), y = (int)Math.Max(0, t.Top - 10), h = (int)(t.Bottom - t.Top + 20);
            var strip = Path.Combine(workDir, $"p{size.Page}-strip{n++}.pgm");
            Magick(path, image, strip, ["-crop", $"{w}x{h}+{x}+{y}", "+repage"]);
            var (_, found, _) = Run(path, strip, size.Page, psm: 6);
            foreach (var f in Clean(found))
            {
                var moved = f with { Left = f.Left + x, Right = f.Right + x, Top = f.Top + y, Bottom = f.Bottom + y, LineKey = 900_000_000 + n * 1000 + f.LineKey % 1000 };
                if (!words.Any(o => o.Left < moved.Right && moved.Left < o.Right && o.Top < moved.Bottom && moved.Top < o.Bottom)) added.Add(moved);
            }
            File.Delete(strip);
        }
        return added;
    }

    /// <summary>The first pass, and a re-read of the page turned upright when it looks sideways; also the image file the words belong to.</summary>
    private static (PageSize Page, List<PageWord> Words, string Image) RecognizeUpright(string path, string image, int page, string workDir)
    {
        var input = image;
        var (size, words, _) = Run(path, input, page);
        if (words.Count < 5 || MeanConfidence(words) < RetryBelow || LooksSideways(words))
        {
            int rotate = DetectRotation(path, input);
            if (rotate != 0)
            {
                var rotated = Path.Combine(workDir, $"p{page}-rot.pgm");
                Magick(path, input, rotated, ["-rotate", rotate.ToString(CultureInfo.InvariantCulture), "+repage"]);
                var (size2, words2, _) = Run(path, rotated, page);
                if (words2.Count > 0 && MeanConfidence(words2) > MeanConfidence(words)) return (size2, words2, rotated);
            }
        }
        return (size, words, input);
    }

    /// <summary>True when most longer words are taller than wide: the page is turned by 90 or 270 degrees
    /// (Tesseract still reads such pages word by word with fair confidence, so confidence alone misses it).</summary>
    public static bool LooksSideways(IReadOnlyCollection<PageWord> words)
    {
        var longer = words.Where(w => w.Text.Length >= 3).ToList();
        return longer.Count >= 5 && longer.Count(w => w.Bottom - w.Top > w.Right - w.Left) > longer.Count / 2;
    }

    /// <summary>Mean confidence of words, 0 when none.</summary>
    public static double MeanConfidence(IReadOnlyCollection<PageWord> words) => words.Count == 0 ? 0 : words.Average(w => w.Confidence);

    internal static (PageSize, List<PageWord>, List<PageWord>) Run(string path, string image, int page, int? psm = null)
    {
        Slots.Wait();
        try
        {
            var r = ExternalTool.Run(path, "tesseract", [image, "stdout", "-l", Languages, "--dpi", Dpi.ToString(CultureInfo.InvariantCulture), "--psm", (psm ?? PageSegMode).ToString(CultureInfo.InvariantCulture), "tsv"], TimeSpan.FromMinutes(5));
            if (r.ExitCode != 0) throw new DocumentReadException(path, $"tesseract failed on page {page}: {FirstLine(r.StdErr)}");
            var (pages, words) = WordTsv.Parse(r.StdOut);
            var skipped = WordTsv.ParseEmpty(r.StdOut);
            var size = pages.FirstOrDefault() ?? new PageSize(1, 0, 0);
            return (size with { Page = page }, words.Select(w => w with { Page = page }).ToList(), skipped);
        }
        finally { Slots.Release(); }
    }

    [GeneratedRegex(@"Rotate:\s*(\d+)")]
    private static partial Regex RotateRx();

    [GeneratedRegex(@"Orientation confidence:\s*([\d.]+)")]
    private static partial Regex OrientConfRx();

    /// <summary>Degrees to rotate the image clockwise to make it upright (0 when unsure).</summary>
    private static int DetectRotation(string path, string image)
    {
        Slots.Wait();
        try
        {
            var r = ExternalTool.Run(path, "tesseract", [image, "stdout", "--dpi", Dpi.ToString(CultureInfo.InvariantCulture), "--psm", "0"], TimeSpan.FromMinutes(2));
            var m = RotateRx().Match(r.StdOut + r.StdErr);
            var c = OrientConfRx().Match(r.StdOut + r.StdErr);
            if (!m.Success || !c.Success) return 0;
            return double.Parse(c.Groups[1].Value, CultureInfo.InvariantCulture) >= 1.0 ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        }
        finally { Slots.Release(); }
    }

    private static void Magick(string path, string input, string output, string[] ops)
    {
        var r = ExternalTool.Run(path, "convert", [input, .. ops, output], TimeSpan.FromMinutes(2));
        if (r.ExitCode != 0 || !File.Exists(output)) throw new DocumentReadException(path, $"cannot read image ({FirstLine(r.StdErr)})");
    }

    private static string FirstLine(string s) => s.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() ?? "";
}
