using System.Text;

namespace CchcExtract.Reading.Legacy;

/// <summary>The outcome of guessing a text's encoding: the decoded text and how it was decoded.</summary>
/// <param name="Text">Unicode NFC text.</param>
/// <param name="Encoding">The legacy encoding used, or null when the input was already good Unicode.</param>
/// <param name="Score">Share of non-ASCII words that are valid Vietnamese syllables in <see cref="Text"/>.</param>
public sealed record DecodedText(string Text, LegacyEncoding? Encoding, double Score);

/// <summary>
/// Detects legacy Vietnamese encodings by decoding with every candidate and keeping the one whose
/// non-ASCII words are most often valid Vietnamese syllables (<see cref="VietnameseSyllables.Score"/>).
/// </summary>
public static class LegacyDetector
{
    /// <summary>A decoding is accepted only when at least this share of its non-ASCII words are syllables.</summary>
    public const double MinScore = 0.6;

    private static readonly LegacyEncoding[] Candidates =
        [LegacyEncoding.Tcvn3, LegacyEncoding.Vni, LegacyEncoding.Viscii, LegacyEncoding.Windows1258];

    /// <summary>
    /// Decodes bytes that are not valid UTF-8. Returns null when no candidate reaches <see cref="MinScore"/>
    /// (the bytes are not Vietnamese text in a known encoding).
    /// </summary>
    public static DecodedText? DetectBytes(byte[] bytes, int offset = 0)
    {
        var span = bytes.AsSpan(offset);
        DecodedText? best = null;
        foreach (var enc in Candidates)
        {
            var text = LegacyCodec.Decode(span, enc);
            var (score, words) = VietnameseSyllables.Score(Sample(text));
            if (words == 0) continue;
            if (best is null || score > best.Score) best = new DecodedText(text, enc, score);
        }
        return best is { Score: >= MinScore } ? best : null;
    }

    /// <summary>
    /// Repairs valid Unicode text that is really TCVN3 or VNI read as Windows-1252/Latin-1 ("Céng hßa",
    /// "Coäng hoøa"). Returns the input unchanged (Encoding null) unless a conversion scores clearly better.
    /// </summary>
    public static DecodedText FixMojibake(string text)
    {
        var sample = Sample(text);
        var (current, words) = VietnameseSyllables.Score(sample);
        var none = new DecodedText(text, null, current);
        if (words == 0 || current >= 0.9) return none;
        // Only text made of Latin-1/Windows-1252 characters can be legacy bytes in disguise.
        foreach (var c in sample) if (c > 0xFF && !IsCp1252Extra(c)) return none;
        DecodedText best = none;
        foreach (var enc in (LegacyEncoding[])[LegacyEncoding.Tcvn3, LegacyEncoding.Vni])
        {
            var (score, _) = VietnameseSyllables.Score(LegacyCodec.DecodeMojibake(sample, enc));
            if (score >= MinScore && score > best.Score + 0.2) best = new DecodedText(text, enc, score);
        }
        return best.Encoding is { } e ? best with { Text = LegacyCodec.DecodeMojibake(text, e) } : none;
    }

    private static bool IsCp1252Extra(char c) => "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ".IndexOf(c) >= 0;

    private static string Sample(string text) => text.Length <= 200_000 ? text : text[..200_000];
}
