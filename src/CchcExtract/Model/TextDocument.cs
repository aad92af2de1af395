namespace CchcExtract.Model;

/// <summary>
/// The output of the reading stage: a document as lines of text with provenance.
/// Every reader (plain text, .docx, PDF, OCR) produces this one shape, so later stages do not
/// care where the text came from.
/// </summary>
/// <param name="Path">The file the text was read from.</param>
/// <param name="Format">Short name of the input format: <c>text</c>, <c>docx</c>, <c>pdf</c>, <c>ocr</c>…</param>
/// <param name="Lines">The lines, in reading order.</param>
/// <param name="ContentHash">SHA-256 of the file's bytes (hex), used to skip unchanged files on re-import.</param>
public sealed record TextDocument(string Path, string Format, IReadOnlyList<SourceLine> Lines, string ContentHash)
{
    /// <summary>The file name without directories, used as the document's identity in records.</summary>
    public string FileName => System.IO.Path.GetFileName(Path);
}
