using System.Security.Cryptography;
using System.Text;
using CchcExtract.Model;
using CchcExtract.Reading.Legacy;
using CchcExtract.Text;

namespace CchcExtract.Reading;

/// <summary>
/// Reads plain or Markdown-ish text: UTF-8 with or without BOM, UTF-16 with BOM, and the legacy
/// Vietnamese encodings (TCVN3, VNI, VISCII, Windows-1258; see <see cref="LegacyDetector"/>).
/// Rejects empty files, binary files and invalid UTF-8 with a clear reason.
/// </summary>
public sealed class PlainTextReader : IDocumentReader
{
    /// <summary>Files larger than this are refused (plans are far smaller).</summary>
    public long MaxBytes { get; init; } = 64L * 1024 * 1024;

    /// <inheritdoc/>
    public TextDocument Read(string path)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists) throw new DocumentReadException(path, "file not found (removed or renamed during the run?)");
            if (info.Length > MaxBytes) throw new DocumentReadException(path, $"file too large ({info.Length:N0} bytes; limit {MaxBytes:N0})");
            bytes = File.ReadAllBytes(path);
        }
        catch (IOException e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new DocumentReadException(path, "file not found (removed or renamed during the run?)", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new DocumentReadException(path, "permission denied", e);
        }
        return FromBytes(path, bytes);
    }

    /// <summary>Decodes <paramref name="bytes"/> read from <paramref name="path"/> into a text document.</summary>
    public static TextDocument FromBytes(string path, byte[] bytes)
    {
        var text = Decode(path, bytes);
        if (string.IsNullOrWhiteSpace(text)) throw new DocumentReadException(path, "empty file (no text)");
        return FromText(path, "text", text, Hash(bytes));
    }

    /// <summary>Decodes text bytes, throwing a <see cref="DocumentReadException"/> for binary or invalid UTF-8 input.</summary>
    public static string Decode(string path, byte[] bytes)
    {
        if (bytes.Length == 0) throw new DocumentReadException(path, "empty file (0 bytes)");
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE) return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF) return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
        int offset = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        int probe = Math.Min(bytes.Length, 8192);
        int controls = 0;
        for (int i = offset; i < probe; i++)
        {
            byte b = bytes[i];
            if (b == 0) throw new DocumentReadException(path, "binary file (contains NUL bytes), not text");
            if (b < 0x09 || b is > 0x0D and < 0x20 and not 0x1B) controls++;
        }
        if (controls > probe / 20) throw new DocumentReadException(path, "binary file (control bytes), not text");
        string utf8;
        try
        {
            utf8 = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, offset, bytes.Length - offset);
        }
        catch (DecoderFallbackException e)
        {
            // Not UTF-8: try the pre-Unicode Vietnamese encodings (TCVN3, VNI, VISCII, Windows-1258).
            if (offset == 0 && LegacyDetector.DetectBytes(bytes) is { } legacy) return legacy.Text;
            throw new DocumentReadException(path, $"invalid UTF-8 at byte {e.Index + offset} and not Vietnamese in TCVN3/VNI/VISCII/Windows-1258", e);
        }
        // Valid UTF-8 can still be TCVN3/VNI text that was once opened as Windows-1252 and saved ("Céng hßa").
        return LegacyDetector.FixMojibake(utf8).Text;
    }

    /// <summary>Splits decoded text into normalised lines (NFC, traditional tone placement), keeping the raw text.</summary>
    public static TextDocument FromText(string path, string format, string text, string contentHash)
    {
        var lines = new List<SourceLine>();
        int n = 0;
        foreach (var raw in text.Split('\n'))
        {
            n++;
            var r = raw.TrimEnd('\r');
            lines.Add(new SourceLine(n, r, VietnameseText.Normalize(r)));
        }
        return new TextDocument(path, format, lines, contentHash);
    }

    /// <summary>SHA-256 of the bytes as lower-case hex.</summary>
    public static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
