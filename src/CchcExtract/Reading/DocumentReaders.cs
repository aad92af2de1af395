using CchcExtract.Model;

namespace CchcExtract.Reading;

/// <summary>
/// Chooses a reader by file extension. Extensions without a reader are refused with a clear
/// "unsupported" reason rather than read as text.
/// </summary>
public sealed class DocumentReaders
{
    private readonly Dictionary<string, IDocumentReader> _byExtension = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The readers: plain text (and legacy encodings), .docx, .doc/.odt/.rtf (LibreOffice), PDF and images (poppler, Tesseract).</summary>
    public static DocumentReaders Default()
    {
        var r = new DocumentReaders();
        var text = new PlainTextReader();
        foreach (var ext in new[] { ".txt", ".md", ".text", "" }) r.Register(ext, text);
        r.Register(".docx", new Word.DocxReader());
        var office = new Word.LibreOfficeReader(); // fails per file with "needs LibreOffice" when soffice is absent
        foreach (var ext in new[] { ".doc", ".odt", ".rtf" }) r.Register(ext, office);
        r.Register(".pdf", new Pdf.PdfReader());
        var image = new Ocr.ImageReader();
        foreach (var ext in new[] { ".png", ".jpg", ".jpeg", ".tif", ".tiff" }) r.Register(ext, image);
        return r;
    }

    /// <summary>Adds or replaces the reader for an extension (with the dot, or "" for none).</summary>
    public DocumentReaders Register(string extension, IDocumentReader reader)
    {
        _byExtension[extension] = reader;
        return this;
    }

    /// <summary>Extensions that have a reader.</summary>
    public IEnumerable<string> Extensions => _byExtension.Keys;

    /// <summary>True when some reader handles the file's extension.</summary>
    public bool Supports(string path) => _byExtension.ContainsKey(Path.GetExtension(path));

    /// <summary>Reads the file with the reader for its extension.</summary>
    public TextDocument Read(string path)
    {
        if (!_byExtension.TryGetValue(Path.GetExtension(path), out var reader))
            throw new DocumentReadException(path, $"unsupported file type '{Path.GetExtension(path)}'");
        return reader.Read(path);
    }
}
