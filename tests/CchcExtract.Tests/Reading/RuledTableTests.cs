using CchcExtract.Evaluation;
using CchcExtract.Pipeline;
using CchcExtract.Reading;
using CchcExtract.Reading.Fixtures;
using CchcExtract.Reading.Layout;
using CchcExtract.Reading.Pdf;
using CchcExtract.Repair;
using CchcExtract.Tests.Support;
using Shouldly;
using Xunit.Abstractions;

namespace CchcExtract.Tests.Reading;

/// <summary>
/// Bordered tables on scanned pages: the grid comes from the drawn rules (<see cref="RuledTables"/>) and rows
/// are built from it. Fixture <c>plan-tan-phu</c> (our own plan): an 8-column multi-level appendix over three
/// pages with merged cells, printed at 200 dpi, turned ±1° and noised (<c>scripts/make-fixtures.sh</c>).
/// </summary>
public class RuledTableTests(ITestOutputHelper output)
{
    private const string Fixture = "plan-tan-phu";

    private static RuledTables.Gray RenderPage(string pdf, int page, ExternalTool.TempDir tmp)
    {
        var prefix = Path.Combine(tmp.Path, $"p{page}");
        ExternalTool.Run(pdf, "pdftoppm", ["-r", "300", "-f", $"{page}", "-l", $"{page}", "-gray", "-singlefile", pdf, prefix], TimeSpan.FromMinutes(1));
        return RuledTables.ReadPgm(prefix + ".pgm").ShouldNotBeNull();
    }

    [Theory]
    [InlineData(2, -0.8)] // make-fixtures.sh turns even pages by -0.8°, odd ones by 1.1°
    [InlineData(3, 1.1)]
    public void InkSkew_TurnedScanPage_AngleWithinATenthOfADegree(int page, double degrees)
    {
        using var tmp = new ExternalTool.TempDir();
        var gray = RenderPage(FormatSamples.Path(Fixture + ".scan.pdf"), page, tmp);
        (RuledTables.InkSkew(gray) * 180 / Math.PI).ShouldBe(degrees, 0.1);
    }

    [Fact]
    public void Find_ScannedAppendixPage_EightColumnsAndMergedCells()
    {
        using var tmp = new ExternalTool.TempDir();
        var gray = RenderPage(FormatSamples.Path(Fixture + ".scan.pdf"), 2, tmp);
        var tables = RuledTables.Find(RuledTables.Deskew(gray, RuledTables.InkSkew(gray)), 2);
        var t = tables.ShouldHaveSingleItem();
        t.Columns.ShouldBe(8);
        // Page 2: header, section row I (title merged over 7 columns), three activities of objective 1
        // (objective merged over them), the first row of objective 2.
        t.Bands.ShouldBe(6);
        int Anchor(int band, int col) => t.Anchor[band * t.Columns + col];
        Enumerable.Range(1, 7).Select(c => Anchor(1, c)).Distinct().ShouldHaveSingleItem().ShouldBe(1 * 8 + 1);
        Anchor(0, 0).ShouldNotBe(Anchor(0, 1)); // header cells apart
        new[] { Anchor(2, 1), Anchor(3, 1), Anchor(4, 1) }.Distinct().ShouldHaveSingleItem(); // objective merged down
        Anchor(3, 2).ShouldBe(Anchor(2, 2)); // task merged over two activities…
        Anchor(4, 2).ShouldNotBe(Anchor(2, 2)); // …then a new task
        Anchor(3, 3).ShouldNotBe(Anchor(2, 3)); // every activity its own cell
        Anchor(5, 1).ShouldNotBe(Anchor(4, 1));
    }

    [Fact]
    public void Read_ScannedRuledTable_OneLinePerRowWithMergedCellsBlank()
    {
        var doc = new PdfReader().Read(FormatSamples.Path(Fixture + ".scan.pdf"));
        var expected = PlanDocxWriter.ExpectedText(File.ReadAllText(FormatSamples.Path(Fixture + ".src.txt"))).Where(l => l.Contains('\t')).ToList();
        var rows = doc.Lines.Where(l => l.Raw.Contains('\t')).Select(l => l.Text).ToList();
        foreach (var r in rows) output.WriteLine(r.Replace("\t", " | "));
        rows.ShouldAllBe(r => r.Split('\t').Length == 8);
        // Every source row once, plus the header repeated on pages 3 and 4 and the two rows cut by page breaks.
        rows.Count.ShouldBe(expected.Count + 2 + 2);
        // Cells equal to the source's, each source row matched to the read row most like it (the two rows cut by a
        // page break count as wrong in their cut cells; the rest is OCR spelling).
        int total = 0, same = 0;
        foreach (var e in expected.Skip(1).Select(l => l.Split('\t')))
        {
            var best = rows.Select(r => r.Split('\t')).MaxBy(r => FuzzySharp.Fuzz.Ratio(string.Join(" ", r), string.Join(" ", e)))!;
            total += e.Length;
            same += e.Where((c, k) => FormatSamples.Norm(c) == FormatSamples.Norm(best[k])).Count();
        }
        double cells = (double)same / total;
        output.WriteLine($"cells equal to the source: {same}/{total} = {cells:P1}");
        cells.ShouldBeGreaterThanOrEqualTo(0.75); // measured 79.5% (89/112); 49.1% from word geometry alone (47 rows)
        // Continuation rows of merged cells keep the merged columns blank, as the .txt has them.
        var niemYet = rows.Single(r => r.Split('\t')[3].StartsWith("Niêm yết"));
        niemYet.Split('\t')[..3].ShouldAllBe(c => c.Length == 0);
        // Row numbers are read, the narrow number column included.
        rows.Count(r => r.Split('\t')[0] is "1" or "2").ShouldBe(6);
    }

    [Theory]
    [InlineData(".pdf", 1.0)] // section titles merged over the row come out of a text PDF cut into column pieces (0.909 before joining them)
    [InlineData(".scan.pdf", 0.95)] // measured 0.960 (0.241 before ruled tables); the rest is OCR spelling ("sổ" read "số")
    public void Process_RuledTableRendering_RecordsAgreeWithText(string rendering, double min)
    {
        var pipeline = new PlanPipelineBuilder().WithRepair(RepairModel.LoadDefault()).Build();
        var gold = GoldFile.FromDocument(pipeline.Process(FormatSamples.Path(Fixture + ".txt")));
        var score = Evaluator.Score(gold, pipeline.Process(FormatSamples.Path(Fixture + rendering)));
        double mean = score.Fields.Where(f => f.TruePositives + f.FalsePositives + f.FalseNegatives > 0).Average(f => f.F1);
        output.WriteLine($"{rendering}: {score.PredictedTasks}/{score.GoldTasks} records, mean field F1 {mean:0.000}");
        score.PredictedTasks.ShouldBe(score.GoldTasks);
        mean.ShouldBeGreaterThanOrEqualTo(min);
    }
}
