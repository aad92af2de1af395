using CchcExtract.Model;
using CchcExtract.Reading.Layout;

namespace CchcExtract.Reading.Ocr;

/// <summary>
/// Reads scanned pages and photos (.png, .jpg, .jpeg, .tif, .tiff; multi-page TIFF split into pages) with
/// <see cref="TesseractOcr"/>, then lays the words out like a PDF page (<see cref="PageLayout"/>). Lines carry
/// page, box (pixels) and the mean word confidence.
/// </summary>
public sealed class ImageReader : IDocumentReader
{
    /// <summary>Files larger than this are refused.</summary>
    public long MaxBytes { get; init; } = ReaderFiles.DefaultMaxBytes;

    /// <inheritdoc/>
    public TextDocument Read(string path)
    {
        var bytes = ReaderFiles.ReadChecked(path, MaxBytes);
        using var tmp = new ExternalTool.TempDir();
        // Count the frames (pages) without decoding them; also validates the file.
        var probe = ExternalTool.Run(path, "identify", ["-ping", "-format", "%p\n", path], TimeSpan.FromMinutes(1));
        int frames = probe.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        if (probe.ExitCode != 0 || frames == 0)
            throw new DocumentReadException(path, $"corrupt or unreadable image ({probe.StdErr.Split('\n').FirstOrDefault()?.Trim()})");
        var sizes = new PageSize[frames];
        var words = new List<PageWord>[frames];
        var tables = new List<RuledTable>[frames];
        var cells = new List<RuledCellOcr.Crop>[frames];
        // One page at a time (a long multi-page TIFF decoded at once exhausts ImageMagick's pixel cache), as a
        // greyscale PGM (uncompressed: fast to write and read); pages smaller than ~300 dpi A4 (longest side
        // under 3500 px) are enlarged, which Tesseract needs for small glyphs such as "I" or "V".
        try
        {
            Parallel.For(0, frames, new ParallelOptions { MaxDegreeOfParallelism = TesseractOcr.MaxParallel + 1 }, i =>
            {
                var page = Path.Combine(tmp.Path, $"page-{i + 1}.pgm");
                var r = ExternalTool.Run(path, "convert", [$"{path}[{i}]", "-colorspace", "Gray", "-resize", "3500x3500<", page], TimeSpan.FromMinutes(2));
                if (r.ExitCode != 0 || !File.Exists(page))
                    throw new DocumentReadException(path, $"corrupt or unreadable image, page {i + 1} ({r.StdErr.Split('\n').FirstOrDefault()?.Trim()})");
                var (size, ws, ts, cs) = TesseractOcr.Recognize(path, page, i + 1, tmp.Path);
                sizes[i] = size;
                words[i] = ws;
                tables[i] = ts;
                cells[i] = cs;
                File.Delete(page);
            });
            words = RuledCellOcr.Apply(path, words, cells, tmp.Path);
            TesseractOcr.UnifyQuarterNumerals(words);
        }
        catch (AggregateException e) when (e.InnerExceptions.OfType<DocumentReadException>().FirstOrDefault() is { } first)
        {
            throw first; // one clear reason, as every reader promises
        }
        var sink = new ReaderFiles.LineSink();
        foreach (var line in PageLayout.Build(sizes, words.SelectMany(w => w).ToList(), engineParagraphs: true, tables.SelectMany(t => t).ToList()))
        {
            if (line.Text.Length == 0) sink.Blank(line.Page);
            else sink.Add(TesseractOcr.QuarterNumeralsInText(line.Text), line.Page, line.Box, line.Confidence);
        }
        if (!sink.HasText) throw new DocumentReadException(path, "no text recognised in the image");
        return new TextDocument(path, "ocr", sink.Finish(), PlainTextReader.Hash(bytes));
    }
}
