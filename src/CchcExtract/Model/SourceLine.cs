namespace CchcExtract.Model;

/// <summary>
/// One line of a document as a reader produced it. <see cref="Raw"/> is the text exactly as read
/// (after decoding); <see cref="Text"/> is the same line normalised (NFC, one tone-placement
/// convention, see <see cref="Text.VietnameseText.Normalize"/>) and, where the repair stage ran,
/// repaired. Table rows are encoded as tab-separated cells, as in the seed plans; a cell that holds
/// several paragraphs joins them with <c>&lt;p&gt;</c> markup.
/// </summary>
/// <param name="Number">1-based line number in the reader's output.</param>
/// <param name="Raw">The line before normalisation and repair.</param>
/// <param name="Text">The normalised (and possibly repaired) line.</param>
/// <param name="Page">1-based page for paged formats (PDF, scans), else null.</param>
/// <param name="Box">Bounding box on the page, when known (scans, PDF).</param>
/// <param name="RepairConfidence">Confidence of the repair stage in [0,1] when the line was repaired, else null.</param>
/// <param name="Confidence">For OCR'd lines, the mean word confidence of the OCR engine in [0,1]
/// (low values mark lines the repair stage should look at); null for text read from a text layer.</param>
public sealed record SourceLine(int Number, string Raw, string Text, int? Page = null, BoundingBox? Box = null, double? RepairConfidence = null, double? Confidence = null);
