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
        // Split into single-page greyscale PGMs (uncompressed: fast to write and read) (also validates the image); pages smaller than ~300 dpi A4
        // (longest side under 3500 px) are enlarged, which Tesseract needs for small glyphs such as "I" or "V".
        var split = ExternalTool.Run(path, "convert", [path, "-colorspace", "Gray", "-resize", "3500x3500<", "-scene", "1", Path.Combine(tmp.Path, "page-%d.pgm")], TimeSpan.FromMinutes(2));
        var images = Directory.GetFiles(tmp.Path, "page-*.pgm").OrderBy(f => int.Parse(Path.GetFileNameWithoutExtension(f)[5..])).ToList();
        if (split.ExitCode != 0 || images.Count == 0)
            throw new DocumentReadException(path, $"corrupt or unreadable image ({split.StdErr.Split('\n').FirstOrDefault()?.Trim()})");
        var sizes = new PageSize[images.Count];
        var words = new List<PageWord>[images.Count];
        Parallel.For(0, images.Count, new ParallelOptions { MaxDegreeOfParallelism = TesseractOcr.MaxParallel + 1 }, i =>
        {
            var (size, ws) = TesseractOcr.Recognize(path, images[i], i + 1, tmp.Path);
            sizes[i] = size;
            words[i] = ws;
        });
        var sink = new ReaderFiles.LineSink();
        foreach (var line in PageLayout.Build(sizes, words.SelectMany(w => w).ToList(), engineParagraphs: true))
        {
            if (line.Text.Length == 0) sink.Blank(line.Page);
            else sink.Add(line.Text, line.Page, line.Box, line.Confidence);
        }
        if (!sink.HasText) throw new DocumentReadException(path, "no text recognised in the image");
        return new TextDocument(path, "ocr", sink.Finish(), PlainTextReader.Hash(bytes));
    }
}
