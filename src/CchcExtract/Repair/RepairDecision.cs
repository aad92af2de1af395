using CchcExtract.Text;

namespace CchcExtract.Repair;

/// <summary>How a line (or document) should be repaired.</summary>
public enum RepairMode
{
    /// <summary>Clean Vietnamese: pass through unchanged.</summary>
    None,
    /// <summary>Every diacritic stripped (<c>Ke hoach cai cach</c>): restore from accent-free keys.</summary>
    Stripped,
    /// <summary>Damaged by an English-model OCR (<c>Thyc hién Quyét dinh s6</c>): full noisy-channel repair.</summary>
    Ocr,
}

/// <summary>Statistics of the words of some text, from which <see cref="RepairDecision"/> decides.</summary>
/// <param name="Words">Word tokens that could be syllables (not acronyms).</param>
/// <param name="Invalid">Words that are not syllables of the inventory.</param>
/// <param name="Plain">Words without any diacritic or đ.</param>
/// <param name="DigitMixed">Words mixing letters and digits (<c>s6</c>, <c>x4y</c>).</param>
/// <param name="Accented">Words with at least one non-ASCII letter.</param>
public readonly record struct TextStats(int Words, int Invalid, int Plain, int DigitMixed, int Accented)
{
    public static TextStats operator +(TextStats a, TextStats b) =>
        new(a.Words + b.Words, a.Invalid + b.Invalid, a.Plain + b.Plain, a.DigitMixed + b.DigitMixed, a.Accented + b.Accented);

    public double InvalidShare => Words == 0 ? 0 : (double)Invalid / Words;
    public double PlainShare => Words == 0 ? 0 : (double)Plain / Words;
}

/// <summary>
/// Decides whether text needs repair. Clean Vietnamese has few words outside the syllable
/// inventory and at most about half of its syllables without diacritics; stripped text has none with
/// diacritics; English-model OCR output has many invalid syllables and digit-letter mixtures.
/// </summary>
public static class RepairDecision
{
    /// <summary>Word statistics of one line.</summary>
    public static TextStats Measure(RepairModel model, IReadOnlyList<RepairToken> tokens)
    {
        int words = 0, invalid = 0, plain = 0, mixed = 0, accented = 0;
        foreach (var t in tokens)
        {
            if (t.Kind != TokenKind.Word) continue;
            bool digits = RepairTokenizer.HasDigit(t.Text);
            if (!digits && t.Text.Length >= 2 && t.Text.All(char.IsUpper) && !model.IsValid(RepairTokenizer.SyllableKey(t.Text))
                && (model.CodeParts.ContainsKey(VietnameseText.Fold(t.Text)) || !VietnameseText.Fold(t.Text).Any(c => "aeiouy".Contains(c)))) continue; // acronym
            if (!digits && t.Text.Length > 7) continue; // Latin word
            if (t.Text.Length == 1 && "bcghklmnpqrstvxBCGHKLMNPQRSTVX".Contains(t.Text[0])) continue; // lone consonant: an abbreviation ("b/c", "x")
            words++;
            if (digits) { mixed++; invalid++; continue; }
            var key = RepairTokenizer.SyllableKey(t.Text);
            bool ascii = RepairTokenizer.IsAscii(t.Text);
            // A plain word is fine when some syllable has its accent-free key (stripped "hoach" → hoạch);
            // a word with diacritics must itself be a syllable ("hién" is OCR damage).
            if (ascii ? !model.ByFold.ContainsKey(key) : !model.IsValid(key)) invalid++;
            if (ascii) plain++; else accented++;
        }
        return new TextStats(words, invalid, plain, mixed, accented);
    }

    /// <summary>Mode for text with these statistics.</summary>
    public static RepairMode Decide(TextStats s)
    {
        if (s.Words == 0) return RepairMode.None;
        if (s.DigitMixed > 0 || s.InvalidShare > 0.12) return RepairMode.Ocr;
        if (s.Accented == 0 && s.Words >= 2) return RepairMode.Stripped;
        if (s.PlainShare > 0.75 && s.Words >= 4) return s.InvalidShare > 0.03 ? RepairMode.Ocr : RepairMode.Stripped;
        return RepairMode.None;
    }

    /// <summary>Mode for one line.</summary>
    public static RepairMode Decide(RepairModel model, string line) => Decide(Measure(model, RepairTokenizer.Tokenize(line)));

    /// <summary>True when a document (all its lines together) needs repair.</summary>
    public static bool NeedsRepair(RepairModel model, IReadOnlyList<string> lines) => DocumentMode(model, lines) != RepairMode.None;

    /// <summary>
    /// Mode for one line of a document in <paramref name="documentMode"/>: every line of an OCR-damaged
    /// document is decoded as OCR (its damage includes wrong but valid syllables such as <c>thé</c>);
    /// in a stripped document even a one-word line without diacritics (<c>So:</c>) is restored;
    /// otherwise the line decides for itself.
    /// </summary>
    public static RepairMode LineMode(RepairModel model, RepairMode documentMode, string line)
    {
        var stats = Measure(model, RepairTokenizer.Tokenize(line));
        var own = Decide(stats);
        return documentMode switch
        {
            RepairMode.Ocr => stats.Words > 0 ? RepairMode.Ocr : RepairMode.None,
            // In a stripped document a line without any diacritic is stripped too, even when names or
            // abbreviations outside the inventory ("(b/c)", "Cai Nhum") would make it look like OCR damage.
            RepairMode.Stripped when stats.Words > 0 && stats.Accented == 0 && stats.DigitMixed == 0 => RepairMode.Stripped,
            // A clean document: only a line that is plainly damaged on its own (a pasted OCR fragment)
            // is repaired; short lines of abbreviations ("(b/c)", "I") stay as they are.
            RepairMode.None => stats.Words >= 6 && (own == RepairMode.Stripped || own == RepairMode.Ocr && stats.InvalidShare >= 0.35) ? own : RepairMode.None,
            _ => own,
        };
    }

    /// <summary>Mode for a whole document: measured over all its lines.</summary>
    public static RepairMode DocumentMode(RepairModel model, IReadOnlyList<string> lines)
    {
        var total = new TextStats();
        foreach (var l in lines) total += Measure(model, RepairTokenizer.Tokenize(l));
        if (total.Words == 0) return RepairMode.None;
        if (total.InvalidShare > 0.08 || (double)total.DigitMixed / total.Words > 0.01) return RepairMode.Ocr;
        if (total.PlainShare > 0.75) return RepairMode.Stripped;
        return RepairMode.None;
    }
}
