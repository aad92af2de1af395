using System.Text.RegularExpressions;

namespace CchcExtract.Text;

/// <summary>
/// The light markup that plan texts arrive with (Markdown-ish <c>##</c>, <c>**</c>, <c>*</c> and
/// HTML-ish <c>&lt;b&gt;</c>, <c>&lt;p&gt;</c>, <c>&lt;br&gt;</c>): removed from values, but
/// reported as hints (bold, heading) because it often marks structure.
/// </summary>
public static partial class Markup
{
    [GeneratedRegex(@"</?(b|strong|i|em|u|span|p|br|div)\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"^\s{0,3}#{1,6}\s+")]
    private static partial Regex Heading();

    [GeneratedRegex(@"[ \u00A0]{2,}")]
    private static partial Regex Spaces();

    /// <summary>True when the line is a Markdown heading or fully bold (<c>**…**</c>, <c>&lt;b&gt;…&lt;/b&gt;</c>).</summary>
    public static bool LooksEmphasised(string line)
    {
        var t = line.Trim();
        return Heading().IsMatch(t) || t.StartsWith("**") || t.StartsWith("<b>", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Removes markup and collapses runs of spaces. Paragraph breaks inside a cell
    /// (<c>&lt;/p&gt; &lt;p&gt;</c>, <c>&lt;br&gt;</c>) become <c>"; "</c>-free single spaces.</summary>
    public static string Strip(string text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var t = Heading().Replace(text, "");
        t = HtmlTag().Replace(t, " ");
        t = t.Replace("**", "").Replace("__", "");
        t = StripStars(t);
        t = Spaces().Replace(t, " ");
        return t.Trim();
    }

    /// <summary>Splits a table cell holding several <c>&lt;p&gt;</c> paragraphs into their texts.</summary>
    /// <remarks>A leading list bullet of each paragraph (<c>- </c>, <c>+ </c>, <c>• </c>) is dropped.</remarks>
    public static IReadOnlyList<string> Paragraphs(string cell)
    {
        if (cell.IndexOf("<p>", StringComparison.OrdinalIgnoreCase) < 0 && cell.IndexOf("<br", StringComparison.OrdinalIgnoreCase) < 0)
            return [DropBullet(Strip(cell))];
        return Regex.Split(cell, @"</p>\s*<p>|<br\s*/?>", RegexOptions.IgnoreCase)
            .Select(p => DropBullet(Strip(p))).Where(s => s.Length > 0).ToList();
    }

    private static string DropBullet(string s) =>
        s.Length > 2 && s[0] is '-' or '+' or '•' or '–' && s[1] == ' ' ? s[2..].TrimStart() : s;

    // Single '*' used for italics: drop those that sit at a word boundary, keep multiplication-like uses.
    private static string StripStars(string t)
    {
        if (t.IndexOf('*') < 0) return t;
        // A leading "* " is a bullet, not emphasis: keep it for the marker parser.
        var bullet = t.StartsWith("* ") ? "* " : "";
        if (bullet.Length > 0) t = t[2..];
        return bullet + Regex.Replace(t, @"(?<=^|[\s(])\*+|\*+(?=$|[\s).,;:])", "");
    }
}
