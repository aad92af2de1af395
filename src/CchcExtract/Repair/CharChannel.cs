namespace CchcExtract.Repair;

/// <summary>
/// Character-level OCR channel: learned costs (negative natural log-probabilities) of a source
/// character being read as another string by <c>tesseract -l eng</c> (<c>ư</c>→<c>w</c>, <c>ơ</c>→<c>o</c>,
/// <c>ố</c>→<c>6</c>, <c>đ</c>→<c>d</c>), of being dropped, and of an extra character appearing.
/// Scores an OCR token against a candidate syllable by weighted edit distance.
/// </summary>
public sealed class CharChannel
{
    private readonly Dictionary<(char Src, char Ocr), float> _sub;
    private readonly Dictionary<char, float> _del;
    private readonly Dictionary<char, float> _ins;
    private readonly float _unseenSub, _unseenDel, _unseenIns;

    public CharChannel(Dictionary<(char, char), float> sub, Dictionary<char, float> del, Dictionary<char, float> ins,
        float unseenSub = 9f, float unseenDel = 8f, float unseenIns = 8f)
    {
        _sub = sub; _del = del; _ins = ins; _unseenSub = unseenSub; _unseenDel = unseenDel; _unseenIns = unseenIns;
    }

    public int EntryCount => _sub.Count + _del.Count + _ins.Count;

    /// <summary>Cost of reading <paramref name="src"/> as <paramref name="ocr"/>.</summary>
    public float Sub(char src, char ocr)
    {
        if (_sub.TryGetValue((src, ocr), out var c)) return c;
        if (src == ocr) return 0.05f;
        // Same base letter (diacritic changed) is cheaper than an arbitrary substitution.
        var fs = Text.VietnameseText.Fold(src.ToString());
        var fo = Text.VietnameseText.Fold(ocr.ToString());
        if (fs == fo) return _unseenSub * 0.5f;
        // Unseen digit/symbol for a letter of similar shape (real scans: x3 for xã, 16i for lối, s§ for số).
        if (LookAlike(ocr) is { } la && la.Contains(fs[0])) return _unseenSub * 0.45f;
        // Accented vowels are what English OCR misreads most; one vowel for another is likelier than arbitrary.
        return IsVowel(fs) && IsVowel(fo) ? _unseenSub * 0.7f : _unseenSub;
    }

    /// <summary>Base letters a digit or symbol is often read for by English OCR; null for other characters.</summary>
    public static string? LookAlike(char ocr) => ocr switch
    {
        '0' or '6' or '8' or '9' or '§' or '©' or '@' => "oae",
        '1' or '|' or '!' => "li",
        '3' or '4' => "ao",
        '5' => "s",
        '2' or '&' => "eoa",
        '7' => "t",
        '¢' => "ce",
        _ => null,
    };

    private static bool IsVowel(string folded) => folded.Length == 1 && "aeiouy".Contains(folded[0]);


    public float Del(char src) => _del.TryGetValue(src, out var c) ? c : _unseenDel;
    public float Ins(char ocr) => _ins.TryGetValue(ocr, out var c) ? c : _unseenIns;

    /// <summary>Weighted edit distance (lower is likelier) of the lower-case strings.</summary>
    public float Cost(string src, string ocr)
    {
        int n = src.Length, m = ocr.Length;
        Span<float> prev = stackalloc float[m + 1];
        Span<float> cur = stackalloc float[m + 1];
        prev[0] = 0;
        for (int j = 1; j <= m; j++) prev[j] = prev[j - 1] + Ins(ocr[j - 1]);
        for (int i = 1; i <= n; i++)
        {
            cur[0] = prev[0] + Del(src[i - 1]);
            for (int j = 1; j <= m; j++)
            {
                float best = prev[j - 1] + Sub(src[i - 1], ocr[j - 1]);
                float d = prev[j] + Del(src[i - 1]); if (d < best) best = d;
                float ins = cur[j - 1] + Ins(ocr[j - 1]); if (ins < best) best = ins;
                cur[j] = best;
            }
            var t = prev; prev = cur; cur = t;
        }
        return prev[m];
    }

    public void Write(BinaryWriter w)
    {
        w.Write(_unseenSub); w.Write(_unseenDel); w.Write(_unseenIns);
        w.Write(_sub.Count);
        foreach (var ((s, o), c) in _sub) { w.Write(s); w.Write(o); w.Write(c); }
        w.Write(_del.Count);
        foreach (var (s, c) in _del) { w.Write(s); w.Write(c); }
        w.Write(_ins.Count);
        foreach (var (o, c) in _ins) { w.Write(o); w.Write(c); }
    }

    public static CharChannel Read(BinaryReader r)
    {
        float us = r.ReadSingle(), ud = r.ReadSingle(), ui = r.ReadSingle();
        var sub = new Dictionary<(char, char), float>();
        for (int n = r.ReadInt32(); n > 0; n--) { var s = r.ReadChar(); var o = r.ReadChar(); sub[(s, o)] = r.ReadSingle(); }
        var del = new Dictionary<char, float>();
        for (int n = r.ReadInt32(); n > 0; n--) { var s = r.ReadChar(); del[s] = r.ReadSingle(); }
        var ins = new Dictionary<char, float>();
        for (int n = r.ReadInt32(); n > 0; n--) { var o = r.ReadChar(); ins[o] = r.ReadSingle(); }
        return new CharChannel(sub, del, ins, us, ud, ui);
    }
}
