using System.Text.RegularExpressions;
using CchcExtract.Model;

namespace CchcExtract.Segmentation;

/// <summary>
/// Markdown pipe tables (<c>| TT | Nhiệm vụ | … |</c>) rewritten as the tab-separated rows every
/// reader emits, so one table assembler serves both. Separator rows (<c>|---|---|</c>) are dropped.
/// </summary>
public static partial class PipeTables
{
    // Alignment colons allowed, any dash count: |:--:|---|--:|
    [GeneratedRegex(@"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)+\|?\s*$")]
    private static partial Regex SeparatorRx();

    /// <summary>True for a line that is a pipe-table row: starts and ends with '|' and has at least two cells.</summary>
    public static bool IsRow(string text)
    {
        var t = text.Trim();
        return t.Length > 2 && t[0] == '|' && t[^1] == '|' && t.Count(c => c == '|') >= 3;
    }

    /// <summary>Returns the lines with pipe rows converted to tab rows (the same list when there are none).</summary>
    public static IReadOnlyList<SourceLine> ToTabs(IReadOnlyList<SourceLine> lines)
    {
        if (!lines.Any(l => IsRow(l.Text))) return lines;
        var result = new List<SourceLine>(lines.Count);
        foreach (var l in lines)
        {
            if (!IsRow(l.Text)) { result.Add(l); continue; }
            if (SeparatorRx().IsMatch(l.Text)) continue;
            var t = l.Text.Trim();
            var cells = t[1..^1].Split('|').Select(c => c.Trim());
            result.Add(l with { Text = string.Join("\t", cells) });
        }
        return result;
    }
}
