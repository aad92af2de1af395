using CchcExtract.Pipeline;
using CchcExtract.Storage;
using CchcExtract.Tests.Support;
using Shouldly;

namespace CchcExtract.Tests.Pipeline;

/// <summary>The README's "Using the library" example, kept compiling and true.</summary>
public class LibraryExampleTests
{
    [Fact]
    public void ReadmeExample_ProcessImportSearch_Works()
    {
        var plan = PlanPipeline.Default.Process(Shared.Corpus("samples", "xa_hoa_binh_2026.txt"));
        plan.Metadata.Commune.ShouldBe("Hòa Bình");
        plan.Tasks.Count.ShouldBeGreaterThan(0);

        var dir = Directory.CreateTempSubdirectory("cchc-readme-").FullName;
        using (var store = PlanStore.Open(Path.Combine(dir, "cchc.db")))
        {
            new Importer(PlanPipeline.Default, store).Import([Shared.Corpus("samples")]);
            var hits = store.Search(new SearchQuery("ra soat thu tuc hanh chinh"));
            hits.ShouldNotBeEmpty();
            hits.ShouldContain(h => h.Commune == "Hòa Bình" && h.Text.Contains("thủ tục hành chính"));
        }
        Directory.Delete(dir, recursive: true);
    }
}
