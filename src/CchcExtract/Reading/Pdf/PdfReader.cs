using System.Text;
using CchcExtract.Model;
using CchcExtract.Reading.Layout;
using CchcExtract.Reading.Legacy;
using CchcExtract.Reading.Ocr;

namespace CchcExtract.Reading.Pdf;

/// <summary>
/// Reads PDF files with poppler: <c>pdftotext -tsv</c> word boxes laid out by <see cref="PageLayout"/>
/// (reading order, headers/footers removed, tables rebuilt). Pages without a text layer are rendered with
/// <c>pdftoppm -r 300</c> and OCR'd (<see cref="TesseractOcr"/>); such documents get format <c>ocr</c>
/// (or <c>pdf+ocr</c> when mixed). Lines carry their page and box (points for text pages, pixels at 300 dpi
/// for OCR'd pages). Text in legacy fonts that shows as TCVN3/VNI mojibake is converted.
/// </summary>
public sealed class PdfReader : IDocumentReader
{
    /// <summary>Files larger than this are refused.</summary>
    public long MaxBytes { get; init; } = ReaderFiles.DefaultMaxBytes;

    /// <summary>Most pages read from one file.</summary>
    public int MaxPages { get; init; } = 2000;

    /// <summary>OCR pages that have no text layer (else they are skipped and an all-image PDF fails).</summary>
    public bool Ocr { get; init; } = true;

    /// <summary>Resolution for rendering image pages for OCR.</summary>
    public int OcrDpi { get; init; } = 300;

    /// <inheritdoc/>
    public TextDocument Read(string path)
    {
        var bytes = ReaderFiles.ReadChecked(path, MaxBytes);
        int head = Math.Min(bytes.Length, 1024);
        if (bytes.AsSpan(0, head).IndexOf("%PDF-"u8) < 0) throw new DocumentReadException(path, "corrupt .pdf (no %PDF header)");
        var info = ExternalTool.Run(path, "pdfinfo", [path], TimeSpan.FromSeconds(60));
        if (info.ExitCode != 0) throw new DocumentReadException(path, Problem(info.StdErr));
        int pageCount = ParseInt(info.StdOut, "Pages:");
        if (pageCount <= 0) throw new DocumentReadException(path, "corrupt .pdf (no pages)");
        if (pageCount > MaxPages) throw new DocumentReadException(path, $"too many pages ({pageCount}; limit {MaxPages})");
        var r = ExternalTool.Run(path, "pdftotext", ["-tsv", "-enc", "UTF-8", path, "-"], TimeSpan.FromMinutes(5));
        if (r.ExitCode != 0) throw new DocumentReadException(path, Problem(r.StdErr));
        var (pages, words) = WordTsv.Parse(r.StdOut);
        words = words.Where(w => w.Text is not "###PAGE###" and not "###FLOW###" and not "###LINE###").ToList();
        var withText = words.GroupBy(w => w.Page).Where(g => g.Sum(w => w.Text.Length) >= 10).Select(g => g.Key).ToHashSet();
        var imagePages = pages.Where(p => !withText.Contains(p.Page)).Select(p => p.Page).ToList();
        string format = "pdf";
        List<RuledTable> ruled = [];
        if (imagePages.Count > 0 && Ocr)
        {
            (var ocrPages, var ocrWords, ruled) = OcrPages(path, imagePages);
            words = words.Where(w => withText.Contains(w.Page)).Concat(ocrWords).ToList();
            pages = pages.Select(p => ocrPages.FirstOrDefault(o => o.Page == p.Page) ?? p).ToList();
            format = imagePages.Count == pages.Count ? "ocr" : "pdf+ocr";
        }
        var laid = PageLayout.Build(pages, words, engineParagraphs: format == "ocr", ruled);
        var sink = new ReaderFiles.LineSink();
        foreach (var line in laid)
        {
            var text = line.Text.Length == 0 ? "" : LegacyDetector.FixMojibake(line.Text).Text;
            if (format == "ocr") text = TesseractOcr.QuarterNumeralsInText(text);
            if (text.Length == 0) sink.Blank(line.Page);
            else sink.Add(text, line.Page, line.Box, format == "pdf" || withText.Contains(line.Page) ? null : line.Confidence);
        }
        if (!sink.HasText)
            throw new DocumentReadException(path, imagePages.Count > 0 && !Ocr ? "no text layer (scanned PDF) and OCR is off" : "empty document (no text found)");
        return new TextDocument(path, format, sink.Finish(), PlainTextReader.Hash(bytes));
    }

    private (List<PageSize>, List<PageWord>, List<RuledTable>) OcrPages(string path, List<int> pageNumbers)
    {
        using var tmp = new ExternalTool.TempDir();
        var sizes = new PageSize[pageNumbers.Count];
        var words = new List<PageWord>[pageNumbers.Count];
        var tables = new List<RuledTable>[pageNumbers.Count];
        var cells = new List<RuledCellOcr.Crop>[pageNumbers.Count];
        // One worker more than Tesseract slots, so that rendering the next page overlaps OCR; the slots in
        // TesseractOcr keep the number of Tesseract processes at the number of cores.
        try
        {
            Parallel.For(0, pageNumbers.Count, new ParallelOptions { MaxDegreeOfParallelism = TesseractOcr.MaxParallel + 1 }, i =>
            {
                int p = pageNumbers[i];
                var prefix = Path.Combine(tmp.Path, $"r{p}");
                // Uncompressed greyscale PGM: writing PNG at 300 dpi costs more than the OCR itself.
                var r = ExternalTool.Run(path, "pdftoppm", ["-r", OcrDpi.ToString(), "-f", p.ToString(), "-l", p.ToString(), "-gray", "-singlefile", path, prefix], TimeSpan.FromMinutes(2));
                if (r.ExitCode != 0 || !File.Exists(prefix + ".pgm")) throw new DocumentReadException(path, $"cannot render page {p} for OCR: {Problem(r.StdErr)}");
                var (size, ws, ts, cs) = TesseractOcr.Recognize(path, prefix + ".pgm", p, tmp.Path);
                File.Delete(prefix + ".pgm");
                sizes[i] = size;
                words[i] = ws;
                tables[i] = ts;
                cells[i] = cs;
            });
            words = RuledCellOcr.Apply(path, words, cells, tmp.Path);
            TesseractOcr.UnifyQuarterNumerals(words);
        }
        catch (AggregateException e) when (e.InnerExceptions.OfType<DocumentReadException>().FirstOrDefault() is { } first)
        {
            throw first; // one clear reason, as every reader promises
        }
        return (sizes.ToList(), words.SelectMany(w => w).ToList(), tables.SelectMany(t => t).ToList());
    }

    private static int ParseInt(string text, string key)
    {
        foreach (var line in text.Split('\n'))
            if (line.StartsWith(key) && int.TryParse(line[key.Length..].Trim(), out var n)) return n;
        return -1;
    }

    /// <summary>A one-line reason from poppler's error output.</summary>
    private static string Problem(string stderr)
    {
        if (stderr.Contains("password", StringComparison.OrdinalIgnoreCase)) return "encrypted (password-protected) PDF";
        var first = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() ?? "unknown error";
        return $"corrupt .pdf ({(first.Length > 120 ? first[..120] : first)})";
    }
}
