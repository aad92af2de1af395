using System.Net;
using System.Text.RegularExpressions;
using CchcExtract.Model;

namespace CchcExtract.Segmentation;

/// <summary>
/// HTML tables as scraped from web portals (<c>&lt;tr&gt;&lt;td&gt;1&lt;/td&gt;&lt;td&gt;…&lt;/td&gt;&lt;/tr&gt;</c>, one row per
/// line) rewritten as the tab-separated rows every reader emits: cells from <c>td</c>/<c>th</c>, a
/// <c>colspan</c> cell followed by its empty slots, entities decoded (<c>&amp;amp;</c>, <c>&amp;nbsp;</c>); line
/// breaks and emphasis inside a cell are kept for the cell cleaner. <c>&lt;table&gt;</c> and similar lines are dropped.
/// </summary>
public static partial class HtmlTables
{
    [GeneratedRegex(@"<t[dh](?<attrs>[^>]*)>(?<cell>.*?)</t[dh]>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex CellRx();

    [GeneratedRegex(@"colspan\s*=\s*""?(?<n>\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex ColspanRx();

    [GeneratedRegex(@"^\s*</?(table|thead|tbody|tfoot|colgroup|col)\b[^>]*>\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex FrameRx();

    /// <summary>True for a line holding one HTML table row.</summary>
    public static bool IsRow(string text) => text.Contains("<tr", StringComparison.OrdinalIgnoreCase) && CellRx().IsMatch(text);

    /// <summary>Returns the lines with HTML table rows converted to tab rows (the same list when there are none).</summary>
    public static IReadOnlyList<SourceLine> ToTabs(IReadOnlyList<SourceLine> lines)
    {
        if (!lines.Any(l => IsRow(l.Text))) return lines;
        var result = new List<SourceLine>(lines.Count);
        foreach (var l in lines)
        {
            if (FrameRx().IsMatch(l.Text)) continue;
            if (!IsRow(l.Text)) { result.Add(l); continue; }
            var cells = new List<string>();
            foreach (Match m in CellRx().Matches(l.Text))
            {
                var text = WebUtility.HtmlDecode(m.Groups["cell"].Value).Replace('\u00a0', ' ').Replace('\t', ' ').Trim();
                int span = ColspanRx().Match(m.Groups["attrs"].Value) is { Success: true } cs ? int.Parse(cs.Groups["n"].Value) : 1;
                // A section row spanning the table ("I. CẢI CÁCH THỂ CHẾ"): its number in the first column, title in the next.
                if (cells.Count == 0 && span > 1 && Markers.Parse(Text.Markup.Strip(text)) is { Kind: MarkerKind.Roman or MarkerKind.Part } section)
                {
                    cells.Add(section.Marker);
                    text = section.Text;
                    span--;
                }
                cells.Add(text);
                for (int k = 1; k < span; k++) cells.Add("");
            }
            result.Add(l with { Text = string.Join("\t", cells) });
        }
        return result;
    }
}
