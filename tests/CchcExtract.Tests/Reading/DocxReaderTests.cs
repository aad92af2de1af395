using System.IO.Compression;
using CchcExtract.Reading;
using CchcExtract.Reading.Fixtures;
using CchcExtract.Reading.Word;
using Shouldly;

namespace CchcExtract.Tests.Reading;

public class DocxReaderTests
{
    private static List<string> ReadNonBlank(string path) =>
        new DocxReader().Read(path).Lines.Where(l => l.Raw.Length > 0).Select(l => l.Raw).ToList();

    [Fact]
    public void Read_GeneratedPlan_ReturnsSourceLinesNumberingAndCells()
    {
        var path = FormatSamples.Temp(".docx");
        try
        {
            PlanDocxWriter.Write(FormatSamples.Source, path);
            var lines = ReadNonBlank(path);
            lines.ShouldBe(PlanDocxWriter.ExpectedText(FormatSamples.Source));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Read_CommittedDocxFixture_MatchesSource()
    {
        var lines = ReadNonBlank(FormatSamples.Path("plan-hoa-an.docx"));
        lines.ShouldBe(PlanDocxWriter.ExpectedText(FormatSamples.Source));
    }

    [Fact]
    public void Read_GeneratedPlan_TableRowsHaveMergedCellsEmpty()
    {
        var path = FormatSamples.Temp(".docx");
        try
        {
            PlanDocxWriter.Write(FormatSamples.Source, path);
            var doc = new DocxReader().Read(path);
            var group = doc.Lines.Single(l => l.Raw.StartsWith("I\t"));
            group.Raw.ShouldBe("I\tCông tác chỉ đạo, điều hành\t\t\t\t"); // gridSpan 5
            var row2 = doc.Lines.Single(l => l.Raw.StartsWith("2\t"));
            row2.Raw.Split('\t')[2].ShouldBe(""); // vMerge continuation
            doc.Lines.Single(l => l.Raw.StartsWith("3\t")).Raw.Split('\t')[5].ShouldBe("<p>Kế hoạch kiểm tra</p> <p>Thông báo kết luận</p>");
            doc.Lines.ShouldContain(l => l.Raw == "Các ban, ngành chủ động phối hợp, báo cáo kết quả đúng thời hạn."); // .VnTime run
            doc.Format.ShouldBe("docx");
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Read_NotAZip_ThrowsCorrupt()
    {
        var path = FormatSamples.Temp(".docx");
        File.WriteAllText(path, "this is not a zip package at all");
        try { Should.Throw<DocumentReadException>(() => new DocxReader().Read(path)).Problem.ShouldContain("corrupt"); }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Read_TruncatedDocx_ThrowsCorrupt()
    {
        var good = FormatSamples.Temp(".docx");
        var bad = FormatSamples.Temp(".docx");
        try
        {
            PlanDocxWriter.Write(FormatSamples.Source, good);
            var bytes = File.ReadAllBytes(good);
            File.WriteAllBytes(bad, bytes[..(bytes.Length / 2)]);
            Should.Throw<DocumentReadException>(() => new DocxReader().Read(bad)).Problem.ShouldContain("corrupt");
        }
        finally { File.Delete(good); File.Delete(bad); }
    }

    [Fact]
    public void Read_ZipWithoutDocument_ThrowsCorrupt()
    {
        var path = FormatSamples.Temp(".docx");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create)) zip.CreateEntry("hello.txt");
        try { Should.Throw<DocumentReadException>(() => new DocxReader().Read(path)).Problem.ShouldContain("corrupt"); }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Read_EmptyFile_ThrowsEmpty()
    {
        var path = FormatSamples.Temp(".docx");
        File.WriteAllBytes(path, []);
        try { Should.Throw<DocumentReadException>(() => new DocxReader().Read(path)).Problem.ShouldContain("empty"); }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Read_DocumentWithoutText_ThrowsEmpty()
    {
        var path = FormatSamples.Temp(".docx");
        try
        {
            PlanDocxWriter.Write("[page]", path);
            Should.Throw<DocumentReadException>(() => new DocxReader().Read(path)).Problem.ShouldContain("empty document");
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Default_Registry_ReadsDocxAndRefusesUnknown()
    {
        var readers = DocumentReaders.Default();
        readers.Supports("a.docx").ShouldBeTrue();
        readers.Supports("a.pdf").ShouldBeTrue();
        readers.Supports("a.png").ShouldBeTrue();
        Should.Throw<DocumentReadException>(() => readers.Read("x.xyz")).Problem.ShouldContain("unsupported");
    }
}
