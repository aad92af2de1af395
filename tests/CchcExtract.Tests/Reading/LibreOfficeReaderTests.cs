using CchcExtract.Reading;
using CchcExtract.Reading.Fixtures;
using CchcExtract.Reading.Legacy;
using CchcExtract.Reading.Word;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Shouldly;

namespace CchcExtract.Tests.Reading;

public class LibreOfficeReaderTests
{
    [Theory]
    [InlineData("odt")]
    [InlineData("rtf")]
    [InlineData("doc")]
    public void Read_ConvertedFromDocx_SameLinesAsDocx(string ext)
    {
        if (!ExternalTool.Exists("soffice")) Assert.Fail("LibreOffice (soffice) is required: run scripts/setup.sh");
        using var tmp = new ExternalTool.TempDir();
        var docx = Path.Combine(tmp.Path, "plan.docx");
        PlanDocxWriter.Write(FormatSamples.Source, docx);
        var filter = ext switch { "doc" => "doc:MS Word 97", "rtf" => "rtf", _ => "odt" };
        ExternalTool.Run(docx, "soffice", ["-env:UserInstallation=" + new Uri(Path.Combine(tmp.Path, "p")).AbsoluteUri, "--headless", "--convert-to", filter, "--outdir", tmp.Path, docx], TimeSpan.FromMinutes(3));
        var converted = Path.Combine(tmp.Path, "plan." + ext);
        File.Exists(converted).ShouldBeTrue();
        var doc = new LibreOfficeReader().Read(converted);
        doc.Format.ShouldBe(ext);
        var expected = PlanDocxWriter.ExpectedText(FormatSamples.Source).Select(FormatSamples.Norm).ToList();
        var lines = doc.Lines.Where(l => l.Raw.Length > 0).Select(l => FormatSamples.Norm(l.Text)).ToList();
        lines.Count(expected.Contains).ShouldBeGreaterThanOrEqualTo((int)(0.95 * expected.Count));
    }

    [Fact]
    public void Read_CorruptDoc_ThrowsCorrupt()
    {
        var path = FormatSamples.Temp(".doc");
        File.WriteAllText(path, "not a word file");
        try { Should.Throw<DocumentReadException>(() => new LibreOfficeReader().Read(path)).Problem.ShouldContain("corrupt"); }
        finally { File.Delete(path); }
    }
}

public class DocxLegacyFontTests
{
    [Theory]
    [InlineData("VNI-Times", LegacyEncoding.Vni, false)]
    [InlineData(".VnTime", LegacyEncoding.Tcvn3, false)]
    [InlineData(".VnTimeH", LegacyEncoding.Tcvn3, true)]
    public void Read_RunInLegacyFont_ConvertedToUnicode(string font, LegacyEncoding encoding, bool upper)
    {
        const string text = "kế hoạch cải cách hành chính của ủy ban nhân dân";
        var bytes = LegacyCodec.Encode(text, encoding);
        var legacy = new string(bytes.Select(b => (char)b).ToArray());
        var path = FormatSamples.Temp(".docx");
        try
        {
            using (var doc = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document))
            {
                var main = doc.AddMainDocumentPart();
                main.Document = new Document(new Body(
                    new Paragraph(new Run(new DocumentFormat.OpenXml.Wordprocessing.Text("Unicode: "))
                    , new Run(new RunProperties(new RunFonts { Ascii = font, HighAnsi = font }), new DocumentFormat.OpenXml.Wordprocessing.Text(legacy) { Space = SpaceProcessingModeValues.Preserve }))));
                main.Document.Save();
            }
            var line = new DocxReader().Read(path).Lines.Single();
            line.Text.ShouldBe("Unicode: " + (upper ? text.ToUpperInvariant() : text));
        }
        finally { File.Delete(path); }
    }
}
