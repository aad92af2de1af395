using CchcExtract.Model;
using CchcExtract.Text;

namespace CchcExtract.Segmentation;

/// <summary>
/// Splits a text document into header lines, an outline of body items, appendix tables and the
/// trailer (signature, recipients). Pure: the same input always gives the same output.
/// </summary>
/// <remarks>
/// The header ends at the first Roman-numbered heading (<c>I. MỤC ĐÍCH, YÊU CẦU</c>) or, in a
/// decision, at its first <c>Điều</c>. Wrapped lines are joined onto the item they continue: a line
/// that starts in lower case always continues (even across a blank line, as page breaks leave
/// them); a line after a long item with no closing punctuation continues it too. Runs of
/// tab-separated lines are appendix tables (see <see cref="TableAssembler"/>).
/// </remarks>
public static class Segmenter
{
    /// <summary>Segments <paramref name="doc"/>.</summary>
    public static SegmentedDocument Segment(TextDocument doc)
    {
        var lines = PipeTables.ToTabs(GridTables.ToTabs(LayoutTables.ToTabs(HtmlTables.ToTabs(TaskBlocks.ToTabs(doc.Lines)))));
        var header = new List<SourceLine>();
        var trailer = new List<SourceLine>();
        var items = new List<OutlineItem>();
        var tables = new List<AppendixTable>();
        var stack = new List<(OutlineItem Item, int Rank)>();
        var bulletCounters = new Dictionary<string, int>();
        bool inBody = false, inTrailer = false;
        OutlineItem? last = null;
        var pendingText = new Dictionary<OutlineItem, string>(ReferenceEqualityComparer.Instance);

        for (int i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var text = line.Text;
            if (text.Contains('\t'))
            {
                int j = i;
                var rows = new List<SourceLine>();
                while (j < lines.Count && (lines[j].Text.Contains('\t') || string.IsNullOrWhiteSpace(lines[j].Text)))
                {
                    if (!string.IsNullOrWhiteSpace(lines[j].Text)) rows.Add(lines[j]); else if (rows.Count > 0) rows.Add(lines[j]);
                    j++;
                }
                var table = TableAssembler.Assemble(doc.FileName, rows);
                if (table is not null)
                {
                    tables.Add(table);
                    i = j - 1;
                    last = null;
                    continue;
                }
                // Not a table (e.g. the two-column header block "ỦY BAN NHÂN DÂN <tab> CỘNG HÒA …"):
                // each cell is read as a line of its own, keeping the line number.
                var cellLines = text.Split('\t').Where(c => c.Trim().Length > 0).Select(c => line with { Text = c.Trim() }).ToList();
                if (!inBody) { header.AddRange(cellLines); continue; }
                text = string.Join(" ", cellLines.Select(c => c.Text));
            }
            var clean = Markers.Clean(text);
            if (clean.Length == 0) continue;
            var marked = Markers.Parse(clean);
            var folded = VietnameseText.Fold(clean);

            if (!inBody)
            {
                if (marked.Kind is MarkerKind.Roman or MarkerKind.Part || (marked.Kind == MarkerKind.Arabic && clean.StartsWith("Điều", StringComparison.Ordinal)))
                    inBody = true;
                else { header.Add(line); continue; }
            }
            if (IsTrailerStart(folded)) { inTrailer = true; stack.Clear(); last = null; }
            if (inTrailer)
            {
                // A new document part (the plan issued by a decision, or an appendix heading) ends the trailer.
                if (IsDocumentTypeHeading(folded)) { inTrailer = false; stack.Clear(); header.Add(line); inBody = false; continue; }
                trailer.Add(line);
                continue;
            }
            bool emphasised = Markup.LooksEmphasised(text);
            var src = new SourceRef(doc.FileName, line.Number, line.Page, line.Box);

            if (marked.Kind == MarkerKind.None && last is not null && (pendingText[last].Length == 0 || Continues(pendingText[last], marked.Text, last)))
            {
                pendingText[last] = Join(pendingText[last], marked.Text);
                continue;
            }

            int rank = marked.Rank;
            while (stack.Count > 0 && stack[^1].Rank >= rank) stack.RemoveAt(stack.Count - 1);
            var parent = stack.Count > 0 ? stack[^1].Item : null;
            var parentPath = parent?.Path ?? "";
            string own;
            if (marked.Kind is MarkerKind.Dash or MarkerKind.Plus or MarkerKind.None)
            {
                var key = parentPath + (marked.Kind == MarkerKind.None ? "¶" : "-");
                bulletCounters[key] = bulletCounters.GetValueOrDefault(key) + 1;
                own = (marked.Kind == MarkerKind.None ? "¶" : marked.Kind == MarkerKind.Plus ? "+" : "-") + bulletCounters[key];
            }
            else own = marked.Marker;
            var path = parentPath.Length == 0 ? own : parentPath + "/" + own;
            var item = new OutlineItem(marked.Kind, marked.Marker, marked.Text, path, parentPath, stack.Count + 1, emphasised, src);
            pendingText[item] = marked.Text;
            items.Add(item);
            parent?.Children.Add(item);
            if (marked.Kind != MarkerKind.None) stack.Add((item, rank));
            last = item;
        }

        // Materialise joined texts (records are immutable; children lists are carried over).
        var map = new Dictionary<OutlineItem, OutlineItem>(ReferenceEqualityComparer.Instance);
        foreach (var it in items)
        {
            var copy = it with { Text = pendingText[it], Children = [] };
            map[it] = copy;
        }
        foreach (var it in items) map[it].Children.AddRange(it.Children.Select(c => map[c]));
        return new SegmentedDocument(doc, header, items.Select(i => map[i]).ToList(), tables, trailer);
    }

    private static bool Continues(string previous, string next, OutlineItem prevItem)
    {
        if (next.Length == 0) return false;
        char c = next[0];
        if (char.IsLower(c)) return true;
        if (prevItem.Emphasised && prevItem.Kind != MarkerKind.None) return false;
        var p = previous.TrimEnd();
        if (p.Length < 60) return false;
        char end = p[^1];
        return !(end is '.' or ';' or ':' or '!' or '?' or '…' or ')' or '/');
    }

    private static string Join(string a, string b) => a.Length == 0 ? b : a.EndsWith('-') && !a.EndsWith(" -") ? a + b : a + " " + b;

    private static bool IsTrailerStart(string folded) =>
        folded.StartsWith("noi nhan") || folded.StartsWith("tm. uy ban") || folded.StartsWith("tm uy ban");

    /// <summary>True for a line that is only a document type (<c>KẾ HOẠCH</c>, <c>PHỤ LỤC</c>…), which starts a new part.</summary>
    public static bool IsDocumentTypeHeading(string folded)
    {
        var f = folded.Trim().TrimEnd(':', '.');
        return f is "ke hoach" or "quyet dinh" or "bao cao" or "chuong trinh" or "phu luc" || f.StartsWith("phu luc ") || f.StartsWith("ke hoach ") && f.Length < 90 && !f.Contains(" so ");
    }
}
