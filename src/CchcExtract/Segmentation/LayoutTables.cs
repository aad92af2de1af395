using System.Text.RegularExpressions;
using CchcExtract.Model;
using CchcExtract.Text;

namespace CchcExtract.Segmentation;

/// <summary>
/// Tables laid out with spaces only, as <c>pdftotext -layout</c> and old OCR text print them:
/// columns start where the header's words start, a cell wraps onto the following lines at the same
/// position, a row starts where the number column (STT) has a value. Rewritten as the tab-separated
/// rows every reader emits (one row per logical row, keeping its first line's number); a header row
/// wrapped over two lines (<c>Cơ quan</c> / <c>chủ trì</c>) is joined, page-number lines are dropped.
/// </summary>
public static partial class LayoutTables
{
    [GeneratedRegex(@"^[IVX]{1,5}\.?$")]
    private static partial Regex RomanRx();

    [GeneratedRegex(@"\S+(?: \S+)*")]
    private static partial Regex ChunkRx();

    private readonly record struct Chunk(int Start, int End, string Text);

    private static List<Chunk> Chunks(string line) =>
        ChunkRx().Matches(line.Replace('\f', ' ')).Select(m => new Chunk(m.Index, m.Index + m.Length, m.Value)).ToList();

    /// <summary>Returns the lines with space-aligned tables converted to tab rows (the same list when there are none).</summary>
    public static IReadOnlyList<SourceLine> ToTabs(IReadOnlyList<SourceLine> lines)
    {
        if (lines.Any(l => l.Text.Contains('\t'))) return lines; // already cell-separated
        var result = new List<SourceLine>(lines.Count);
        bool any = false;
        for (int i = 0; i < lines.Count;)
        {
            var header = Chunks(lines[i].Text);
            if (header.Count >= 4 && TableAssembler.MapColumns(header.Select(c => c.Text).ToList()) is { Number: 0 })
            {
                any = true;
                i = Convert(lines, i, header, result);
                continue;
            }
            result.Add(lines[i]);
            i++;
        }
        return any ? result : lines;
    }

    // Converts the table whose header is at lines[start]; returns the index after the table.
    private static int Convert(IReadOnlyList<SourceLine> lines, int start, List<Chunk> header, List<SourceLine> output)
    {
        var starts = header.Select(c => c.Start).ToArray();
        var headerCells = header.Select(c => c.Text).ToArray();
        int ColumnOf(Chunk c)
        {
            int k = 0;
            while (k + 1 < starts.Length && c.Start >= starts[k + 1] - 2) k++;
            return k;
        }
        bool Fits(List<Chunk> chunks) => chunks.All(c =>
        {
            int k = ColumnOf(c);
            return k + 1 >= starts.Length || c.End <= starts[k + 1] + 1;
        });

        int i = start + 1;
        // A header wrapped over a second line: its pieces sit under header columns.
        if (i < lines.Count && Chunks(lines[i].Text) is { Count: > 0 } more && Fits(more) && !StartsRow(more, starts))
        {
            foreach (var c in more) headerCells[ColumnOf(c)] += " " + c.Text;
            i++;
        }
        output.Add(lines[start] with { Text = string.Join("\t", headerCells) });
        var headerKey = VietnameseText.Fold(string.Join(" ", headerCells));

        string[]? row = null;
        SourceLine first = lines[start];
        bool afterRepeat = false;
        void Flush()
        {
            if (row is not null) output.Add(first with { Text = string.Join("\t", row) });
            row = null;
        }
        for (; i < lines.Count; i++)
        {
            var chunks = Chunks(lines[i].Text);
            if (chunks.Count == 0) continue;
            if (chunks.Count == 1 && chunks[0].Text.All(char.IsDigit) && chunks[0].Start > starts[^1] / 3) continue; // page number
            var joined = VietnameseText.Fold(string.Join(" ", chunks.Select(c => c.Text)));
            if (headerKey.StartsWith(joined, StringComparison.Ordinal) || joined.StartsWith(VietnameseText.Fold(header[0].Text) + " " + VietnameseText.Fold(header[1].Text), StringComparison.Ordinal))
            {
                Flush();
                afterRepeat = true;
                continue; // the header repeated after a page break
            }
            if (afterRepeat && !StartsRow(chunks, starts) && chunks.All(c => headerKey.Contains(VietnameseText.Fold(c.Text), StringComparison.Ordinal)))
                continue; // ... and its wrapped second line
            afterRepeat = false;
            // A section row ("VII   XÂY DỰNG, PHÁT TRIỂN …") may run across the columns.
            bool sectionRow = chunks.Count == 2 && StartsRow(chunks, starts) && RomanRx().IsMatch(chunks[0].Text);
            if (!sectionRow && !Fits(chunks)) break;
            if (StartsRow(chunks, starts) || row is null)
            {
                Flush();
                row = new string[starts.Length];
                Array.Fill(row, "");
                first = lines[i];
            }
            foreach (var c in chunks)
            {
                int k = ColumnOf(c);
                row[k] = row[k].Length == 0 ? c.Text : row[k] + " " + c.Text;
            }
        }
        Flush();
        return i;
    }

    // A new row: something in the number column.
    private static bool StartsRow(List<Chunk> chunks, int[] starts) => chunks[0].Start < starts[1] - 2;
}
