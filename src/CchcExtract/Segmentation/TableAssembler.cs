using System.Text.RegularExpressions;
using CchcExtract.Model;
using CchcExtract.Text;

namespace CchcExtract.Segmentation;

/// <summary>
/// Rebuilds an appendix table from its tab-separated lines, undoing what page breaks do to it.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>The first row is the header; identical header rows later on (repeated on each page) are dropped
/// and mark a page break.</item>
/// <item>Simple tables (one task per row, no "Hoạt động" column): a row whose number cell is empty
/// continues the row above, cell by cell.</item>
/// <item>Multi-level tables (Mục tiêu → Nhiệm vụ → Hoạt động): in the first row after a page break,
/// a cell starting in lower case continues the same cell of the row above; if the activity cell is a
/// fresh one the rest of the row is a new record.</item>
/// <item>A row shifted to the left (its last value is a deadline followed only by empty cells) is realigned
/// to the right.</item>
/// <item>Roman-numbered rows with only a title are section rows; numbered rows without a task/activity
/// and without agencies or deadline are group headings.</item>
/// </list>
/// Merged (blank) cells are left blank here; extraction decides what inherits.
/// </remarks>
public static partial class TableAssembler
{
    [GeneratedRegex(@"^(?:(?:X{0,1})(?:IX|IV|V?I{0,3})|[A-HĐ])\.?$")]
    private static partial Regex SectionNumberRx();

    /// <summary>Assembles a table from tab lines (blank lines mark page breaks). Null when there is no usable header.</summary>
    public static AppendixTable? Assemble(string file, IReadOnlyList<SourceLine> lines)
    {
        var first = lines.FirstOrDefault(l => !string.IsNullOrWhiteSpace(l.Text));
        if (first is null) return null;
        var header = SplitCells(first.Text).Select(Markup.Strip).ToList();
        var columns = MapColumns(header);
        if (columns is null) return null;
        int n = header.Count;
        columns = InferNumberColumn(columns, lines.Where(l => !ReferenceEquals(l, first) && l.Text.Contains('\t')).Select(l => SplitCells(l.Text)));
        var headerKey = string.Join("|", header.Select(VietnameseText.Fold));
        var rows = new List<(TableRowKind Kind, string[] Cells, SourceLine Line)>();
        bool afterBreak = false;

        int firstIndex = 0;
        while (!ReferenceEquals(lines[firstIndex], first)) firstIndex++;
        foreach (var line in lines.Skip(firstIndex + 1))
        {
            if (string.IsNullOrWhiteSpace(line.Text)) { afterBreak = true; continue; }
            var rawCells = SplitCells(line.Text);
            var cells = Normalise(rawCells, n);
            bool bold = rawCells.Any(Markup.LooksEmphasised);
            if (string.Join("|", cells.Select(VietnameseText.Fold)) == headerKey || IsRepeatedHeader(cells, header)) { afterBreak = true; continue; }
            if (cells.All(c => c.Length == 0) || IsColumnNumberRow(cells)) continue;
            cells = Realign(cells, columns);
            // A sub-row written "- …" in its text cell, number cell blank, with cells of its own beside the text,
            // is a bullet of the row above: say so in the number cell, since cleaning drops the dash from the text.
            if (columns.Number >= 0 && cells[columns.Number].Length == 0 && columns.RecordText >= 0 && columns.RecordText < rawCells.Length
                && Markers.Parse(Markup.Strip(rawCells[columns.RecordText])).Kind is MarkerKind.Dash or MarkerKind.Plus
                && cells.Where((v, k) => k != columns.Number && k != columns.RecordText && v.Length > 0).Any())
                cells[columns.Number] = "-";
            var number = columns.Number >= 0 ? cells[columns.Number] : "";

            cells = JoinSplitTitle(cells, columns);
            if (IsSectionRow(cells, columns, bold)) { rows.Add((TableRowKind.Section, cells, line)); afterBreak = false; continue; }

            var prev = rows.Count > 0 && rows[^1].Kind != TableRowKind.Section ? rows[^1] : default;
            if (prev.Cells is not null)
            {
                if (!columns.IsMultiLevel && number.Length == 0 && IsContinuation(cells, columns, afterBreak))
                {
                    AppendCells(prev.Cells, cells, Enumerable.Range(0, n));
                    afterBreak = false;
                    continue;
                }
                if (columns.IsMultiLevel && afterBreak && number.Length == 0 && ContinueCutOffRow(prev.Cells, cells, columns))
                {
                    afterBreak = false;
                    continue;
                }
            }
            afterBreak = false;
            var kind = IsGroupRow(cells, columns) ? TableRowKind.Group : TableRowKind.Record;
            rows.Add((kind, cells, line));
        }

        MarkParentRows(rows, columns);
        return new AppendixTable(columns,
            rows.Select(r => new TableRow(r.Kind, r.Cells, new SourceRef(file, r.Line.Number, r.Line.Page, r.Line.Box))).ToList(),
            new SourceRef(file, first.Number, first.Page));
    }

    [GeneratedRegex(@"^(\d{1,3}(\.\d{1,2})*\.?|[IVX]{1,5}\.?)$")]
    private static partial Regex RowNumberRx();

    /// <summary>
    /// A first column without a recognised header ("STT" misread by OCR as "SITI") whose filled cells are
    /// mostly row numbers ("1", "1.2", "II") is the number column.
    /// </summary>
    private static TableColumns InferNumberColumn(TableColumns c, IEnumerable<string[]> rows)
    {
        if (c.Number >= 0 || new[] { c.Objective, c.Task, c.Activity, c.Product, c.Lead, c.Support, c.Deadline }.Contains(0)) return c;
        var firsts = rows.Where(r => r.Length >= 3).Select(r => Markup.Strip(r[0]).Trim()).Where(v => v.Length > 0).ToList();
        return firsts.Count >= 3 && firsts.Count(v => RowNumberRx().IsMatch(v)) >= 0.6 * firsts.Count ? c with { Number = 0 } : c;
    }

    /// <summary>
    /// A header repeated on a later page with an OCR slip: a header of four or more cells where every cell
    /// but one matches (folded, at least 80% similar) and the one left over is short or similar too.
    /// </summary>
    private static bool IsRepeatedHeader(string[] cells, IReadOnlyList<string> header)
    {
        if (header.Count < 4 || cells.Length != header.Count) return false;
        int same = 0, named = 0;
        for (int k = 0; k < header.Count; k++)
        {
            string a = VietnameseText.Fold(header[k]).Trim(), b = VietnameseText.Fold(cells[k]).Trim();
            if (a.Length > 0) named++;
            if (a == b || a.Length > 0 && b.Length > 0 && FuzzySharp.Fuzz.Ratio(a, b) >= 80) same++;
        }
        return named >= 4 && same >= header.Count - 1;
    }

    /// <summary>
    /// The first row after a page break in a multi-level table: cells starting in lower case continue
    /// the cut-off cells of the row above (only those left of a fresh activity, when the row starts
    /// one), and so does a lone cell carrying on an unfinished cell above; without a fresh activity, cells the
    /// row above left empty are filled too. The consumed
    /// cells are emptied; true when nothing is left of the row.
    /// </summary>
    private static bool ContinueCutOffRow(string[] above, string[] cells, TableColumns columns)
    {
        int n = cells.Length, act = columns.Activity;
        var continued = Enumerable.Range(0, n).Where(k => k != columns.Number && StartsLower(cells[k])).ToList();
        // A lone cell carrying on an unfinished cell above ("… phát triển" / "Chính quyền số …", "… thực hiện" / "CCHC"):
        // a capital there is a proper noun or an abbreviation, not a new record (which would have agencies or a deadline).
        var filled = Enumerable.Range(0, n).Where(k => k != columns.Number && cells[k].Length > 0).ToList();
        bool lone = continued.Count == 0 && filled.Count == 1 && above[filled[0]].Length > 0 && !above[filled[0]].TrimEnd().EndsWith('.')
            && !new[] { columns.Lead, columns.Support, columns.Deadline, columns.Product }.Contains(filled[0]);
        if (lone) continued = filled;
        if (continued.Count == 0) return false;
        bool freshActivity = !lone && cells[act].Length > 0 && !StartsLower(cells[act]);
        var cont = freshActivity ? continued.Where(k => k < act).ToList() : continued;
        AppendCells(above, cells, cont);
        foreach (var k in cont) cells[k] = "";
        if (!freshActivity)
        {
            var rest = Enumerable.Range(0, n).Where(k => cells[k].Length > 0 && above[k].Length == 0).ToList();
            AppendCells(above, cells, rest);
            foreach (var k in rest) cells[k] = "";
        }
        return cells.All(c => c.Length == 0);
    }

    /// <summary>
    /// A numbered row with no agencies, deadline or product whose next row is numbered beneath it
    /// ("1" followed by "1.1") heads a group of sub-tasks and is not a record itself.
    /// </summary>
    private static void MarkParentRows(List<(TableRowKind Kind, string[] Cells, SourceLine Line)> rows, TableColumns c)
    {
        if (c.Number < 0) return;
        bool Empty(string[] cells, int k) => k < 0 || cells[k].Length == 0;
        for (int i = 0; i + 1 < rows.Count; i++)
        {
            var (kind, cells, _) = rows[i];
            if (kind != TableRowKind.Record) continue;
            var number = cells[c.Number];
            var next = rows[i + 1].Cells[c.Number];
            if (!(Empty(cells, c.Lead) && Empty(cells, c.Support) && Empty(cells, c.Deadline) && Empty(cells, c.Product))) continue;
            bool childNumbered = number.Length > 0 && next.StartsWith(number.TrimEnd('.') + ".", StringComparison.Ordinal);
            bool bulletsFollow = next is "-" or "+" or "•" || next.Length is > 0 and <= 3 && char.IsLower(next[0]) && next.EndsWith(')');
            bool introducesList = c.RecordText >= 0 && cells[c.RecordText].TrimEnd().EndsWith(':');
            if (childNumbered || bulletsFollow && (introducesList || number.Length > 0) || introducesList && next.Length > 0)
                rows[i] = (TableRowKind.Group, cells, rows[i].Line);
        }
    }

    /// <summary>Splits a row on tabs. Cells keep their markup (needed to tell paragraphs apart).</summary>
    public static string[] SplitCells(string line) => line.Split('\t');

    private static string[] Normalise(string[] raw, int n)
    {
        var cells = new string[Math.Max(n, raw.Length)];
        for (int k = 0; k < cells.Length; k++) cells[k] = k < raw.Length ? CleanCell(raw[k]) : "";
        if (cells.Length > n)
        {
            // Extra trailing cells: keep only when non-empty by folding them into the last column.
            var extra = string.Join(" ", cells.Skip(n).Where(c => c.Length > 0));
            cells = cells.Take(n).ToArray();
            if (extra.Length > 0) cells[n - 1] = (cells[n - 1] + " " + extra).Trim();
        }
        return cells;
    }

    /// <summary>Removes markup from a cell; several &lt;p&gt; paragraphs are joined with a space.</summary>
    /// <remarks>Paragraphs (<c>&lt;p&gt;</c>, <c>&lt;br&gt;</c>) are kept apart by a newline, so that a cell
    /// listing one agency per line still splits; text fields flatten it to a space.</remarks>
    public static string CleanCell(string cell) => string.Join("\n", Markup.Paragraphs(cell));

    private static string[] Realign(string[] cells, TableColumns c)
    {
        if (c.Deadline < 0) return cells;
        int lastNonEmpty = Array.FindLastIndex(cells, s => s.Length > 0);
        if (lastNonEmpty < 0 || lastNonEmpty >= c.Deadline) return cells;
        if (!Extraction.DeadlineParser.LooksLikeDeadline(cells[lastNonEmpty])) return cells;
        int shift = c.Deadline - lastNonEmpty;
        var moved = new string[cells.Length];
        Array.Fill(moved, "");
        for (int k = 0; k <= lastNonEmpty; k++)
            if (k != c.Number && k + shift < cells.Length) moved[k + shift] = cells[k];
        if (c.Number >= 0) moved[c.Number] = cells[c.Number];
        return moved;
    }

    private static void AppendCells(string[] target, string[] source, IEnumerable<int> columns)
    {
        foreach (var k in columns)
        {
            var add = source[k];
            if (add.Length == 0) continue;
            var cur = target[k];
            target[k] = cur.Length == 0 ? add : cur.EndsWith('-') && !cur.EndsWith(" -") ? cur + add : cur + " " + add;
        }
    }

    /// <summary>The "(1) (2) (3) …" row some tables print under the header to number their columns.</summary>
    private static bool IsColumnNumberRow(string[] cells) =>
        cells.Count(c => c.Length > 0) >= 3 && cells.All(c => c.Length == 0 || Regex.IsMatch(c, @"^\(?\d{1,2}\)?$"));

    /// <summary>
    /// In a simple table a row with a blank number either continues the row above (after a page
    /// break, or when its text carries on in lower case or is absent) or is a sub-row of a merged
    /// number cell, i.e. a record of its own.
    /// </summary>
    private static bool IsContinuation(string[] cells, TableColumns c, bool afterBreak)
    {
        var text = c.RecordText >= 0 ? cells[c.RecordText] : "";
        return afterBreak || text.Length == 0 || StartsLower(text);
    }

    private static bool StartsLower(string s) => s.Length > 0 && char.IsLower(s[0]);

    /// <summary>
    /// A section title in a cell merged across the row, cut into column pieces by a reader that sees no merge
    /// ("I | CẢI CÁCH THỦ | TỤC HÀNH CHÍNH | | …" from a text PDF): a Roman number followed only by upper-case
    /// pieces in neighbouring columns becomes one title in the first of them.
    /// </summary>
    private static string[] JoinSplitTitle(string[] cells, TableColumns c)
    {
        if (c.Number < 0 || !SectionNumberRx().IsMatch(cells[c.Number])) return cells;
        var filled = Enumerable.Range(0, cells.Length).Where(k => k != c.Number && cells[k].Length > 0).ToList();
        if (filled.Count < 2 || filled[^1] - filled[0] != filled.Count - 1) return cells;
        if (!filled.All(k => cells[k] == cells[k].ToUpperInvariant() && cells[k].Any(char.IsLetter))) return cells;
        var joined = (string[])cells.Clone();
        joined[filled[0]] = string.Join(" ", filled.Select(k => cells[k]));
        foreach (var k in filled.Skip(1)) joined[k] = "";
        return joined;
    }

    /// <summary>A reform-area row: a Roman numeral or capital letter with only a title, or a lone title in capitals.</summary>
    private static bool IsSectionRow(string[] cells, TableColumns c, bool bold)
    {
        var others = cells.Where((v, k) => k != c.Number && v.Length > 0).ToList();
        if (others.Count > 1) return false;
        var num = c.Number >= 0 ? cells[c.Number] : "";
        if (num.Length > 0) return SectionNumberRx().IsMatch(num) || bold && others.Count == 1;
        if (others.Count != 1) return false;
        // An unnumbered title sits in the first text column (or left of it); a lone cell further right ("CCHC" under "Hoạt động"
        // after a page break) is the end of a cut-off cell.
        int firstText = new[] { c.Objective, c.Task, c.Activity }.Where(k => k >= 0).DefaultIfEmpty(0).Min();
        if (Array.FindIndex(cells, v => v.Length > 0) > firstText) return false;
        var title = others[0];
        // A lone title: in capitals, or numbered ("1. Công tác chỉ đạo, điều hành"), or naming a reform area.
        if (title.Length >= 8 && title == title.ToUpperInvariant() && title.Any(char.IsLetter)) return true;
        if (Markers.Parse(title).Kind is MarkerKind.Roman or MarkerKind.Arabic or MarkerKind.Part && title.Length <= 100) return true;
        return title.Length <= 80 && Extraction.AreaClassifier.ClassifyHeading(title) != ReformArea.Other && !StartsLower(title);
    }

    private static bool IsGroupRow(string[] cells, TableColumns c)
    {
        if (c.Number < 0 || cells[c.Number].Length == 0) return false;
        bool Empty(int k) => k < 0 || cells[k].Length == 0;
        return Empty(c.RecordText) && Empty(c.Lead) && Empty(c.Support) && Empty(c.Deadline) && Empty(c.Product);
    }

    /// <summary>Maps header cells to column roles. Null when the header has no task-like column.</summary>
    /// <remarks>Each header cell is classified once, most specific words first, so that
    /// "Thời gian thực hiện" is the deadline and "Cơ quan thực hiện" the lead.</remarks>
    public static TableColumns? MapColumns(IReadOnlyList<string> header)
    {
        int number = -1, objective = -1, task = -1, activity = -1, product = -1, lead = -1, support = -1, deadline = -1, doer = -1, deadlineEnd = -1;
        for (int k = 0; k < header.Count; k++)
        {
            var f = VietnameseText.Fold(header[k]).Trim();
            bool Has(params string[] keys) => keys.Any(f.Contains);
            if (f is "stt" or "tt" or "so tt" or "so thu tu" or "tt." or "stt.") Set(ref number, k);
            else if (Has("phoi hop")) Set(ref support, k);
            else if (Has("chu tri")) Set(ref lead, k);
            else if (Has("thoi gian", "thoi han", "tien do", "han hoan thanh", "moc thoi gian"))
            {
                // "Thời gian bắt đầu | Thời gian kết thúc": the second column ends the span.
                if (deadline >= 0 && Has("ket thuc", "hoan thanh", "den ngay")) Set(ref deadlineEnd, k);
                else Set(ref deadline, k);
            }
            else if (Has("san pham", "ket qua", "hinh thuc van ban")) Set(ref product, k);
            else if (Has("hoat dong")) Set(ref activity, k);
            else if (Has("muc tieu")) Set(ref objective, k);
            else if (Has("nhiem vu", "noi dung", "giai phap", "cong viec", "ten de an", "ten van ban")) Set(ref task, k);
            else if (Has("thuc hien", "co quan", "don vi", "trach nhiem", "soan thao")) Set(ref doer, k);
        }
        if (lead < 0) lead = doer;
        if (task < 0 && activity < 0) return null;
        return new TableColumns(header, number, objective, task, activity, product, lead, support, deadline) { DeadlineEnd = deadlineEnd };

        static void Set(ref int role, int k) { if (role < 0) role = k; }
    }
}
