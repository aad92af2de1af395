using CchcExtract.Reading;
using CchcExtract.Reading.Fixtures;
using CchcExtract.Reading.Pdf;
using Shouldly;

namespace CchcExtract.Tests.Reading;

public class PdfReaderTests
{
    private static readonly IReadOnlyList<string> Expected = PlanDocxWriter.ExpectedText(FormatSamples.Source);

    [Fact]
    public void Read_TextPdf_ParagraphsMatchSource()
    {
        var doc = new PdfReader().Read(FormatSamples.Path("plan-hoa-an.pdf"));
        doc.Format.ShouldBe("pdf");
        var paragraphs = doc.Lines.Where(l => l.Raw.Length > 0 && !l.Raw.Contains('\t')).Select(l => l.Text).ToList();
        paragraphs.ShouldBe(Expected.Where(l => !l.Contains('\t')).ToList());
    }

    [Fact]
    public void Read_TextPdf_TableCellsMatchSource()
    {
        var doc = new PdfReader().Read(FormatSamples.Path("plan-hoa-an.pdf"));
        var rows = doc.Lines.Where(l => l.Raw.Contains('\t')).Select(l => l.Raw).ToList();
        FormatSamples.CellAgreement(Expected, rows).ShouldBe(1.0);
        rows.ShouldAllBe(r => r.Split('\t').Length == 6);
        // The header row repeats where the table continues on the next page, as it appears in the PDF.
        rows.Count(r => r.StartsWith("STT\t")).ShouldBe(2);
    }

    [Fact]
    public void Read_TextPdf_DropsRunningHeaderAndPageNumbers()
    {
        var doc = new PdfReader().Read(FormatSamples.Path("plan-hoa-an.pdf"));
        doc.Lines.ShouldNotContain(l => l.Raw.Contains("xã Hòa An") && l.Raw.StartsWith("Kế hoạch cải cách"));
        doc.Lines.Select(l => l.Raw.Trim()).ShouldNotContain(t => t == "1" || t == "2" || t == "3");
    }

    [Fact]
    public void Read_TextPdf_LinesCarryPagesAndBoxes_BlankLineBetweenPages()
    {
        var doc = new PdfReader().Read(FormatSamples.Path("plan-hoa-an.pdf"));
        doc.Lines.Where(l => l.Raw.Length > 0).ShouldAllBe(l => l.Page != null && l.Box != null);
        doc.Lines.Select(l => l.Page).Distinct().Count().ShouldBe(3);
        for (int i = 1; i < doc.Lines.Count; i++)
            if (doc.Lines[i].Raw.Length > 0 && doc.Lines[i - 1].Raw.Length > 0)
                doc.Lines[i].Page.ShouldBe(doc.Lines[i - 1].Page); // a page change always passes a blank line
    }

    [Fact]
    public void Read_LegacyFontRunInPdf_ConvertedFromTcvn3()
    {
        // The .VnTime paragraph is drawn without the font, so the PDF holds TCVN3 bytes as Latin-1 text.
        var doc = new PdfReader().Read(FormatSamples.Path("plan-hoa-an.pdf"));
        doc.Lines.ShouldContain(l => l.Text == "Các ban, ngành chủ động phối hợp, báo cáo kết quả đúng thời hạn.");
    }

    [Theory]
    [InlineData("bad-encrypted.pdf", "encrypted")]
    [InlineData("bad-truncated.pdf", "corrupt")]
    public void Read_DamagedPdf_ThrowsWithReason(string file, string reason) =>
        Should.Throw<DocumentReadException>(() => new PdfReader().Read(FormatSamples.Path(file))).Problem.ShouldContain(reason);

    [Fact]
    public void Read_NotAPdf_ThrowsCorrupt()
    {
        var path = FormatSamples.Temp(".pdf");
        File.WriteAllText(path, "hello, I am not a PDF");
        try { Should.Throw<DocumentReadException>(() => new PdfReader().Read(path)).Problem.ShouldContain("corrupt"); }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Read_EmptyPdfFile_ThrowsEmpty()
    {
        var path = FormatSamples.Temp(".pdf");
        File.WriteAllBytes(path, []);
        try { Should.Throw<DocumentReadException>(() => new PdfReader().Read(path)).Problem.ShouldContain("empty"); }
        finally { File.Delete(path); }
    }
}

public class OcrReaderTests
{
    private static readonly IReadOnlyList<string> Expected = PlanDocxWriter.ExpectedText(FormatSamples.Source);

    [Fact]
    public void Read_ScannedPdf_TableCellsAgreeWithSource()
    {
        var doc = new PdfReader().Read(FormatSamples.Path("plan-hoa-an.scan.pdf"));
        doc.Format.ShouldBe("ocr");
        var rows = doc.Lines.Where(l => l.Raw.Contains('\t')).Select(l => l.Text).ToList();
        FormatSamples.CellAgreement(Expected, rows).ShouldBeGreaterThanOrEqualTo(0.95);
        doc.Lines.Where(l => l.Raw.Length > 0).ShouldAllBe(l => l.Confidence > 0 && l.Confidence <= 1 && l.Box != null && l.Page != null);
    }

    [Fact]
    public void Read_ScannedPdf_ParagraphsMostlyExact()
    {
        var doc = new PdfReader().Read(FormatSamples.Path("plan-hoa-an.scan.pdf"));
        var expected = Expected.Where(l => !l.Contains('\t')).ToList();
        var got = doc.Lines.Where(l => l.Raw.Length > 0 && !l.Raw.Contains('\t')).Select(l => FormatSamples.Norm(l.Text)).ToHashSet();
        expected.Count(e => got.Contains(FormatSamples.Norm(e))).ShouldBeGreaterThanOrEqualTo((int)(0.8 * expected.Count));
    }

    [Fact]
    public void Read_PageImage_ReadsTableRowsWithConfidence()
    {
        var doc = new CchcExtract.Reading.Ocr.ImageReader().Read(FormatSamples.Path("plan-hoa-an.page3.jpg"));
        doc.Format.ShouldBe("ocr");
        var rows = doc.Lines.Where(l => l.Raw.Contains('\t')).Select(l => l.Text).ToList();
        var expectedPage3 = Expected.Where(l => l.StartsWith("STT\t") || l.StartsWith("V\t") || l.StartsWith("11\t") || l.StartsWith("12\t") || l.StartsWith("13\t")).ToList();
        FormatSamples.CellAgreement(expectedPage3, rows).ShouldBeGreaterThanOrEqualTo(0.7); // measured 0.733: Tesseract misses the group number "V" beside the rule
    }

    [Fact]
    public void Read_PageImageTurned90Degrees_RotatedBackAndRead()
    {
        using var tmp = new ExternalTool.TempDir();
        var turned = Path.Combine(tmp.Path, "turned.png");
        ExternalTool.Run(turned, "convert", [FormatSamples.Path("plan-hoa-an.page3.jpg"), "-rotate", "90", turned], TimeSpan.FromMinutes(1));
        var doc = new CchcExtract.Reading.Ocr.ImageReader().Read(turned);
        var rows = doc.Lines.Where(l => l.Raw.Contains('\t')).Select(l => l.Text).ToList();
        var expectedPage3 = Expected.Where(l => l.StartsWith("STT\t") || l.StartsWith("V\t") || l.StartsWith("11\t") || l.StartsWith("12\t") || l.StartsWith("13\t")).ToList();
        FormatSamples.CellAgreement(expectedPage3, rows).ShouldBeGreaterThanOrEqualTo(0.7);
    }

    [Fact]
    public void Read_CorruptImage_ThrowsUnreadable()
    {
        var path = FormatSamples.Temp(".png");
        File.WriteAllBytes(path, [0x89, (byte)'P', (byte)'N', (byte)'G', 1, 2, 3, 4, 5, 6, 7, 8, 9]);
        try { Should.Throw<DocumentReadException>(() => new CchcExtract.Reading.Ocr.ImageReader().Read(path)).Problem.ShouldContain("corrupt"); }
        finally { File.Delete(path); }
    }
}

public class Tcvn3FixtureTests
{
    [Fact]
    public void Read_Tcvn3TextFixture_SameLinesAsUnicodeText()
    {
        var legacy = new PlainTextReader().Read(FormatSamples.Path("plan-hoa-an.tcvn3.txt")).Lines.Select(l => l.Text.ToLowerInvariant()).ToList();
        var unicode = new PlainTextReader().Read(FormatSamples.Path("plan-hoa-an.txt")).Lines.Select(l => l.Text.ToLowerInvariant()).ToList();
        legacy.ShouldBe(unicode);
    }
}
