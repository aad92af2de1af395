using CchcExtract.Reading;
using CchcExtract.Reading.Fixtures;
using CchcExtract.Reading.Pdf;
using CchcExtract.Reading.Word;
using CchcExtract.Tests.Support;
using Shouldly;
using Xunit.Abstractions;

namespace CchcExtract.Tests.Reading;

/// <summary>Renders seed plans (from ../shared, never committed) to .docx and text PDF locally and reads them back.</summary>
public class SeedRenderingTests(ITestOutputHelper output)
{
    private static List<string> SeedLines(string seed) =>
        File.ReadAllLines(Shared.Seed(seed)).Select(l => l.Trim(' ', '\r')).Where(l => l.Trim().Length > 0)
            .Select(l => l.Contains('\t') ? string.Join('\t', l.Split('\t').Select(c => c.Trim())) : l).ToList();

    [SharedTheory]
    [InlineData("000")]
    [InlineData("001")]
    public void Docx_RenderedSeed_SameLinesAsText(string seed)
    {
        var path = FormatSamples.Temp(".docx");
        try
        {
            PlanDocxWriter.Write(File.ReadAllText(Shared.Seed(seed)), path, autoNumbering: false);
            var lines = new DocxReader().Read(path).Lines.Where(l => l.Raw.Length > 0).Select(l => FormatSamples.Norm(l.Raw).TrimEnd('\t')).ToList();
            var expected = SeedLines(seed).Select(l => FormatSamples.Norm(l).TrimEnd('\t')).ToList();
            var tableRows = lines.Where(l => l.Contains('\t')).ToList();
            int same = expected.Count(e => lines.Contains(e));
            output.WriteLine($"seed {seed}: {same}/{expected.Count} lines identical");
            foreach (var e in expected.Where(e => !lines.Contains(e)).Take(5)) output.WriteLine("missing: " + e);
            ((double)same / expected.Count).ShouldBeGreaterThanOrEqualTo(0.98);
        }
        finally { File.Delete(path); }
    }

    [SharedTheory]
    [InlineData("000")]
    [InlineData("001")]
    public void TextPdf_RenderedSeed_CellsAndParagraphsAgree(string seed)
    {
        if (!ExternalTool.Exists("soffice")) { output.WriteLine("soffice missing; skipped"); return; }
        using var tmp = new ExternalTool.TempDir();
        var docx = Path.Combine(tmp.Path, "seed.docx");
        PlanDocxWriter.Write(File.ReadAllText(Shared.Seed(seed)), docx, autoNumbering: false);
        var r = ExternalTool.Run(docx, "soffice", ["-env:UserInstallation=" + new Uri(Path.Combine(tmp.Path, "p")).AbsoluteUri, "--headless", "--convert-to", "pdf", "--outdir", tmp.Path, docx], TimeSpan.FromMinutes(3));
        var pdf = Path.Combine(tmp.Path, "seed.pdf");
        File.Exists(pdf).ShouldBeTrue(r.StdErr);
        var doc = new PdfReader().Read(pdf);
        var expected = SeedLines(seed);
        var actual = doc.Lines.Select(l => l.Text).ToList();
        double cells = FormatSamples.CellAgreement(expected, actual);
        var paras = expected.Where(l => !l.Contains('\t')).Select(FormatSamples.Norm).ToList();
        var got = actual.Where(l => !l.Contains('\t')).Select(FormatSamples.Norm).ToHashSet();
        double paraShare = paras.Count == 0 ? 1 : (double)paras.Count(got.Contains) / paras.Count;
        output.WriteLine($"seed {seed}: {doc.Lines.Select(l => l.Page).Max()} pages, table cell agreement {cells:P1}, paragraphs identical {paraShare:P1}");
        if (expected.Any(l => l.Contains('\t'))) cells.ShouldBeGreaterThanOrEqualTo(0.95);
        paraShare.ShouldBeGreaterThanOrEqualTo(0.95);
    }
}
