using CchcExtract.Evaluation;
using CchcExtract.Pipeline;
using CchcExtract.Tests.Support;
using Shouldly;

namespace CchcExtract.Tests.Corpus;

/// <summary>
/// Runs extraction on every gold-annotated document (corpus/gold) and holds it to the accuracy
/// the Foundation issue asks for: F1 ≥ 0.97 per field and ≥ 97% of deadlines normalised right.
/// </summary>
public class GoldCorpusTests
{
    /// <summary>Gold folders: the main gold and the blind sets (written without looking at the extractor).</summary>
    private static readonly string[] GoldDirs = ["gold", "blind-gold", "blind2-gold", "blind3-gold", "blind4-gold", "blind5-gold", "blind6-gold", "blind7-gold", "blind8-gold"];

    public static TheoryData<string> SampleGold() => GoldFiles(shared: false);
    public static TheoryData<string> SeedGold() => GoldFiles(shared: true);

    private static TheoryData<string> GoldFiles(bool shared)
    {
        var data = new TheoryData<string>();
        foreach (var dir in GoldDirs)
            foreach (var f in Directory.GetFiles(Shared.Corpus(dir), "*.gold.json").Order())
                if (GoldFile.Load(f).Source.StartsWith("shared:") == shared) data.Add(Path.Combine(dir, Path.GetFileName(f)));
        return data;
    }

    [Theory]
    [MemberData(nameof(SampleGold))]
    public void Extract_OwnSample_MatchesGold(string goldFile) => AssertAccurate(goldFile);

    [SharedTheory]
    [MemberData(nameof(SeedGold))]
    public void Extract_SeedPlan_MatchesGold(string goldFile) => AssertAccurate(goldFile);

    private static void AssertAccurate(string goldFile)
    {
        var gold = GoldFile.Load(Shared.Corpus(goldFile));
        var src = gold.ResolveSource(Shared.Corpus(), Shared.Dir);
        src.ShouldNotBeNull();
        var score = Evaluator.Score(gold, PlanPipeline.Default.Process(src));
        var report = string.Join("\n", score.Errors.Take(20));
        foreach (var f in score.Fields.Where(f => f.TruePositives + f.FalsePositives + f.FalseNegatives > 0))
            f.F1.ShouldBeGreaterThanOrEqualTo(0.97, $"{f.Field} F1 on {gold.Document}\n{report}");
        ((double)score.DeadlineNormalisedCorrect / score.GoldTasks).ShouldBeGreaterThanOrEqualTo(0.97, report);
        score.MetadataCorrect.ShouldBe(score.MetadataChecked, report);
    }

    [SharedFact]
    public void Extract_Seed000_Exactly37NumberedTasks()
    {
        var doc = PlanPipeline.Default.Process(Shared.Seed("000"));
        doc.Tasks.Select(t => t.Number).ShouldBe(Enumerable.Range(1, 37).Select(i => i.ToString()));
        doc.Metadata.Commune.ShouldBe("Đại Sơn");
    }

    [SharedFact]
    public void Extract_Seed001_OneRecordPerActivityRow()
    {
        var doc = PlanPipeline.Default.Process(Shared.Seed("001"));
        var gold = GoldFile.Load(Shared.Corpus("gold", Path.GetFileNameWithoutExtension(Shared.Seed("001")) + ".gold.json"));
        doc.Tasks.Count.ShouldBe(gold.Tasks.Count);
        doc.Tasks.ShouldAllBe(t => t.Origin == CchcExtract.Model.TaskOrigin.AppendixRow && t.Text.Length > 0);
    }
}
