using System.Text.RegularExpressions;
using CchcExtract.Model;
using CchcExtract.Text;

namespace CchcExtract.Segmentation;

/// <summary>A line's leading numbering marker, if any, and the text after it.</summary>
/// <param name="Kind">Marker kind (None for plain text).</param>
/// <param name="Marker">The number as printed without punctuation: <c>III</c>, <c>1.2</c>, <c>đ</c>; empty for bullets.</param>
/// <param name="Text">The rest of the line, markup removed.</param>
public readonly record struct MarkedLine(MarkerKind Kind, string Marker, string Text)
{
    /// <summary>Nesting rank: smaller ranks contain larger ones (I. ⊃ 1. ⊃ 1.1. ⊃ a) ⊃ - ⊃ +).</summary>
    public int Rank => Kind switch
    {
        MarkerKind.Part => 0,
        MarkerKind.Roman => 1,
        MarkerKind.Arabic => 2,
        MarkerKind.Dotted => 2 + Marker.Count(c => c == '.'),
        MarkerKind.Letter => 6,
        MarkerKind.Dash => 7,
        MarkerKind.Plus => 8,
        _ => 99,
    };
}

/// <summary>Recognises numbering markers at the start of a plan line.</summary>
public static partial class Markers
{
    [GeneratedRegex(@"^(?:Phần\s+|PHẦN\s+)?(?<m>(?:X{0,1})(?:IX|IV|V?I{0,3}))\s*[.:/\-–]\s*(?<t>.*)$")]
    private static partial Regex RomanRx();

    [GeneratedRegex(@"^(?:(?<m>[A-H])\.\s+(?<t>[\p{Lu}].*)|Phần\s+thứ\s+(?<m>nhất|hai|ba|tư|năm|sáu|bảy)\s*[.:]?\s*(?<t>.*)|Phần\s+(?<m>[IVX]{1,4}|\d)\s*(?:[.:\-–]\s*(?<t>.*))?)$", RegexOptions.IgnoreCase)]
    private static partial Regex PartRx();

    [GeneratedRegex(@"^(?<m>\d{1,2}(?:\.\d{1,2})+)\.?(?:\s+(?<t>\S.*))?$")]
    private static partial Regex DottedRx();

    [GeneratedRegex(@"^(?:Điều\s+)?(?<m>\d{1,2})[.)](?:\s+(?<t>\S.*))?$")]
    private static partial Regex ArabicRx();

    // a) b. c/ — the slash form is older typing.
    [GeneratedRegex(@"^(?<m>[a-zđ])(?:\)\s*|\.\s+|/\s*)(?<t>\S.*)$")]
    private static partial Regex LetterRx();

    [GeneratedRegex(@"^(?:[-–—•·]\s*|\*\s+)(?<t>.*)$")]
    private static partial Regex DashRx();

    // "+", and the hollow bullets of a second level ("○", "◦").
    [GeneratedRegex(@"^(?:\+|[○◦])\s*(?<t>.*)$")]
    private static partial Regex PlusRx();

    /// <summary>Parses the marker of an already markup-stripped, trimmed line.</summary>
    public static MarkedLine Parse(string line)
    {
        var t = line.Trim();
        if (t.Length == 0) return new(MarkerKind.None, "", "");
        Match m;
        if ((m = PartRx().Match(t)).Success && (m.Groups["m"].Value.Length > 1 || char.IsUpper(m.Groups["m"].Value[0])))
            return new(MarkerKind.Part, m.Groups["m"].Value, m.Groups["t"].Value.Trim());
        if ((m = RomanRx().Match(t)).Success && m.Groups["m"].Value.Length > 0)
            return new(MarkerKind.Roman, m.Groups["m"].Value, m.Groups["t"].Value.Trim());
        if ((m = DottedRx().Match(t)).Success && !LooksLikeDate(m.Groups["m"].Value))
            return new(MarkerKind.Dotted, m.Groups["m"].Value, m.Groups["t"].Value.Trim());
        if ((m = ArabicRx().Match(t)).Success)
            return new(MarkerKind.Arabic, m.Groups["m"].Value, m.Groups["t"].Value.Trim());
        if ((m = LetterRx().Match(t)).Success)
            return new(MarkerKind.Letter, m.Groups["m"].Value, m.Groups["t"].Value.Trim());
        if ((m = DashRx().Match(t)).Success)
        {
            // "- +" and "- a)" combinations: the inner marker wins.
            var inner = Parse(m.Groups["t"].Value);
            if (inner.Kind is MarkerKind.Plus or MarkerKind.Letter) return inner;
            return new(MarkerKind.Dash, "", m.Groups["t"].Value.Trim());
        }
        if ((m = PlusRx().Match(t)).Success)
            return new(MarkerKind.Plus, "", m.Groups["t"].Value.Trim());
        return new(MarkerKind.None, "", t);
    }

    private static bool LooksLikeDate(string dotted) => dotted.Count(c => c == '.') >= 2 && dotted.Split('.').Last().Length == 4;

    /// <summary>Cleans a raw line for structure detection: markup removed, NFC, trimmed.</summary>
    public static string Clean(string line) => Markup.Strip(line);
}
