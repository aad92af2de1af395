using CchcExtract.Model;
using CchcExtract.Pipeline;
using CchcExtract.Repair;
using CchcExtract.Storage;
using CchcExtract.Tests.Support;
using Shouldly;

namespace CchcExtract.Tests.Pipeline;

/// <summary>
/// Seed 003 is a scan OCR'd with the English model (about 11% of syllables right). With the repair
/// stage in the pipeline it must come out as a clean plan would (issue 5's import acceptance).
/// </summary>
public class OcrSeedImportTests
{
    private static readonly Lazy<PlanPipeline> WithRepair = new(() => new PlanPipelineBuilder().WithRepair(RepairModel.LoadDefault()).Build());

    [SharedFact]
    public void Process_Seed003WithRepair_MetadataAndSixAreasLikeACleanPlan()
    {
        var doc = WithRepair.Value.Process(Shared.Seed("003"));
        doc.Metadata.Commune.ShouldBe("Nguyên Giáp");
        doc.Metadata.UnitLevel.ShouldBe(UnitLevel.Commune);
        doc.Metadata.Number.ShouldBe("15/KH-UBND");
        doc.Metadata.Period.ShouldNotBeNull().Label.ShouldBe("2026–2030");
        var bodyAreas = doc.Tasks.Where(t => t.Origin == TaskOrigin.BodyTask).Select(t => t.Area).ToHashSet();
        bodyAreas.ShouldBe(
            [ReformArea.Institutions, ReformArea.Procedures, ReformArea.Organisation, ReformArea.CivilService, ReformArea.PublicFinance, ReformArea.DigitalGovernment],
            ignoreOrder: true);
        doc.Source.Lines.Count(l => l.RepairConfidence is not null).ShouldBeGreaterThan(300);
        doc.Source.Lines.ShouldAllBe(l => l.Raw.Length > 0 || l.Text.Length == 0);
    }

    [SharedFact]
    public void Process_CleanSeedWithRepair_TextUntouched()
    {
        var doc = WithRepair.Value.Process(Shared.Seed("001"));
        doc.Source.Lines.Count(l => l.RepairConfidence is not null).ShouldBe(0);
    }

    [SharedFact]
    public void Import_Seed003_FoundByRepairedAndByRawOcrWording()
    {
        var db = Path.Combine(Directory.CreateTempSubdirectory("cchc-003-").FullName, "t.db");
        using (var store = PlanStore.Open(db))
        {
            new Importer(WithRepair.Value, store).Import([Shared.Seed("003"), Shared.Seed("000")]);
            store.Communes(new SearchQuery("dich vu cong truc tuyen")).Select(c => c.Commune).ShouldContain("Nguyên Giáp");
            // "ludt" is how the scan spells "luật": only the raw OCR text has it.
            store.Search(new SearchQuery("ludt")).ShouldContain(h => h.Commune == "Nguyên Giáp" && h.Kind == HitKind.Task);
        }
        Directory.Delete(Path.GetDirectoryName(db)!, recursive: true);
    }
}
