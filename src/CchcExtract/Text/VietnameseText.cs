using System.Globalization;
using System.Text;

namespace CchcExtract.Text;

/// <summary>
/// Normalisation and folding of Vietnamese text.
/// </summary>
/// <remarks>
/// <para><b>Tone placement.</b> Vietnamese has two conventions for where the tone mark sits in
/// open syllables ending in <c>oa, oe, uy</c>: the traditional one (<c>hóa, thủy, khỏe</c>) and the
/// "new" one (<c>hoá, thuỷ, khoẻ</c>). <see cref="Normalize"/> converts every syllable to the
/// traditional convention, which is what most administrative documents use, so that
/// <c>hoá</c> and <c>hóa</c> compare equal after normalisation.</para>
/// <para>The rule: the tone goes on the vowel that carries a quality mark (ă â ê ô ơ ư; for ươ on ơ);
/// otherwise on the only vowel; otherwise, when a final consonant follows, on the last vowel
/// (<c>hoàn</c>); otherwise on the first of two vowels (<c>hóa, mùa</c>) or the middle of three
/// (<c>ngoài</c>). In <c>qu</c> and <c>gi</c>+vowel the <c>u</c>/<c>i</c> belong to the consonant.</para>
/// </remarks>
public static class VietnameseText
{
    private const char Grave = '\u0300', Acute = '\u0301', Tilde = '\u0303', Hook = '\u0309', Dot = '\u0323';

    /// <summary>True for a combining tone mark (huyền, sắc, ngã, hỏi, nặng).</summary>
    public static bool IsToneMark(char c) => c is Grave or Acute or Tilde or Hook or Dot;

    /// <summary>NFC plus traditional tone placement. Idempotent; leaves non-Vietnamese text unchanged.</summary>
    public static string Normalize(string text)
    {
        if (string.IsNullOrEmpty(text)) return text;
        var nfc = text.Normalize(NormalizationForm.FormC);
        // Fast path: only open syllables ending in two vowels can need a move.
        StringBuilder? sb = null;
        int i = 0;
        while (i < nfc.Length)
        {
            if (!char.IsLetter(nfc[i])) { sb?.Append(nfc[i]); i++; continue; }
            int start = i;
            while (i < nfc.Length && char.IsLetter(nfc[i])) i++;
            var word = nfc.AsSpan(start, i - start);
            var fixedWord = word.Length is >= 2 and <= 8 ? PlaceTone(word.ToString()) : null;
            if (fixedWord is not null && sb is null)
            {
                sb = new StringBuilder(nfc.Length);
                sb.Append(nfc, 0, start);
            }
            if (sb is not null) sb.Append(fixedWord ?? word.ToString());
        }
        return sb?.ToString() ?? nfc;
    }

    private static bool IsBaseVowel(char c) => "aeiouyăâêôơưAEIOUYĂÂÊÔƠƯ".IndexOf(c) >= 0;
    private static bool HasQuality(char c) => "ăâêôơưĂÂÊÔƠƯ".IndexOf(c) >= 0;

    /// <summary>Returns the word with its tone mark re-placed, or null when nothing changes.</summary>
    private static string? PlaceTone(string word)
    {
        var nfd = word.Normalize(NormalizationForm.FormD);
        char tone = '\0';
        var baseChars = new StringBuilder(nfd.Length);
        foreach (var c in nfd)
        {
            if (IsToneMark(c)) { if (tone != '\0') return null; tone = c; }
            else baseChars.Append(c);
        }
        if (tone == '\0') return null;
        var bare = baseChars.ToString().Normalize(NormalizationForm.FormC); // keeps ă â ê ô ơ ư
        // Locate the vowel cluster.
        int v0 = 0;
        while (v0 < bare.Length && !IsBaseVowel(bare[v0])) v0++;
        if (v0 == bare.Length) return null;
        var lower = bare.ToLowerInvariant();
        if (v0 >= 1 && lower[v0 - 1] == 'q' && lower[v0] == 'u') v0++;
        else if (v0 >= 1 && lower[v0 - 1] == 'g' && lower[v0] == 'i' && v0 + 1 < bare.Length && IsBaseVowel(bare[v0 + 1])) v0++;
        int v1 = v0;
        while (v1 < bare.Length && IsBaseVowel(bare[v1])) v1++;
        int n = v1 - v0;
        if (n <= 0 || v1 < bare.Length && !IsConsonantTail(lower.AsSpan(v1))) return null;
        bool hasFinal = v1 < bare.Length;
        int target = -1;
        for (int k = v0; k < v1; k++) if (HasQuality(bare[k])) target = k; // ươ → ơ (last marked)
        if (target < 0)
        {
            if (n == 1) target = v0;
            else if (hasFinal) target = v1 - 1;
            else if (n == 2) target = v0;
            else target = v0 + 1;
        }
        var result = new StringBuilder(bare.Length + 1);
        for (int k = 0; k < bare.Length; k++)
        {
            result.Append(bare[k]);
            if (k == target) result.Append(tone);
        }
        var composed = result.ToString().Normalize(NormalizationForm.FormC);
        return composed == word ? null : composed;
    }

    private static bool IsConsonantTail(ReadOnlySpan<char> tail) =>
        tail is "c" or "ch" or "m" or "n" or "ng" or "nh" or "p" or "t";

    /// <summary>
    /// The accent-free search key of a text: diacritics removed, <c>đ</c>→<c>d</c>, lower-case.
    /// <c>"Ủy ban Đại Sơn"</c> → <c>"uy ban dai son"</c>.
    /// </summary>
    public static string Fold(string text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var nfd = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(nfd.Length);
        foreach (var c in nfd)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(c switch { 'đ' or 'Đ' => 'd', _ => char.ToLowerInvariant(c) });
        }
        return sb.ToString();
    }

    /// <summary>Lower-cases and normalises, keeping accents: the key for exact-accent comparisons.</summary>
    public static string Key(string text) => Normalize(text).ToLowerInvariant();
}
