using System.Text;

namespace CchcExtract.Reading.Legacy;

/// <summary>
/// Pre-Unicode Vietnamese encodings still found in archived plans.
/// <list type="bullet">
/// <item><b>TCVN3</b> (TCVN 5712:1993 "VN3", the "ABC" encoding of the <c>.VnTime</c> fonts): one byte per
/// precomposed lower-case letter; upper-case toned letters come from a separate "H" font (<c>.VnTimeH</c>)
/// that draws the same bytes as capitals. Decoded here with the VN1 superset table, which agrees with VN3
/// on every VN3 position.</item>
/// <item><b>VNI</b> (VNI-Windows, the <c>VNI-Times</c> fonts): a base letter followed by one diacritic byte
/// (<c>aø</c> = à, <c>oä</c> = ộ), with a few single-byte letters (<c>ñ</c> = đ, <c>ô</c> = ơ, <c>ö</c> = ư, <c>í</c> = í).</item>
/// <item><b>VISCII</b> (RFC 1456): one byte per precomposed letter, six capitals in the C0 control range.</item>
/// <item><b>Windows-1258</b>: Microsoft's code page, base letters plus combining tone marks.</item>
/// </list>
/// </summary>
public enum LegacyEncoding
{
    /// <summary>TCVN 5712:1993 VN3 ("ABC", .VnTime fonts).</summary>
    Tcvn3,
    /// <summary>VNI-Windows (VNI-Times fonts), two-byte sequences.</summary>
    Vni,
    /// <summary>VISCII, RFC 1456.</summary>
    Viscii,
    /// <summary>Windows code page 1258 (decomposed tone marks).</summary>
    Windows1258,
}

/// <summary>Decoding and encoding of the <see cref="LegacyEncoding"/>s to and from Unicode NFC.</summary>
public static class LegacyCodec
{
    static LegacyCodec() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly Encoding Cp1252 = GetCodePage(1252);
    private static readonly Encoding Cp1258 = GetCodePage(1258);

    private static Encoding GetCodePage(int cp)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(cp, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback);
    }

    // TCVN 5712:1993 (VN1 superset of VN3): byte 0x80 + index → Unicode. '\0' = same as Latin-1.
    private const string Tcvn3High =
        "ÀẢÃÁẠẶẬÈẺẼÉẸỆÌỈĨ" + // 80–8F
        "ÍỊÒỎÕÓỌỘỜỞỠỚỢÙỦŨ" + // 90–9F
        "\u00A0ĂÂÊÔƠƯĐăâêôơưđẰ" + // A0–AF
        "\u0300\u0309\u0303\u0301\u0323àảãáạẲằẳẵắẴ" + // B0–BF
        "ẮẦẨẪẤỀặầẩẫấậèỂẻẽ" + // C0–CF
        "éẹềểễếệìỉỄẾỒĩíịò" + // D0–DF
        "Ổỏõóọồổỗốộờởỡớợù" + // E0–EF
        "Ỗủũúụừửữứựỳỷỹýỵố"; // F0–FF — FF is Ố in VN1

    // VISCII (RFC 1456): 0x80–0xFF, plus six capitals in C0.
    private const string VisciiHigh =
        "ẠẮẰẶẤẦẨẬẼẸẾỀỂỄỆỐ" +
        "ỒỔỖỘỢỚỜỞỊỎỌỈỦŨỤỲ" +
        "Õắằặấầẩậẽẹếềểễệố" +
        "ồổỗỠƠộờởịỰỨỪỬơớƯ" +
        "ÀÁÂÃẢĂẳẵÈÉÊẺÌÍĨỳ" +
        "ĐứÒÓÔạỷừửÙÚỹỵÝỡư" +
        "àáâãảăữẫèéêẻìíĩỉ" +
        "đựòóôõỏọụùúũủýợỮ";
    private static readonly Dictionary<byte, char> VisciiLow = new() { [0x02] = 'Ẳ', [0x05] = 'Ẵ', [0x06] = 'Ẫ', [0x14] = 'Ỷ', [0x19] = 'Ỹ', [0x1E] = 'Ỵ' };

    // VNI-Windows: Unicode letter → byte sequence (written as Latin-1 characters).
    private static readonly (char Letter, string Vni)[] VniPairs = BuildVni();

    private static (char, string)[] BuildVni()
    {
        var list = new List<(char, string)>();
        // Tone suffixes in order: sắc, huyền, hỏi, ngã, nặng (lower case / upper case).
        const string tonesLower = "ùøûõï", tonesUpper = "ÙØÛÕÏ";
        void Series(string letters, string baseSeq, string tones)
        {
            // letters: plain, sắc, huyền, hỏi, ngã, nặng
            if (letters[0] != '_') list.Add((letters[0], baseSeq));
            for (int t = 0; t < 5; t++) list.Add((letters[t + 1], baseSeq + tones[t]));
        }
        Series("_áàảãạ", "a", tonesLower); Series("_ÁÀẢÃẠ", "A", tonesUpper);
        Series("_éèẻẽẹ", "e", tonesLower); Series("_ÉÈẺẼẸ", "E", tonesUpper);
        Series("_óòỏõọ", "o", tonesLower); Series("_ÓÒỎÕỌ", "O", tonesUpper);
        Series("_úùủũụ", "u", tonesLower); Series("_ÚÙỦŨỤ", "U", tonesUpper);
        Series("ơớờởỡợ", "ô", tonesLower); Series("ƠỚỜỞỠỢ", "Ô", tonesUpper);
        Series("ưứừửữự", "ö", tonesLower); Series("ƯỨỪỬỮỰ", "Ö", tonesUpper);
        // y: sắc, huyền, hỏi, ngã two-byte; nặng is the single byte î / Î.
        list.AddRange([('ý', "yù"), ('ỳ', "yø"), ('ỷ', "yû"), ('ỹ', "yõ"), ('ỵ', "î"),
                       ('Ý', "YÙ"), ('Ỳ', "YØ"), ('Ỷ', "YÛ"), ('Ỹ', "YÕ"), ('Ỵ', "Î")]);
        // â / ê / ô series: circumflex â, then sắc á, huyền à, hỏi å, ngã ã, nặng ä.
        void Circ(string letters, string b, bool upper)
        {
            var marks = upper ? "ÂÁÀÅÃÄ" : "âáàåãä";
            for (int t = 0; t < 6; t++) list.Add((letters[t], b + marks[t]));
        }
        Circ("âấầẩẫậ", "a", false); Circ("ÂẤẦẨẪẬ", "A", true);
        Circ("êếềểễệ", "e", false); Circ("ÊẾỀỂỄỆ", "E", true);
        Circ("ôốồổỗộ", "o", false); Circ("ÔỐỒỔỖỘ", "O", true);
        // ă series: breve ê, then sắc é, huyền è, hỏi ú, ngã ü, nặng ë.
        void Breve(string letters, string b, bool upper)
        {
            var marks = upper ? "ÊÉÈÚÜË" : "êéèúüë";
            for (int t = 0; t < 6; t++) list.Add((letters[t], b + marks[t]));
        }
        Breve("ăắằẳẵặ", "a", false); Breve("ĂẮẰẲẴẶ", "A", true);
        // i: single bytes.
        list.AddRange([('í', "í"), ('ì', "ì"), ('ỉ', "æ"), ('ĩ', "ó"), ('ị', "ò"),
                       ('Í', "Í"), ('Ì', "Ì"), ('Ỉ', "Æ"), ('Ĩ', "Ó"), ('Ị', "Ò"),
                       ('đ', "ñ"), ('Đ', "Ñ")]);
        return list.ToArray();
    }

    private static readonly Dictionary<string, char> VniDecode = VniPairs.ToDictionary(p => p.Vni, p => p.Letter);
    private static readonly Dictionary<char, string> VniEncode = VniPairs.ToDictionary(p => p.Letter, p => p.Vni);
    private static readonly Dictionary<char, byte> Tcvn3Encode = BuildReverse(Tcvn3High, lowerOnlyFirst: true);
    private static readonly Dictionary<char, byte> VisciiEncode = BuildVisciiReverse();

    private static Dictionary<char, byte> BuildReverse(string high, bool lowerOnlyFirst)
    {
        var d = new Dictionary<char, byte>();
        for (int i = 0; i < high.Length; i++)
            if (high[i] >= 0x80 && !d.ContainsKey(high[i])) d[high[i]] = (byte)(0x80 + i);
        return d;
    }

    private static Dictionary<char, byte> BuildVisciiReverse()
    {
        var d = BuildReverse(VisciiHigh, false);
        foreach (var (b, c) in VisciiLow) d[c] = b;
        return d;
    }

    /// <summary>Decodes bytes in <paramref name="encoding"/> to Unicode NFC.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, LegacyEncoding encoding)
    {
        var sb = new StringBuilder(bytes.Length);
        switch (encoding)
        {
            case LegacyEncoding.Tcvn3:
                foreach (var b in bytes) sb.Append(b < 0x80 ? (char)b : Tcvn3High[b - 0x80]);
                break;
            case LegacyEncoding.Viscii:
                foreach (var b in bytes)
                    sb.Append(b >= 0x80 ? VisciiHigh[b - 0x80] : VisciiLow.TryGetValue(b, out var c) ? c : (char)b);
                break;
            case LegacyEncoding.Vni:
                return DecodeVniChars(Latin1(bytes));
            case LegacyEncoding.Windows1258:
                return Cp1258.GetString(bytes).Normalize(NormalizationForm.FormC);
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    private static string Latin1(ReadOnlySpan<byte> bytes)
    {
        var chars = new char[bytes.Length];
        for (int i = 0; i < bytes.Length; i++) chars[i] = (char)bytes[i];
        return new string(chars);
    }

    /// <summary>
    /// Converts text whose characters stand for legacy bytes (as Word stores runs in a <c>.VnTime</c> or
    /// <c>VNI-Times</c> font, or as a legacy file looks after being opened as Windows-1252/Latin-1) to Unicode.
    /// Characters are mapped back to bytes through Windows-1252 where they are outside Latin-1.
    /// </summary>
    public static string DecodeMojibake(string text, LegacyEncoding encoding)
    {
        var bytes = new byte[text.Length];
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c <= 0xFF) bytes[i] = (byte)c;
            else if (c >= 0xF000 && c <= 0xF0FF) bytes[i] = (byte)(c - 0xF000); // symbol-font private use
            else
            {
                var enc = Cp1252.GetBytes(c.ToString());
                bytes[i] = enc.Length == 1 && enc[0] != (byte)'?' ? enc[0] : (byte)'?';
            }
        }
        return Decode(bytes, encoding);
    }

    private static string DecodeVniChars(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            if (i + 1 < s.Length && VniDecode.TryGetValue(s.Substring(i, 2), out var two)) { sb.Append(two); i++; }
            else if (VniDecode.TryGetValue(s[i].ToString(), out var one)) sb.Append(one);
            else sb.Append(s[i]);
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>True when <paramref name="c"/> can be written in <paramref name="encoding"/>.</summary>
    public static bool CanEncode(char c, LegacyEncoding encoding)
    {
        try { Encode(c.ToString(), encoding); return true; }
        catch (ArgumentException) { return false; }
    }

    /// <summary>
    /// Encodes Unicode text into <paramref name="encoding"/> (used to build test fixtures).
    /// Throws when a character has no representation (e.g. a capital toned letter in TCVN3, which
    /// needs the separate upper-case font).
    /// </summary>
    public static byte[] Encode(string text, LegacyEncoding encoding)
    {
        var nfc = text.Normalize(NormalizationForm.FormC);
        if (encoding == LegacyEncoding.Windows1258)
        {
            var enc = Encoding.GetEncoding(1258, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            // Windows-1258 has the letters with circumflex, breve and horn, but tones only as combining marks.
            var sb = new StringBuilder(nfc.Length * 2);
            foreach (var c in nfc)
            {
                var d = c.ToString().Normalize(NormalizationForm.FormD);
                var tone = d.FirstOrDefault(ch => ch is '\u0300' or '\u0301' or '\u0303' or '\u0309' or '\u0323');
                if (tone == '\0') { sb.Append(c); continue; }
                sb.Append(d.Replace(tone.ToString(), "").Normalize(NormalizationForm.FormC)).Append(tone);
            }
            return enc.GetBytes(sb.ToString());
        }
        var bytes = new List<byte>(nfc.Length + 16);
        foreach (var c in nfc)
        {
            if (c < 0x80 && !(encoding == LegacyEncoding.Viscii && VisciiLow.ContainsKey((byte)c))) { bytes.Add((byte)c); continue; }
            switch (encoding)
            {
                case LegacyEncoding.Tcvn3 when Tcvn3Encode.TryGetValue(c, out var b): bytes.Add(b); break;
                // VN3 has no capital toned letters (the .VnTimeH font draws the small ones as capitals).
                case LegacyEncoding.Tcvn3 when Tcvn3Encode.TryGetValue(char.ToLowerInvariant(c), out var b): bytes.Add(b); break;
                case LegacyEncoding.Viscii when VisciiEncode.TryGetValue(c, out var b): bytes.Add(b); break;
                case LegacyEncoding.Vni when VniEncode.TryGetValue(c, out var seq): foreach (var ch in seq) bytes.Add((byte)ch); break;
                case LegacyEncoding.Vni when c <= 0xFF: bytes.Add((byte)c); break;
                default: throw new ArgumentException($"'{c}' (U+{(int)c:X4}) has no {encoding} code");
            }
        }
        return bytes.ToArray();
    }
}
