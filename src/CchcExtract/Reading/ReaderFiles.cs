using System.Text;
using CchcExtract.Model;
using CchcExtract.Text;

namespace CchcExtract.Reading;

/// <summary>File checks and line building shared by the readers.</summary>
public static class ReaderFiles
{
    /// <summary>Default size limit for binary documents (Word, PDF, images).</summary>
    public const long DefaultMaxBytes = 200L * 1024 * 1024;

    /// <summary>Reads a file's bytes, refusing missing, unreadable, empty and oversized files with a clear reason.</summary>
    public static byte[] ReadChecked(string path, long maxBytes = DefaultMaxBytes)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists) throw new DocumentReadException(path, "file not found (removed or renamed during the run?)");
            if (info.Length == 0) throw new DocumentReadException(path, "empty file (0 bytes)");
            if (info.Length > maxBytes) throw new DocumentReadException(path, $"file too large ({info.Length:N0} bytes; limit {maxBytes:N0})");
            return File.ReadAllBytes(path);
        }
        catch (IOException e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new DocumentReadException(path, "file not found (removed or renamed during the run?)", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new DocumentReadException(path, "permission denied", e);
        }
    }

    /// <summary>True when the bytes start with the OLE compound-file signature (old .doc, or an encrypted OOXML file).</summary>
    public static bool IsCompoundFile(byte[] b) => b.Length >= 8 && b[0] == 0xD0 && b[1] == 0xCF && b[2] == 0x11 && b[3] == 0xE0;

    /// <summary>True when a compound file holds an encrypted Office package (password-protected .docx/.xlsx).</summary>
    public static bool IsEncryptedOoxml(byte[] b) =>
        IsCompoundFile(b) && b.AsSpan().IndexOf(Encoding.Unicode.GetBytes("EncryptedPackage")) >= 0;

    /// <summary>Collects lines with running numbers, normalising each.</summary>
    public sealed class LineSink
    {
        private readonly List<SourceLine> _lines = [];

        /// <summary>The lines so far.</summary>
        public IReadOnlyList<SourceLine> Lines => _lines;

        /// <summary>Adds a line (tabs kept, other control characters made spaces).</summary>
        public void Add(string raw, int? page = null, BoundingBox? box = null, double? confidence = null)
        {
            raw = Clean(raw);
            _lines.Add(new SourceLine(_lines.Count + 1, raw, VietnameseText.Normalize(raw), page, box, Confidence: confidence));
        }

        /// <summary>Adds a blank line unless the previous line is already blank (or there is none).</summary>
        public void Blank(int? page = null)
        {
            if (_lines.Count > 0 && _lines[^1].Raw.Length > 0) Add("", page);
        }

        /// <summary>True when at least one line has visible text.</summary>
        public bool HasText => _lines.Any(l => !string.IsNullOrWhiteSpace(l.Raw));

        /// <summary>The lines with trailing blanks removed.</summary>
        public IReadOnlyList<SourceLine> Finish()
        {
            while (_lines.Count > 0 && _lines[^1].Raw.Length == 0) _lines.RemoveAt(_lines.Count - 1);
            return _lines;
        }
    }

    /// <summary>Replaces control characters other than tab with spaces and trims the ends.</summary>
    public static string Clean(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s) sb.Append(c == '\t' ? c : char.IsControl(c) || c == '\u00A0' ? ' ' : c);
        return sb.ToString().Trim(' ');
    }

    /// <summary>Joins the paragraphs of one table cell as the contract wants: one alone as is, several as
    /// <c>&lt;p&gt;a&lt;/p&gt; &lt;p&gt;b&lt;/p&gt;</c>. Tabs and line breaks inside become spaces.</summary>
    public static string JoinCell(IEnumerable<string> paragraphs)
    {
        var parts = paragraphs.Select(p => CollapseSpaces(p.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' '))).Where(p => p.Length > 0).ToList();
        return parts.Count switch { 0 => "", 1 => parts[0], _ => string.Join(" ", parts.Select(p => $"<p>{p}</p>")) };
    }

    /// <summary>Collapses runs of spaces and trims.</summary>
    public static string CollapseSpaces(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (c == ' ' && (sb.Length == 0 || sb[^1] == ' ')) continue;
            sb.Append(c);
        }
        return sb.ToString().TrimEnd();
    }
}
