using System.IO.Packaging;
using System.Text;
using TextDocument = CchcExtract.Model.TextDocument;
using CchcExtract.Reading.Legacy;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CchcExtract.Reading.Word;

/// <summary>
/// Reads Word .docx files with DocumentFormat.OpenXml. Body paragraphs come out one per line with their
/// automatic numbering as text ("1. …", "a) …", "- …"); tables one line per row, cells tab-separated
/// (a horizontally merged cell — <c>w:gridSpan</c> — is its value followed by empty cells; a vertically
/// merged continuation — <c>w:vMerge</c> — is an empty cell; several paragraphs in a cell are joined as
/// <c>&lt;p&gt;a&lt;/p&gt; &lt;p&gt;b&lt;/p&gt;</c>), with a blank line before and after each table.
/// Runs in the legacy <c>.VnTime</c> (TCVN3) and <c>VNI-Times</c> (VNI) fonts are converted to Unicode.
/// Page headers and footers are not part of the body and are left out.
/// </summary>
public sealed class DocxReader : IDocumentReader
{
    /// <summary>Files larger than this are refused.</summary>
    public long MaxBytes { get; init; } = ReaderFiles.DefaultMaxBytes;

    /// <inheritdoc/>
    public TextDocument Read(string path)
    {
        var bytes = ReaderFiles.ReadChecked(path, MaxBytes);
        return FromBytes(path, bytes, "docx");
    }

    /// <summary>Reads .docx bytes (also used for documents converted from .doc/.odt/.rtf).</summary>
    public static TextDocument FromBytes(string path, byte[] bytes, string format)
    {
        if (ReaderFiles.IsEncryptedOoxml(bytes)) throw new DocumentReadException(path, "encrypted (password-protected) Word file");
        if (ReaderFiles.IsCompoundFile(bytes)) throw new DocumentReadException(path, "old binary Word (.doc) content in a .docx file; rename it to .doc");
        if (bytes.Length < 4 || bytes[0] != (byte)'P' || bytes[1] != (byte)'K')
            throw new DocumentReadException(path, "corrupt .docx (not a zip package)");
        WordprocessingDocument doc;
        try
        {
            doc = WordprocessingDocument.Open(new MemoryStream(bytes, writable: false), false);
        }
        catch (Exception e) when (e is OpenXmlPackageException or FileFormatException or InvalidDataException or IOException or ArgumentException or InvalidOperationException)
        {
            throw new DocumentReadException(path, $"corrupt .docx ({FirstLine(e.Message)})", e);
        }
        using (doc)
        {
            var sink = new ReaderFiles.LineSink();
            try
            {
                var main = doc.MainDocumentPart ?? throw new DocumentReadException(path, "corrupt .docx (no main document part)");
                var body = main.Document?.Body ?? throw new DocumentReadException(path, "corrupt .docx (no document body)");
                var ctx = new Context(new DocxNumbering(main.NumberingDefinitionsPart?.Numbering, main.StyleDefinitionsPart?.Styles),
                    new DocxFonts(main.StyleDefinitionsPart?.Styles));
                WriteBlocks(body.ChildElements, sink, ctx);
            }
            catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or IOException)
            {
                throw new DocumentReadException(path, $"corrupt .docx ({FirstLine(e.Message)})", e);
            }
            if (!sink.HasText) throw new DocumentReadException(path, "empty document (no text)");
            return new TextDocument(path, format, sink.Finish(), PlainTextReader.Hash(bytes));
        }
    }

    private static string FirstLine(string s) => s.Split('\n')[0].Trim().TrimEnd('.');

    private sealed record Context(DocxNumbering Numbering, DocxFonts Fonts);

    private static void WriteBlocks(IEnumerable<OpenXmlElement> blocks, ReaderFiles.LineSink sink, Context ctx)
    {
        foreach (var el in blocks)
        {
            switch (el)
            {
                case Paragraph p:
                    foreach (var line in ParagraphText(p, ctx).Split('\n'))
                    {
                        var t = ReaderFiles.CollapseSpaces(line.Replace('\t', ' '));
                        if (t.Length > 0) sink.Add(t);
                    }
                    break;
                case Table t:
                    sink.Blank();
                    WriteTable(t, sink, ctx);
                    sink.Blank();
                    break;
                case SdtBlock sdt when sdt.SdtContentBlock is { } content:
                    WriteBlocks(content.ChildElements, sink, ctx);
                    break;
                case CustomXmlBlock cx:
                    WriteBlocks(cx.ChildElements, sink, ctx);
                    break;
            }
        }
    }

    private static void WriteTable(Table table, ReaderFiles.LineSink sink, Context ctx)
    {
        foreach (var row in RowsOf(table))
        {
            var cells = new List<string>();
            var trPr = row.TableRowProperties;
            int before = trPr?.GetFirstChild<GridBefore>()?.Val?.Value ?? 0;
            for (int i = 0; i < before; i++) cells.Add("");
            foreach (var cell in CellsOf(row))
            {
                var tcPr = cell.TableCellProperties;
                int span = Math.Max(1, tcPr?.GridSpan?.Val?.Value ?? 1);
                var vMerge = tcPr?.VerticalMerge;
                bool continuation = vMerge is not null && (vMerge.Val is null || vMerge.Val.Value == MergedCellValues.Continue);
                // Numbering inside a continuation cell still advances Word's counters.
                var text = CellText(cell, ctx);
                cells.Add(continuation ? "" : text);
                for (int i = 1; i < span; i++) cells.Add("");
            }
            while (cells.Count > 0 && cells[^1].Length == 0 && cells.Count > 1 && cells.Take(cells.Count - 1).All(c => c.Length == 0)) cells.RemoveAt(cells.Count - 1);
            if (cells.All(c => c.Length == 0)) continue;
            sink.Add(string.Join('\t', cells));
        }
    }

    private static IEnumerable<TableRow> RowsOf(Table t)
    {
        foreach (var el in t.ChildElements)
        {
            if (el is TableRow r) yield return r;
            else if (el is SdtRow sr && sr.SdtContentRow is { } c) foreach (var r2 in c.Elements<TableRow>()) yield return r2;
            else if (el is CustomXmlRow cr) foreach (var r3 in cr.Elements<TableRow>()) yield return r3;
        }
    }

    private static IEnumerable<TableCell> CellsOf(TableRow r)
    {
        foreach (var el in r.ChildElements)
        {
            if (el is TableCell c) yield return c;
            else if (el is SdtCell sc && sc.SdtContentCell is { } content) foreach (var c2 in content.Elements<TableCell>()) yield return c2;
            else if (el is CustomXmlCell cc) foreach (var c3 in cc.Elements<TableCell>()) yield return c3;
        }
    }

    private static string CellText(TableCell cell, Context ctx)
    {
        var paragraphs = new List<string>();
        void Collect(IEnumerable<OpenXmlElement> els)
        {
            foreach (var el in els)
            {
                if (el is Paragraph p) paragraphs.AddRange(ParagraphText(p, ctx).Split('\n'));
                else if (el is Table nested)
                    foreach (var row in RowsOf(nested))
                        paragraphs.Add(string.Join(" ", CellsOf(row).Select(c => CellText(c, ctx)).Where(s => s.Length > 0)));
                else if (el is SdtBlock sdt && sdt.SdtContentBlock is { } content) Collect(content.ChildElements);
            }
        }
        Collect(cell.ChildElements);
        return ReaderFiles.JoinCell(paragraphs);
    }

    /// <summary>Paragraph text with its numbering label; line breaks (<c>w:br</c>) as '\n'.</summary>
    private static string ParagraphText(Paragraph p, Context ctx)
    {
        var sb = new StringBuilder();
        var label = ctx.Numbering.Next(p);
        foreach (var run in p.Descendants<Run>())
        {
            if (!ReferenceEquals(run.Ancestors<Paragraph>().FirstOrDefault(), p)) continue; // text boxes
            var rt = new StringBuilder();
            foreach (var child in run.ChildElements)
            {
                switch (child)
                {
                    case DocumentFormat.OpenXml.Wordprocessing.Text t: rt.Append(t.Text); break;
                    case TabChar: rt.Append(' '); break;
                    case Break br when br.Type?.Value is null || br.Type.Value == BreakValues.TextWrapping: rt.Append('\n'); break;
                    case CarriageReturn: rt.Append('\n'); break;
                    case NoBreakHyphen: rt.Append('-'); break;
                }
            }
            if (rt.Length == 0) continue;
            var text = rt.ToString();
            var legacy = ctx.Fonts.LegacyFont(run, p);
            if (legacy is { } lf)
            {
                text = LegacyCodec.DecodeMojibake(text, lf.Encoding);
                if (lf.UpperCase) text = text.ToUpperInvariant();
            }
            sb.Append(text);
        }
        var body = sb.ToString();
        if (label is null) return body;
        return body.Trim().Length == 0 ? "" : label + " " + body.TrimStart();
    }
}
