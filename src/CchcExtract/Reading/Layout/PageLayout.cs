using System.Text;
using System.Text.RegularExpressions;
using CchcExtract.Model;

namespace CchcExtract.Reading.Layout;

/// <summary>
/// Turns word boxes (from a PDF text layer or OCR) into reader lines: words → physical lines → paragraphs,
/// repeated page headers/footers and page numbers removed, tables rebuilt from geometry (columns from
/// whitespace gaps in the horizontal projection of the table's words, rows from vertical gaps larger than
/// the line pitch, multi-line cells joined), one tab-separated line per table row, a blank line between pages.
/// </summary>
public static partial class PageLayout
{
    private sealed class PhysLine
    {
        public List<PageWord> Words { get; } = [];
        public double Top => Words.Min(w => w.Top);
        /// <summary>Median word top and bottom: robust to diacritics and descenders, used for line pitch.</summary>
        public double Y => Median(Words.Select(w => w.Top)) + Median(Words.Select(w => w.Bottom));
        public double Bottom => Words.Max(w => w.Bottom);
        public double Left => Words.Min(w => w.Left);
        public double Right => Words.Max(w => w.Right);
        public double Height => Median(Words.Select(w => w.Height));
        public int Page => Words[0].Page;
        public string Text => string.Join(' ', Words.Select(w => w.Text));
        public List<List<PageWord>> Segments = [];
        public int ParagraphKey => Words.GroupBy(w => w.LineKey / 1000).OrderByDescending(g => g.Count()).First().Key;
    }

    /// <summary>Lays out the words of all pages.</summary>
    /// <param name="pages">Page sizes.</param>
    /// <param name="words">Words of all pages.</param>
    /// <param name="engineParagraphs">Trust the engine's paragraph ids (<see cref="PageWord.LineKey"/>) to separate
    /// table rows — for OCR, where Tesseract puts each table cell line group in its own paragraph and vertical gaps are noisy.</param>
    /// <param name="ruled">Bordered tables found on page images (<see cref="RuledTables"/>): their words become
    /// table rows by the drawn grid instead of by word geometry.</param>
    public static IReadOnlyList<LayoutLine> Build(IReadOnlyList<PageSize> pages, IReadOnlyList<PageWord> words, bool engineParagraphs = false, IReadOnlyList<RuledTable>? ruled = null)
    {
        var tablesByPage = (ruled ?? []).GroupBy(t => t.Page).ToDictionary(g => g.Key, g => g.OrderBy(t => t.Top).ToList());
        var inTables = new Dictionary<int, List<(RuledTable Table, List<PageWord> Words)>>();
        var byPage = new Dictionary<int, List<PageWord>>();
        foreach (var g in words.Where(w => w.Text.Trim().Length > 0).GroupBy(w => w.Page))
        {
            var free = g.ToList();
            if (tablesByPage.TryGetValue(g.Key, out var ts))
            {
                var inside = ts.Select(t => (t, free.Where(w => t.Contains((w.Left + w.Right) / 2, w.MidY)).ToList())).ToList();
                var taken = inside.SelectMany(x => x.Item2).ToHashSet();
                // Doubtful "words" lying across a rule are the rule read as text (a corner read as "T54").
                var list = inside.Select(x => (x.t, x.Item2.Where(w => !(w.Confidence < 0.6 && x.t.Crosses(w.Left, w.Top, w.Right, w.Bottom))).ToList())).ToList();
                free = free.Where(w => !taken.Contains(w)).ToList();
                inTables[g.Key] = list;
            }
            byPage[g.Key] = free;
        }
        var linesByPage = pages.ToDictionary(p => p.Page, p => GroupLines(byPage.GetValueOrDefault(p.Page) ?? []));
        RemoveHeadersAndFooters(pages, linesByPage);
        var output = new List<LayoutLine>();
        List<double>? lastBounds = null; // columns of the last table, for a table continued on the next page
        foreach (var page in pages)
        {
            var lines = linesByPage[page.Page];
            var grids = inTables.GetValueOrDefault(page.Page)?.Where(t => t.Words.Count > 0).ToList() ?? [];
            if (lines.Count == 0 && grids.Count == 0) continue;
            if (output.Count > 0) output.Add(new LayoutLine("", page.Page, null, 1));
            LayoutPage(page, lines, output, engineParagraphs, ref lastBounds, grids);
        }
        if (engineParagraphs) RepairNumberColumn(output);
        return output;
    }

    private static List<PhysLine> GroupLines(List<PageWord> words)
    {
        var lines = new List<PhysLine>();
        foreach (var w in words.OrderBy(w => w.MidY))
        {
            PhysLine? best = null;
            double bestOverlap = 0;
            for (int i = lines.Count - 1; i >= 0 && i >= lines.Count - 4; i--)
            {
                var l = lines[i];
                double top = l.Words.Average(x => x.Top), bottom = l.Words.Average(x => x.Bottom);
                double overlap = Math.Min(bottom, w.Bottom) - Math.Max(top, w.Top);
                double frac = overlap / Math.Max(1e-6, Math.Min(bottom - top, w.Height));
                if (frac > 0.5 && frac > bestOverlap) { best = l; bestOverlap = frac; }
            }
            if (best is null) { best = new PhysLine(); lines.Add(best); }
            best.Words.Add(w);
        }
        foreach (var l in lines)
        {
            l.Words.Sort((a, b) => a.Left.CompareTo(b.Left));
            double gap = 1.5 * l.Height;
            var seg = new List<PageWord> { l.Words[0] };
            l.Segments.Add(seg);
            for (int i = 1; i < l.Words.Count; i++)
            {
                double g = l.Words[i].Left - l.Words[i - 1].Right;
                bool newBlock = l.Words[i].LineKey / 1000 != l.Words[i - 1].LineKey / 1000 && g > 0.3 * l.Height;
                if (g > gap || newBlock) { seg = []; l.Segments.Add(seg); }
                seg.Add(l.Words[i]);
            }
        }
        lines.Sort((a, b) => a.Top.CompareTo(b.Top));
        return lines;
    }

    [GeneratedRegex(@"^[-–—\s]*(trang|page)?\s*\d{1,4}(\s*/\s*\d{1,4})?[-–—\s]*$", RegexOptions.IgnoreCase)]
    private static partial Regex PageNumber();

    private static void RemoveHeadersAndFooters(IReadOnlyList<PageSize> pages, Dictionary<int, List<PhysLine>> linesByPage)
    {
        static string Key(string s) => Regex.Replace(s.ToLowerInvariant(), @"\d+", "#");
        var counts = new Dictionary<string, int>();
        foreach (var p in pages)
        {
            var seen = new HashSet<string>();
            foreach (var l in linesByPage[p.Page].Where(l => InMargin(l, p)))
                if (seen.Add(Key(l.Text))) counts[Key(l.Text)] = counts.GetValueOrDefault(Key(l.Text)) + 1;
        }
        int pagesWithText = pages.Count(p => linesByPage[p.Page].Count > 0);
        foreach (var p in pages)
            linesByPage[p.Page].RemoveAll(l => InMargin(l, p) &&
                (PageNumber().IsMatch(l.Text) || pagesWithText >= 2 && counts[Key(l.Text)] >= Math.Max(2, (pagesWithText + 1) / 2)
                 || MisreadPageNumber(l)));
    }

    /// <summary>A page number OCR could not read ("27" as "^ˆ"): one short token of very low confidence.</summary>
    private static bool MisreadPageNumber(PhysLine l) =>
        l.Words.Count == 1 && l.Text.Length <= 4 && l.Words[0].Confidence < 0.4;

    /// <summary>A table found on a page: its extent, where its first column ends (null when only one column
    /// was found), how many physical lines it has and how many of them have nothing in the first column.</summary>
    public sealed record TableRegion(int Page, double Left, double Top, double Right, double Bottom, double? FirstColumnEnd, int Lines, int EmptyFirstColumn);

    /// <summary>The tables on one page's words, found as <see cref="Build"/> finds them.</summary>
    public static List<TableRegion> FindTables(PageSize page, IReadOnlyList<PageWord> words)
    {
        var result = new List<TableRegion>();
        var lines = GroupLines(words.Where(w => w.Text.Trim().Length > 0).ToList());
        if (lines.Count == 0) return result;
        double textWidth = Math.Max(1, lines.Max(l => l.Right) - lines.Min(l => l.Left));
        for (int i = 0; i < lines.Count; i++)
        {
            if (lines[i].Segments.Count < 3) continue;
            int end = TableEnd(lines, i, textWidth);
            if (end - i < 2) continue;
            var region = lines.GetRange(i, end - i);
            var bounds = ColumnBounds(region);
            double? first = bounds.Count > 0 ? bounds[0] : null;
            int empty = first is { } f ? region.Count(l => l.Words.All(w => w.Left >= f)) : region.Count;
            result.Add(new TableRegion(page.Page, region.Min(l => l.Left), region.Min(l => l.Top), region.Max(l => l.Right), region.Max(l => l.Bottom), first, region.Count, empty));
            i = end - 1;
        }
        return result;
    }

    private static bool InMargin(PhysLine l, PageSize p) => l.Bottom < p.Height * 0.1 || l.Top > p.Height * 0.9;

    private static void LayoutPage(PageSize page, List<PhysLine> lines, List<LayoutLine> output, bool engineParagraphs, ref List<double>? lastBounds,
        List<(RuledTable Table, List<PageWord> Words)> grids)
    {
        double textLeft = lines.Count > 0 ? lines.Min(l => l.Left) : 0, textRight = lines.Count > 0 ? lines.Max(l => l.Right) : 0;
        double textWidth = Math.Max(1, textRight - textLeft);
        int i = 0;
        var para = new List<PhysLine>();
        void FlushPara()
        {
            if (para.Count == 0) return;
            output.Add(ToLine(para.SelectMany(l => l.Words).ToList(), JoinWrapped(para)));
            para.Clear();
        }
        int g = 0;
        void EmitGridsAbove(double y)
        {
            while (g < grids.Count && grids[g].Table.Top < y)
            {
                FlushPara();
                if (output.Count > 0 && output[^1].Text.Length > 0) output.Add(new LayoutLine("", page.Page, null, 1));
                EmitGrid(grids[g].Table, grids[g].Words, output, engineParagraphs);
                output.Add(new LayoutLine("", page.Page, null, 1));
                g++;
            }
        }
        while (i < lines.Count)
        {
            var l = lines[i];
            EmitGridsAbove(l.Top);
            if (l.Segments.Count >= 3)
            {
                int end = TableEnd(lines, i, textWidth);
                if (end - i >= 2)
                {
                    FlushPara();
                    if (output.Count > 0 && output[^1].Text.Length > 0) output.Add(new LayoutLine("", page.Page, null, 1));
                    // A table at the top of a page continues the previous page's table: when its own first line shows
                    // fewer columns (a header cell or number the OCR missed), keep the previous columns.
                    var inherited = i == 0 && lastBounds is not null ? lastBounds : null;
                    lastBounds = EmitTable(lines.GetRange(i, end - i), output, engineParagraphs, inherited);
                    output.Add(new LayoutLine("", page.Page, null, 1));
                    i = end;
                    continue;
                }
            }
            if (para.Count > 0 && !Continues(para[^1], l, textRight)) FlushPara();
            para.Add(l);
            i++;
        }
        EmitGridsAbove(double.PositiveInfinity);
        FlushPara();
        while (output.Count > 0 && output[^1].Text.Length == 0 && output[^1].Page == page.Page && output.Count > 1 && output[^2].Text.Length == 0) output.RemoveAt(output.Count - 1);
    }

    [GeneratedRegex(@"^([-–•+*]|\d{1,2}(\.\d{1,2})*[.)]|[a-zđ][.)]|[IVXLC]{1,5}\.)\s")]
    private static partial Regex ListMarker();

    /// <summary>True when <paramref name="next"/> is the wrapped continuation of the paragraph ending with <paramref name="prev"/>.</summary>
    private static bool Continues(PhysLine prev, PhysLine next, double textRight)
    {
        double h = Math.Max(prev.Height, 1);
        double gap = (next.Y - prev.Y) / 2;
        if (gap > 1.6 * h || gap <= 0) return false;
        if (prev.Right < textRight - 4 * h) return false; // previous line ended early: hard break
        if (ListMarker().IsMatch(next.Text)) return false;
        return true;
    }

    private static string JoinWrapped(List<PhysLine> lines)
    {
        var sb = new StringBuilder();
        foreach (var l in lines)
        {
            var t = l.Text;
            if (sb.Length > 0)
            {
                if (sb[^1] == '-' && sb.Length > 1 && char.IsLetter(sb[^2]) && t.Length > 0 && char.IsLower(t[0])) sb.Length--; // hyphenated wrap
                else sb.Append(' ');
            }
            sb.Append(t);
        }
        return sb.ToString();
    }

    /// <summary>The index after the last line of the table starting at <paramref name="start"/>.</summary>
    private static int TableEnd(List<PhysLine> lines, int start, double textWidth)
    {
        int end = start + 1;
        while (end < lines.Count)
        {
            var prev = lines[end - 1];
            var l = lines[end];
            double h = Math.Max(prev.Height, 1);
            if (l.Top - prev.Bottom > 3 * h) break;
            if (l.Segments.Count == 1 && l.Right - l.Left > 0.6 * textWidth) break;
            end++;
        }
        return end;
    }

    /// <summary>
    /// One tab-separated line per row band of a ruled table that has text: each word goes to the (merged) cell
    /// its centre falls in, cell text at the cell's top-left slot, the slots it covers blank — the shape the
    /// word-geometry path gives (<see cref="EmitTable"/>), so segmentation treats both alike.
    /// </summary>
    private static void EmitGrid(RuledTable t, List<PageWord> words, List<LayoutLine> output, bool engineParagraphs)
    {
        var byCell = words.GroupBy(w => { var (b, c) = t.Slot((w.Left + w.Right) / 2, w.MidY); return t.Anchor[b * t.Columns + c]; })
            .ToDictionary(x => x.Key, x => x.ToList());
        double h = Median(words.Select(w => w.Height));
        var colRights = new double[t.Columns];
        foreach (var w in words) { int c = t.Slot((w.Left + w.Right) / 2, w.MidY).Column; colRights[c] = Math.Max(colRights[c], w.Right); }
        for (int b = 0; b < t.Bands; b++)
        {
            var cells = new string[t.Columns];
            var rowWords = new List<PageWord>();
            for (int c = 0; c < t.Columns; c++)
            {
                int slot = b * t.Columns + c;
                cells[c] = "";
                if (t.Anchor[slot] != slot || !byCell.TryGetValue(slot, out var ws)) continue;
                rowWords.AddRange(ws);
                cells[c] = CellText(ws, colRights[c], h);
                if (c == 0 && engineParagraphs) cells[c] = CleanNumberCell(cells[c]);
            }
            if (rowWords.Count == 0) continue;
            output.Add(ToLine(rowWords, string.Join('\t', cells)));
        }
    }

    /// <summary>The text of one cell from its words: lines by vertical overlap, paragraphs split where a line ends
    /// well short of the cell's right edge and the next starts with a capital.</summary>
    private static string CellText(List<PageWord> words, double cellRight, double h)
    {
        var lines = new List<List<PageWord>>();
        foreach (var w in words.OrderBy(w => w.MidY))
        {
            var line = lines.LastOrDefault();
            if (line is not null && w.MidY - line.Average(x => x.MidY) < 0.5 * Math.Max(h, 1)) line.Add(w);
            else lines.Add([w]);
        }
        var paras = new List<string>();
        var cur = new StringBuilder();
        PageWord? last = null;
        foreach (var line in lines)
        {
            var ws = line.OrderBy(w => w.Left).ToList();
            if (last is not null)
            {
                bool hard = cellRight - last.Right > (ws[0].Right - ws[0].Left) + 0.5 * h && ws[0].Text.Length > 0 && char.IsUpper(ws[0].Text[0]);
                if (hard) { paras.Add(cur.ToString()); cur.Clear(); }
                else cur.Append(' ');
            }
            cur.Append(string.Join(' ', ws.Select(w => w.Text)));
            last = ws[^1];
        }
        if (cur.Length > 0) paras.Add(cur.ToString());
        return ReaderFiles.JoinCell(paras);
    }

    private static List<double> EmitTable(List<PhysLine> lines, List<LayoutLine> output, bool engineParagraphs, List<double>? inherited)
    {
        var bounds = ColumnBounds(lines);
        if (inherited is not null && bounds.Count < inherited.Count) bounds = inherited;
        int cols = bounds.Count + 1;
        int Col(PageWord w)
        {
            int c = 0;
            while (c < bounds.Count && w.Left >= bounds[c]) c++;
            return c;
        }
        // Line pitch inside cells: the smallest common top-to-top distance.
        var diffs = lines.Zip(lines.Skip(1), (a, b) => (b.Y - a.Y) / 2).Where(d => d > 0).OrderBy(d => d).ToList();
        double h = Median(lines.Select(l => l.Height));
        double pitch = diffs.Count > 0 ? diffs[Math.Min(diffs.Count - 1, diffs.Count / 4)] : h;
        pitch = Math.Max(pitch, 0.8 * h);
        // OCR boxes jitter: split rows more eagerly. A wrongly split row comes out as a continuation row
        // (empty number cell), which segmentation joins back; two rows merged into one could not be undone.
        double factor = engineParagraphs ? 1.06 : 1.12;
        if (Environment.GetEnvironmentVariable("CCHC_DEBUG_LAYOUT") is not null)
            Console.Error.WriteLine($"table: h={h:0.0} pitch={pitch:0.0} diffs={string.Join(",", lines.Zip(lines.Skip(1), (a, b) => ((b.Y - a.Y) / 2).ToString("0")))}");
        // The usable right edge of each column: the furthest any of its words reaches in the table.
        var colRights = new double[cols];
        foreach (var w in lines.SelectMany(l => l.Words)) colRights[Col(w)] = Math.Max(colRights[Col(w)], w.Right);
        var rows = new List<List<PhysLine>>();
        foreach (var l in lines)
        {
            bool newRow = rows.Count == 0 || (l.Y - rows[^1][^1].Y) / 2 > factor * pitch
                || l.Words.Any(w => Col(w) == 0) && rows[^1].Any(r => r.Words.Any(w => Col(w) == 0)) && bounds.Count > 0 && (l.Y - rows[^1][^1].Y) / 2 > 0.6 * pitch && IsNumberLike(l.Words.First(w => Col(w) == 0).Text);
            if (newRow) rows.Add([]);
            rows[^1].Add(l);
        }
        foreach (var row in rows)
        {
            var cells = new string[cols];
            for (int c = 0; c < cols; c++)
            {
                var paras = new List<string>();
                var cur = new StringBuilder();
                PageWord? last = null;
                double colRight = colRights[c];
                foreach (var l in row)
                {
                    var ws = l.Words.Where(w => Col(w) == c).ToList();
                    if (ws.Count == 0) continue;
                    if (last is not null)
                    {
                        // A line that ended well short of the cell's right edge, followed by a capital: a new paragraph.
                        bool hard = colRight - last.Right > (ws[0].Right - ws[0].Left) + 0.5 * h && ws[0].Text.Length > 0 && char.IsUpper(ws[0].Text[0]);
                        if (hard) { paras.Add(cur.ToString()); cur.Clear(); }
                        else cur.Append(' ');
                    }
                    cur.Append(string.Join(' ', ws.Select(w => w.Text)));
                    last = ws[^1];
                }
                if (cur.Length > 0) paras.Add(cur.ToString());
                cells[c] = ReaderFiles.JoinCell(paras);
                if (c == 0 && engineParagraphs) cells[c] = CleanNumberCell(cells[c]);
            }
            var words = row.SelectMany(l => l.Words).ToList();
            output.Add(ToLine(words, string.Join('\t', cells)));
        }
        return bounds;
    }

    [GeneratedRegex(@"^[IVX]{1,5}$")]
    private static partial Regex Roman();

    [GeneratedRegex(@"^<b>(?<n>[^<]{1,6})</b>$")]
    private static partial Regex EmphasisTag();

    /// <summary>
    /// OCR misses or misreads row numbers (a rule touching "7", "II" read as "H"). Using the sequence:
    /// an empty number cell between rows n and n+2 whose task cell starts with a capital (a new task, not a
    /// continuation) becomes n+1; a group row (only its title cell filled) whose number is not a Roman numeral
    /// gets the Roman numeral after the previous group's. (A group row with no number at all is left alone:
    /// it cannot be told from a continued cell that starts with a proper noun.)
    /// </summary>
    private static void RepairNumberColumn(List<LayoutLine> output)
    {
        var rows = output.Select((l, i) => (l, i)).Where(x => x.l.Text.Contains('\t')).ToList();
        int lastRoman = 0;
        for (int k = 0; k < rows.Count; k++)
        {
            var cells = rows[k].l.Text.Split('\t');
            if (cells.Length < 3) continue;
            // Emphasis markup typed into the cell ("<b>II</b>") is kept around the repaired number.
            var tag = EmphasisTag().Match(cells[0]);
            string core = tag.Success ? tag.Groups["n"].Value : cells[0];
            string Set(string v) { cells[0] = tag.Success ? $"<b>{v}</b>" : v; return string.Join('\t', cells); }
            bool group = cells[1].Length > 0 && cells.Skip(2).All(c => c.Length == 0);
            if (Roman().IsMatch(core))
            {
                // "III" read as "II" or "I" (serif I's run together): section numerals go up one at a time.
                int v = RomanValue(core);
                if (group && lastRoman > 0 && core.All(ch => ch == 'I') && v < lastRoman + 1 && v >= lastRoman - 1)
                {
                    lastRoman++;
                    output[rows[k].i] = rows[k].l with { Text = Set(ToRoman(lastRoman)) };
                }
                else lastRoman = v;
                continue;
            }
            bool misread = core.Length is > 0 and <= 4 && !core.Any(char.IsDigit) && lastRoman > 0;
            if (group && misread)
            {
                lastRoman++;
                output[rows[k].i] = rows[k].l with { Text = Set(ToRoman(lastRoman)) };
                continue;
            }
            if (cells[0].Length == 0 && cells[1].Length > 0 && char.IsUpper(cells[1][0]) && cells.Skip(2).Count(c => c.Length > 0) >= 2
                && k > 0 && k + 1 < rows.Count)
            {
                int? prev = Number(rows[k - 1].l.Text), next = null;
                for (int j = k + 1; j < rows.Count && j <= k + 3 && next is null; j++) next = Number(rows[j].l.Text);
                if (prev is { } a && next is { } b && b == a + 2) output[rows[k].i] = rows[k].l with { Text = Set((a + 1).ToString()) };
            }
            // A sub-number misread between its neighbours ("3.2", "34.3", "3.4"): the one between them.
            if (Dotted().Match(core) is { Success: true } && k > 0)
            {
                var before = rows.Take(k).Select(r => Dotted().Match(CoreNumber(r.l.Text))).LastOrDefault(m => m.Success);
                var after = rows.Skip(k + 1).Take(40).Select(r => Dotted().Match(CoreNumber(r.l.Text))).FirstOrDefault(m => m.Success);
                if (before is { } p && after is { } q && p.Groups[1].Value == q.Groups[1].Value
                    && int.Parse(q.Groups[2].Value) == int.Parse(p.Groups[2].Value) + 2)
                {
                    var want = $"{p.Groups[1].Value}.{int.Parse(p.Groups[2].Value) + 1}";
                    if (core != want) output[rows[k].i] = rows[k].l with { Text = Set(want) };
                }
            }
        }
    }

    [GeneratedRegex(@"^(\d{1,2})\.(\d{1,2})$")]
    private static partial Regex Dotted();

    private static string CoreNumber(string row)
    {
        var cell = row.Split('\t')[0];
        var tag = EmphasisTag().Match(cell);
        return tag.Success ? tag.Groups["n"].Value : cell;
    }

    private static int? Number(string row) => int.TryParse(row.Split('\t')[0], out var n) ? n : null;

    private static int RomanValue(string r)
    {
        int total = 0;
        for (int i = 0; i < r.Length; i++)
        {
            int v = r[i] switch { 'I' => 1, 'V' => 5, _ => 10 };
            int next = i + 1 < r.Length ? r[i + 1] switch { 'I' => 1, 'V' => 5, _ => 10 } : 0;
            total += v < next ? -v : v;
        }
        return total;
    }

    private static string ToRoman(int n)
    {
        var sb = new StringBuilder();
        foreach (var (v, t) in new[] { (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I") }) while (n >= v) { sb.Append(t); n -= v; }
        return sb.ToString();
    }

    [GeneratedRegex(@"^[\[\(|lI!]{1,2}(?<n>\d{1,3}(\.\d{1,2})?)[\]|!]?$|^(?<n>\d{1,3}(\.\d{1,2})?)[\]|lI!]$")]
    private static partial Regex RuleStuckToNumber();

    /// <summary>OCR reads a table rule touching a row number as a letter or bracket ("I1", "[18", "19|"): keep the number.</summary>
    private static string CleanNumberCell(string cell)
    {
        if (cell.Length is >= 2 and <= 4 && cell[^1] == '.' && cell[..^1].All(char.IsDigit)) return cell[..^1];
        var m = RuleStuckToNumber().Match(cell);
        return m.Success ? m.Groups["n"].Value : cell;
    }

    private static bool IsNumberLike(string s) => Regex.IsMatch(s, @"^([0-9]{1,3}|[IVXLC]{1,5}|[a-zđ])[.)]?$");

    /// <summary>
    /// Column boundaries. The table's first line (its header, or the first row of a continued table) gives the
    /// columns: between each two of its neighbouring segments the boundary is the widest vertical whitespace
    /// gap in the projection of all the table's words (header centred, body left-aligned: the gap sits between
    /// them), or the midpoint when no clean gap exists. Without usable segments, all projection gaps are used.
    /// </summary>
    private static List<double> ColumnBounds(List<PhysLine> lines)
    {
        var words = lines.Where(l => l.Segments.Count >= 2).SelectMany(l => l.Words).ToList();
        if (words.Count == 0) return [];
        double left = words.Min(w => w.Left), right = words.Max(w => w.Right);
        int n = (int)Math.Ceiling(right - left) + 1;
        var cover = new int[n];
        foreach (var w in words)
            for (int x = (int)(w.Left - left); x < (int)(w.Right - left) && x < n; x++) cover[Math.Max(0, x)]++;
        int allowed = lines.Count >= 10 ? 1 : 0;
        double minGap = 0.3 * Median(lines.Select(l => l.Height));
        var gaps = new List<(double Start, double End)>();
        int xg = 0;
        while (xg < n)
        {
            if (cover[xg] <= allowed)
            {
                int s = xg;
                while (xg < n && cover[xg] <= allowed) xg++;
                if (xg < n && s > 0 && xg - s >= minGap) gaps.Add((left + s, left + xg));
            }
            else xg++;
        }
        var head = lines[0].Segments;
        if (head.Count < 2) return gaps.Select(g => (g.Start + g.End) / 2).ToList();
        var bounds = new List<double>();
        for (int i = 0; i + 1 < head.Count; i++)
        {
            double a = head[i].Max(w => w.Right), b = head[i + 1].Min(w => w.Left);
            var inside = gaps.Select(g => (Start: Math.Max(g.Start, a), End: Math.Min(g.End, b))).Where(g => g.End > g.Start).ToList();
            bounds.Add(inside.Count > 0 ? inside.OrderByDescending(g => g.End - g.Start).Select(g => (g.Start + g.End) / 2).First() : (a + b) / 2);
        }
        return bounds;
    }

    private static LayoutLine ToLine(List<PageWord> words, string text)
    {
        double l = words.Min(w => w.Left), t = words.Min(w => w.Top), r = words.Max(w => w.Right), b = words.Max(w => w.Bottom);
        return new LayoutLine(text, words[0].Page, new BoundingBox(l, t, r - l, b - t), words.Average(w => w.Confidence));
    }

    private static double Median(IEnumerable<double> xs)
    {
        var a = xs.OrderBy(x => x).ToList();
        return a.Count == 0 ? 0 : a[a.Count / 2];
    }
}
