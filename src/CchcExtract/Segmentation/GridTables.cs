using System.Text.RegularExpressions;
using CchcExtract.Model;

namespace CchcExtract.Segmentation;

/// <summary>
/// Grid tables drawn with <c>+----+----+</c> borders (Pandoc/Emacs grid tables, console exports) rewritten
/// as the tab-separated rows every reader emits. A row is everything between two borders: its cells wrap
/// over several physical lines, which are joined per column (at the border's <c>+</c> positions) into one
/// row that keeps the first line's number.
/// </summary>
public static partial class GridTables
{
    [GeneratedRegex(@"^\+(?:[-=:]+\+)+$")]
    private static partial Regex BorderRx();

    /// <summary>Returns the lines with grid tables converted to tab rows (the same list when there are none).</summary>
    public static IReadOnlyList<SourceLine> ToTabs(IReadOnlyList<SourceLine> lines)
    {
        if (!lines.Any(l => BorderRx().IsMatch(l.Text.Trim()))) return lines;
        var result = new List<SourceLine>(lines.Count);
        int[]? columns = null; // '+' positions of the last border
        int indent = 0;
        var block = new List<SourceLine>();

        void Flush()
        {
            if (block.Count == 0 || columns is null) { result.AddRange(block); block.Clear(); return; }
            var cells = new List<string>();
            for (int k = 0; k + 1 < columns.Length; k++)
            {
                var parts = block.Select(l => Slice(l.Text, indent + columns[k] + 1, indent + columns[k + 1])).Where(p => p.Length > 0);
                cells.Add(string.Join(' ', parts));
            }
            result.Add(block[0] with { Text = string.Join("\t", cells) });
            block.Clear();
        }

        foreach (var l in lines)
        {
            var t = l.Text.Trim();
            if (BorderRx().IsMatch(t))
            {
                Flush();
                indent = l.Text.IndexOf('+');
                columns = t.Select((c, i) => (c, i)).Where(x => x.c == '+').Select(x => x.i).ToArray();
                continue;
            }
            if (columns is not null && t.StartsWith('|') && t.EndsWith('|')) { block.Add(l); continue; }
            Flush();
            columns = null;
            result.Add(l);
        }
        Flush();
        return result;
    }

    private static string Slice(string line, int from, int to)
    {
        if (from >= line.Length) return "";
        return line[from..Math.Min(to, line.Length)].Trim().Trim('|').Trim();
    }
}
