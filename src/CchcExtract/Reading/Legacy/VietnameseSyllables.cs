using System.Globalization;
using System.Text;

namespace CchcExtract.Reading.Legacy;

/// <summary>
/// Recognises well-formed Vietnamese syllables (initial consonant + vowel cluster + final consonant,
/// at most one tone mark), used to score candidate decodings of legacy-encoded text: the right decoding
/// turns almost every word into a valid syllable, a wrong one scatters symbols and stray letters.
/// </summary>
public static class VietnameseSyllables
{
    private static readonly string[] Initials =
        ["ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "th", "tr", "qu", "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", ""];

    private static readonly HashSet<string> Nuclei =
    [
        "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
        "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi", "ôi", "ơi", "oo",
        "ua", "uâ", "uê", "ui", "uô", "uơ", "uy", "ưa", "ưi", "ưu", "ươ", "yê",
        "iêu", "yêu", "oai", "oay", "oeo", "uây", "uôi", "ươi", "ươu", "uya", "uyê", "uyu", "oao",
    ];

    private static readonly string[] Finals = ["ch", "ng", "nh", "c", "m", "n", "p", "t", ""];

    /// <summary>True when <paramref name="word"/> (letters only, any case) is a possible Vietnamese syllable.</summary>
    public static bool IsSyllable(string word)
    {
        if (word.Length is 0 or > 8) return false;
        var nfd = word.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(nfd.Length);
        int tones = 0;
        foreach (var ch in nfd)
        {
            if (ch is '\u0300' or '\u0301' or '\u0303' or '\u0309' or '\u0323') { tones++; continue; }
            sb.Append(ch);
        }
        if (tones > 1) return false;
        var bare = sb.ToString().Normalize(NormalizationForm.FormC);
        foreach (var ini in Initials)
        {
            if (!bare.StartsWith(ini, StringComparison.Ordinal)) continue;
            var rest = bare.AsSpan(ini.Length);
            foreach (var fin in Finals)
            {
                if (!rest.EndsWith(fin, StringComparison.Ordinal)) continue;
                var nucleus = rest[..(rest.Length - fin.Length)].ToString();
                if (nucleus.Length > 0 && Nuclei.Contains(nucleus)) return true;
                // gi + vowel: the i belongs to the initial ("gì" has nucleus i itself).
            }
        }
        return false;
    }

    /// <summary>
    /// Share of words in <paramref name="text"/> that are valid syllables, counting only words that
    /// contain a non-ASCII letter or symbol (plain ASCII words read the same in every decoding).
    /// Words that contain symbols or control characters count as invalid. Returns (score, words counted).
    /// </summary>
    public static (double Score, int Words) Score(string text)
    {
        int valid = 0, total = 0;
        foreach (var token in text.Split((char[])[' ', '\t', '\r', '\n', ',', '.', ';', ':', '(', ')', '"', '/', '-', '!', '?'], StringSplitOptions.RemoveEmptyEntries))
        {
            bool nonAscii = false;
            foreach (var c in token) if (c >= 0x80 || c < 0x20) { nonAscii = true; break; }
            if (!nonAscii) continue;
            total++;
            bool lettersOnly = true;
            foreach (var c in token)
                if (!char.IsLetter(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) { lettersOnly = false; break; }
            if (lettersOnly && IsSyllable(token)) valid++;
        }
        return (total == 0 ? 0 : (double)valid / total, total);
    }
}
