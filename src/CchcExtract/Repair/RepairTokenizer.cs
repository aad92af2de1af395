using System.Text;

namespace CchcExtract.Repair;

/// <summary>What a piece of a line is, for repair purposes.</summary>
public enum TokenKind
{
    /// <summary>Spaces, punctuation, symbols: copied through unchanged.</summary>
    Gap,
    /// <summary>A word that may be a (damaged) Vietnamese syllable: letters, possibly with OCR digits (<c>s6</c>, <c>x4y</c>).</summary>
    Word,
    /// <summary>A number or date (<c>2025</c>, <c>27/8/2025</c>, <c>100%</c>): untouched.</summary>
    Number,
    /// <summary>A document code (<c>3470/QD-UBND</c>): only its letter parts are fixed against known code parts.</summary>
    Code,
    /// <summary>A URL, e-mail or path: untouched.</summary>
    Url,
}

/// <summary>One piece of a line; concatenating all pieces' <see cref="Text"/> gives the line back.</summary>
public readonly record struct RepairToken(TokenKind Kind, string Text, bool Boundary = false);

/// <summary>
/// Splits a line into words, gaps, numbers, codes and URLs so that repair can change words only
/// and put every space and punctuation mark back where it was.
/// </summary>
public static partial class RepairTokenizer
{
    /// <summary>Characters OCR engines put inside damaged words (<c>s§</c>, <c>c¢6</c>).</summary>
    private const string OcrJunk = "§¢©®£€¥&";

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || OcrJunk.IndexOf(c) >= 0 || IsCombining(c);

    private static bool IsCombining(char c) =>
        System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark;

    /// <summary>Punctuation that ends a language-model context (sentence or clause).</summary>
    public static bool IsBoundaryPunct(char c) => ".,;:!?()[]{}\"“”«»|…–—".IndexOf(c) >= 0;

    /// <summary>Tokenises a line.</summary>
    public static List<RepairToken> Tokenize(string line)
    {
        var tokens = new List<RepairToken>();
        int i = 0;
        while (i < line.Length)
        {
            if (char.IsWhiteSpace(line[i]))
            {
                int s = i;
                while (i < line.Length && char.IsWhiteSpace(line[i])) i++;
                // A tab separates table cells: the language-model context ends there.
                tokens.Add(new RepairToken(TokenKind.Gap, line[s..i], line.AsSpan(s, i - s).Contains('\t')));
                continue;
            }
            if (MarkupTag().Match(line, i) is { Success: true } tag && tag.Index == i)
            {
                // Light markup in plan texts (<b>, </p>, <br/>, <td …>, &amp;) is layout, never a word to repair.
                tokens.Add(new RepairToken(TokenKind.Gap, tag.Value));
                i += tag.Length;
                continue;
            }
            int start = i;
            while (i < line.Length && !char.IsWhiteSpace(line[i]) && !(line[i] == '<' && i > start && MarkupTag().Match(line, i) is { Success: true } t2 && t2.Index == i)) i++;
            SplitChunk(line[start..i], tokens);
        }
        return tokens;
    }

    // Tags (with attributes: <td colspan="6">) and entities (&amp;, &nbsp;) of scraped HTML as well.
    [System.Text.RegularExpressions.GeneratedRegex(@"\G(?:</?(?:b|p|i|u|em|strong|br|span|div|font|table|thead|tbody|tfoot|tr|td|th)\b[^<>]*>|&(?:[a-z]{2,8}|#\d{2,5});)", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex MarkupTag();

    private static void SplitChunk(string chunk, List<RepairToken> tokens)
    {
        if (LooksLikeUrl(chunk)) { tokens.Add(new RepairToken(TokenKind.Url, chunk)); return; }
        // Trim leading/trailing punctuation; what is inside may be a code or a date.
        int a = 0, b = chunk.Length;
        while (a < b && !IsWordChar(chunk[a])) a++;
        while (b > a && !IsWordChar(chunk[b - 1])) b--;
        if (a > 0) AddGap(chunk[..a], tokens);
        if (a < b)
        {
            var core = chunk[a..b];
            if (IsCodeOrNumber(core, out var kind)) tokens.Add(new RepairToken(kind, core));
            else SplitWords(core, tokens);
        }
        if (b < chunk.Length && b >= a) AddGap(chunk[b..], tokens);
    }

    private static void AddGap(string text, List<RepairToken> tokens)
    {
        bool boundary = false;
        foreach (var c in text) if (IsBoundaryPunct(c)) boundary = true;
        tokens.Add(new RepairToken(TokenKind.Gap, text, boundary));
    }

    private static void SplitWords(string core, List<RepairToken> tokens)
    {
        int i = 0;
        while (i < core.Length)
        {
            int s = i;
            if (IsWordChar(core[i]))
            {
                while (i < core.Length && IsWordChar(core[i])) i++;
                var w = core[s..i];
                int amp = w.IndexOf('&');
                if (amp > 0 && amp < w.Length - 1 && char.IsUpper(w[amp - 1]) && char.IsUpper(w[amp + 1]))
                {
                    // "HĐND&UBND": a real ampersand between acronyms, not OCR junk inside a word.
                    SplitWords(w[..amp], tokens);
                    tokens.Add(new RepairToken(TokenKind.Gap, "&"));
                    SplitWords(w[(amp + 1)..], tokens);
                    continue;
                }
                tokens.Add(new RepairToken(AllDigits(w) || IsRoman(w) ? TokenKind.Number : TokenKind.Word, w));
            }
            else
            {
                while (i < core.Length && !IsWordChar(core[i])) i++;
                AddGap(core[s..i], tokens);
            }
        }
    }

    /// <summary>A Roman numeral of two or more letters (<c>II</c>, <c>IV</c>, <c>XII</c>): a number ("quý III"), never a syllable.</summary>
    private static bool IsRoman(string w)
    {
        if (w.Length < 2 || w.Length > 5) return false;
        foreach (var c in w) if (c is not ('I' or 'V' or 'X')) return false;
        return true;
    }

    private static bool AllDigits(string w)
    {
        foreach (var c in w) if (!char.IsDigit(c)) return false;
        return true;
    }

    /// <summary>
    /// Numbers and dates (<c>27/8/2025</c>, <c>1.000</c>, <c>100%</c>) and document codes
    /// (<c>76/NQ-CP</c>, <c>45-NQ/TW</c>): runs of letters/digits joined by <c>/ - . ,</c> with
    /// at least one digit group and at least one slash, or digits only.
    /// </summary>
    private static bool IsCodeOrNumber(string core, out TokenKind kind)
    {
        kind = TokenKind.Number;
        bool hasDigit = false, hasLetter = false, hasSlash = false, hasJoin = false;
        foreach (var c in core)
        {
            if (char.IsDigit(c)) hasDigit = true;
            else if (char.IsLetter(c)) hasLetter = true;
            else if (c == '/') { hasSlash = true; hasJoin = true; }
            else if (c is '-' or '.' or ',' or '%') hasJoin = true;
            else if (!IsCombining(c)) return false;
        }
        if (!hasJoin) return false;
        if (!hasLetter && hasDigit) return true;
        if (hasLetter && (hasSlash || (hasDigit && core.Contains('-'))))
        {
            // Letter parts must look like code parts (mostly capitals), e.g. QD, UBND, NQ, TTg.
            foreach (var part in CodeParts(core))
                if (part.Length > 0 && char.IsLetter(part[0]) && !char.IsUpper(part[0])) return false;
            kind = TokenKind.Code;
            return true;
        }
        return false;
    }

    /// <summary>Splits a code into its parts and separators, e.g. <c>3470</c>, <c>/</c>, <c>QD</c>, <c>-</c>, <c>UBND</c>.</summary>
    public static IEnumerable<string> CodeParts(string code)
    {
        int i = 0;
        while (i < code.Length)
        {
            int s = i;
            bool word = char.IsLetterOrDigit(code[i]) || IsCombining(code[i]);
            while (i < code.Length && (char.IsLetterOrDigit(code[i]) || IsCombining(code[i])) == word) i++;
            yield return code[s..i];
        }
    }

    private static bool LooksLikeUrl(string chunk) =>
        chunk.Contains("://") || chunk.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ||
        (chunk.Contains('@') && chunk.Contains('.')) || chunk.Contains(".gov.vn") || chunk.Contains(".vn/");

    /// <summary>Case pattern of a word: 0 lower, 1 capitalised, 2 all capitals.</summary>
    public static int CasePattern(string word)
    {
        int up = 0, low = 0;
        foreach (var c in word) { if (char.IsUpper(c)) up++; else if (char.IsLower(c)) low++; }
        if (up >= 2 && up > low) return 2;
        return word.Length > 0 && (char.IsUpper(word[0]) || (up > 0 && !char.IsLetter(word[0]))) ? 1 : 0;
    }

    /// <summary>Applies a case pattern to a lower-case syllable.</summary>
    public static string ApplyCase(string lower, int pattern) => pattern switch
    {
        2 => lower.ToUpperInvariant(),
        1 when lower.Length > 0 => char.ToUpperInvariant(lower[0]) + lower[1..],
        _ => lower,
    };

    /// <summary>Lower-case NFC with traditional tone placement: the syllable key used by the model.</summary>
    public static string SyllableKey(string word) => CchcExtract.Text.VietnameseText.Key(word);

    internal static bool HasDigit(string w) { foreach (var c in w) if (char.IsDigit(c)) return true; return false; }
    internal static bool IsAscii(string w) { foreach (var c in w) if (c > 127) return false; return true; }
    /// <summary>Concatenates tokens back into text.</summary>
    public static string Join(IEnumerable<RepairToken> t) { var sb = new StringBuilder(); foreach (var x in t) sb.Append(x.Text); return sb.ToString(); }
}
