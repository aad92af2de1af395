using CchcExtract.Model;

namespace CchcExtract.Reading.Word;

/// <summary>
/// Reads .doc, .odt and .rtf by converting them to .docx with LibreOffice headless (<c>soffice</c>,
/// Debian package <c>libreoffice-writer-nogui</c>) and reading that with <see cref="DocxReader"/>.
/// Each conversion uses its own LibreOffice profile so parallel workers do not collide.
/// </summary>
public sealed class LibreOfficeReader : IDocumentReader
{
    /// <summary>Files larger than this are refused.</summary>
    public long MaxBytes { get; init; } = ReaderFiles.DefaultMaxBytes;

    /// <summary>Longest time one conversion may take.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(180);

    /// <inheritdoc/>
    public TextDocument Read(string path)
    {
        var bytes = ReaderFiles.ReadChecked(path, MaxBytes);
        var ext = Path.GetExtension(path).ToLowerInvariant();
        if (ext == ".doc" && ReaderFiles.IsEncryptedOoxml(bytes)) throw new DocumentReadException(path, "encrypted (password-protected) Word file");
        if (ext == ".rtf" && !(bytes.Length > 5 && System.Text.Encoding.ASCII.GetString(bytes, 0, 5) == "{\\rtf"))
            throw new DocumentReadException(path, "corrupt .rtf (no {\\rtf header)");
        if (ext == ".odt" && !(bytes[0] == 'P' && bytes[1] == 'K')) throw new DocumentReadException(path, "corrupt .odt (not a zip package)");
        if (ext == ".doc" && !ReaderFiles.IsCompoundFile(bytes) && !(bytes[0] == '{' && bytes[1] == '\\'))
            throw new DocumentReadException(path, "corrupt .doc (not a Word binary file)");
        if (!ExternalTool.Exists("soffice")) throw new DocumentReadException(path, "needs LibreOffice to read " + ext + " (apt-get install libreoffice-writer-nogui, or run scripts/setup.sh)");
        using var tmp = new ExternalTool.TempDir();
        var input = Path.Combine(tmp.Path, "in" + ext);
        File.WriteAllBytes(input, bytes);
        var profile = new Uri(Path.Combine(tmp.Path, "profile")).AbsoluteUri;
        var outDir = Path.Combine(tmp.Path, "out");
        var r = ExternalTool.Run(path, "soffice",
            ["-env:UserInstallation=" + profile, "--headless", "--norestore", "--convert-to", "docx:MS Word 2007 XML", "--outdir", outDir, input], Timeout, tmp.Path);
        var output = Path.Combine(outDir, "in.docx");
        if (!File.Exists(output))
            throw new DocumentReadException(path, $"LibreOffice could not convert the {ext} file (corrupt or password-protected?){Tail(r.StdErr)}");
        var doc = DocxReader.FromBytes(path, File.ReadAllBytes(output), ext.TrimStart('.'));
        return doc with { ContentHash = PlainTextReader.Hash(bytes) };
    }

    private static string Tail(string err)
    {
        var line = err.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.Trim();
        return string.IsNullOrEmpty(line) ? "" : ": " + (line.Length > 120 ? line[..120] : line);
    }
}
