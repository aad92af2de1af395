using System.Text.RegularExpressions;
using CchcExtract.Model;
using CchcExtract.Text;

namespace CchcExtract.Segmentation;

/// <summary>
/// Task lists written as one block of fields per task instead of a table ("Nhiệm vụ 1:" followed by
/// "- Nội dung: …", "- Đơn vị chủ trì: …", "- Đơn vị phối hợp: …", "- Thời gian hoàn thành: …", "- Sản phẩm: …"),
/// rewritten as the tab-separated rows of a table with those columns, so they become records like any
/// appendix row. A Roman section line among the blocks becomes a section row; a field's wrapped line is
/// joined to it. Each row keeps its "Nhiệm vụ N:" line.
/// </summary>
public static partial class TaskBlocks
{
    [GeneratedRegex(@"^\s*(?:nhiệm\s+vụ|nội\s+dung)\s+(?:số\s+)?(?<n>\d{1,3})\s*[:.]?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex BlockRx();

    [GeneratedRegex(@"^\s*[-+•]\s*(?<label>[^:]{2,40}):\s*(?<value>.*)$")]
    private static partial Regex FieldRx();

    private static readonly string[] Header = ["STT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành", "Sản phẩm"];

    // The column a field label fills, or -1.
    private static int Column(string label)
    {
        var f = VietnameseText.Fold(label).Trim();
        if (f is "noi dung" or "nhiem vu" or "ten nhiem vu") return 1;
        if (f.EndsWith("chu tri")) return 2;
        if (f.EndsWith("phoi hop")) return 3;
        if (f.StartsWith("thoi gian") || f.StartsWith("thoi han")) return 4;
        if (f.StartsWith("san pham") || f.StartsWith("ket qua")) return 5;
        return -1;
    }

    /// <summary>Returns the lines with task blocks converted to tab rows (the same list when there are none).</summary>
    public static IReadOnlyList<SourceLine> ToTabs(IReadOnlyList<SourceLine> lines)
    {
        int first = -1;
        for (int i = 0; i + 1 < lines.Count && first < 0; i++)
            if (BlockRx().IsMatch(lines[i].Text) && FieldRx().Match(lines[i + 1].Text) is { Success: true } f && Column(f.Groups["label"].Value) >= 0) first = i;
        if (first < 0 || lines.Any(l => l.Text.Contains('\t'))) return lines;

        var result = lines.Take(first).ToList();
        // A section heading right above the first block belongs to the table.
        int sectionAbove = result.FindLastIndex(l => l.Text.Trim().Length > 0);
        SourceLine? pendingSection = null;
        if (sectionAbove >= 0 && Markers.Parse(Markers.Clean(result[sectionAbove].Text)).Kind == MarkerKind.Roman)
        {
            pendingSection = result[sectionAbove];
            result.RemoveAt(sectionAbove);
        }
        result.Add(lines[first] with { Text = string.Join("\t", Header) });
        if (pendingSection is not null) result.Add(SectionRow(pendingSection));

        string[]? row = null;
        SourceLine start = lines[first];
        int lastColumn = -1;
        void Flush()
        {
            if (row is not null) result.Add(start with { Text = string.Join("\t", row) });
            row = null;
            lastColumn = -1;
        }
        int i2 = first;
        for (; i2 < lines.Count; i2++)
        {
            var l = lines[i2];
            var t = l.Text.Trim();
            if (t.Length == 0) continue;
            if (BlockRx().Match(t) is { Success: true } b)
            {
                Flush();
                row = [b.Groups["n"].Value, "", "", "", "", ""];
                start = l;
                continue;
            }
            if (row is not null && FieldRx().Match(t) is { Success: true } field && Column(field.Groups["label"].Value) is var k and >= 0)
            {
                var value = field.Groups["value"].Value.Trim();
                row[k] = k == 1 ? value : value.TrimEnd('.', ';').Trim(); // the task keeps its own punctuation
                lastColumn = k;
                continue;
            }
            if (Markers.Parse(Markers.Clean(t)) is { Kind: MarkerKind.Roman })
            {
                Flush();
                result.Add(SectionRow(l));
                continue;
            }
            if (row is not null && lastColumn >= 0 && char.IsLower(t[0]) && Markers.Parse(Markers.Clean(t)).Kind == MarkerKind.None)
            {
                row[lastColumn] = (row[lastColumn] + " " + t).Trim(); // a wrapped field continues in lower case
                continue;
            }
            break;
        }
        Flush();
        result.AddRange(lines.Skip(i2));
        return result;
    }

    private static SourceLine SectionRow(SourceLine l)
    {
        var m = Markers.Parse(Markers.Clean(l.Text));
        return l with { Text = $"{m.Marker}\t{m.Text}\t\t\t\t" };
    }
}
