using System.Text;
using CchcExtract.Text;

namespace CchcExtract.Storage;

/// <summary>A span of marked text: <see cref="Start"/> and <see cref="Length"/> in UTF-16 units.</summary>
public readonly record struct TextSpan(int Start, int Length);

/// <summary>
/// Text with the parts that matched a query marked. Kept structured so each front end escapes and
/// marks it its own way (terminal markup, HTML, <c>**bold**</c> in JSON).
/// </summary>
public sealed record HighlightedText(string Text, IReadOnlyList<TextSpan> Marks)
{
    /// <summary>The text with each mark wrapped in <paramref name="open"/>/<paramref name="close"/>;
    /// <paramref name="escape"/> is applied to every piece of document text (e.g. HTML-encode).</summary>
    public string Render(string open = "**", string close = "**", Func<string, string>? escape = null)
    {
        escape ??= s => s;
        var sb = new StringBuilder(Text.Length + Marks.Count * (open.Length + close.Length));
        int pos = 0;
        foreach (var m in Marks)
        {
            sb.Append(escape(Text[pos..m.Start])).Append(open).Append(escape(Text.Substring(m.Start, m.Length))).Append(close);
            pos = m.Start + m.Length;
        }
        sb.Append(escape(Text[pos..]));
        return sb.ToString();
    }

    /// <inheritdoc/>
    public override string ToString() => Render();
}

/// <summary>
/// Marks query terms in original (accented) text by comparing folded tokens, so an accent-free query
/// highlights the accented words it matched; phrases are marked only where their tokens are consecutive.
/// </summary>
public static class Highlighter
{
    /// <summary>Marks every occurrence of the query's positive terms in <paramref name="text"/>.</summary>
    public static HighlightedText Highlight(string text, ParsedQuery query)
    {
        var tokens = Tokenize(text);
        var marked = new bool[tokens.Count];
        foreach (var term in query.Terms)
        {
            var f = term.Folded;
            for (int i = 0; i + f.Count <= tokens.Count; i++)
            {
                bool ok = true;
                for (int k = 0; k < f.Count && ok; k++)
                {
                    var tok = tokens[i + k].Folded;
                    ok = k == f.Count - 1 && term.Prefix ? tok.StartsWith(f[k], StringComparison.Ordinal) : tok == f[k];
                }
                if (ok) for (int k = 0; k < f.Count; k++) marked[i + k] = true;
            }
        }
        var marks = new List<TextSpan>();
        for (int i = 0; i < tokens.Count; i++)
        {
            if (!marked[i]) continue;
            int start = tokens[i].Start, end = tokens[i].Start + tokens[i].Length;
            // Merge a run of marked tokens separated only by spaces into one mark.
            while (i + 1 < tokens.Count && marked[i + 1] && text.AsSpan(end, tokens[i + 1].Start - end).IsWhiteSpace())
            {
                i++;
                end = tokens[i].Start + tokens[i].Length;
            }
            marks.Add(new TextSpan(start, end - start));
        }
        return new HighlightedText(text, marks);
    }

    /// <summary>
    /// A window of about <paramref name="maxWords"/> words around the densest cluster of matches,
    /// with "…" where text was cut.
    /// </summary>
    public static HighlightedText Snippet(string text, ParsedQuery query, int maxWords = 24)
    {
        var full = Highlight(text, query);
        var tokens = Tokenize(text);
        if (tokens.Count <= maxWords) return full;
        // Choose the window start (in tokens) that covers the most marks.
        int best = 0, bestCount = -1;
        for (int s = 0; s + maxWords <= tokens.Count; s++)
        {
            int from = tokens[s].Start, to = tokens[s + maxWords - 1].Start + tokens[s + maxWords - 1].Length;
            int count = full.Marks.Count(m => m.Start >= from && m.Start < to);
            if (count > bestCount) { best = s; bestCount = count; }
        }
        // Start a few words before the first mark in the window when possible.
        int firstMarkTok = best;
        while (firstMarkTok < tokens.Count && !full.Marks.Any(m => m.Start <= tokens[firstMarkTok].Start && tokens[firstMarkTok].Start < m.Start + m.Length)) firstMarkTok++;
        if (firstMarkTok < tokens.Count) best = Math.Max(0, firstMarkTok - 4);
        best = Math.Min(best, tokens.Count - maxWords);
        int startChar = best == 0 ? 0 : tokens[best].Start;
        int last = best + maxWords - 1;
        int endChar = last >= tokens.Count - 1 ? text.Length : tokens[last].Start + tokens[last].Length;
        var prefix = startChar > 0 ? "…" : "";
        var suffix = endChar < text.Length ? "…" : "";
        var body = text[startChar..endChar];
        var marks = full.Marks
            .Where(m => m.Start >= startChar && m.Start + m.Length <= endChar)
            .Select(m => new TextSpan(m.Start - startChar + prefix.Length, m.Length))
            .ToList();
        return new HighlightedText(prefix + body + suffix, marks);
    }

    private readonly record struct Token(int Start, int Length, string Folded);

    private static List<Token> Tokenize(string text)
    {
        var list = new List<Token>();
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i])) { i++; continue; }
            int s = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || char.GetUnicodeCategory(text[i]) == System.Globalization.UnicodeCategory.NonSpacingMark)) i++;
            list.Add(new Token(s, i - s, VietnameseText.Fold(text[s..i])));
        }
        return list;
    }
}
