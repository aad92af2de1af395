using CchcExtract.Pipeline;
using CchcExtract.Storage;
using CchcExtract.Tests.Support;
using Shouldly;

namespace CchcExtract.Tests.Pipeline;

public sealed class ImporterTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cchc-import-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Sample(string name) => Shared.Corpus("samples", name);

    private IReadOnlyList<FileResult> Run(params string[] paths)
    {
        using var store = PlanStore.Open(Path.Combine(_dir, "t.db"));
        return new Importer(PlanPipeline.Default, store) { Jobs = 2 }.Import(paths);
    }

    [Fact]
    public void Import_BadFilesAmongGood_GoodImportedBadReportedWithReason()
    {
        var bad = Path.Combine(_dir, "bad");
        Directory.CreateDirectory(bad);
        File.WriteAllBytes(Path.Combine(bad, "empty.txt"), []);
        File.WriteAllBytes(Path.Combine(bad, "binary.txt"), [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0xFF, 0x00]);
        File.WriteAllBytes(Path.Combine(bad, "latin1.txt"), [0x4B, 0xE9, 0x20, 0x68, 0x6F, 0x61, 0x63, 0x68, 0xFF, 0xFE, 0x41]);
        File.WriteAllText(Path.Combine(bad, "recipe.txt"), "Bánh mì\nBột mì 500 g, nước, men.\nNhào bột và nướng.\n");
        File.Copy(Sample("xa_tan_hoa_2026.txt"), Path.Combine(bad, "good.txt"));

        var results = Run(bad, Path.Combine(_dir, "vanished.txt"));

        results.Single(r => r.Path.EndsWith("good.txt")).Status.ShouldBe(FileStatus.Imported);
        var failed = results.Where(r => r.Status == FileStatus.Failed).ToDictionary(r => Path.GetFileName(r.Path), r => r.Reason!);
        failed.Keys.Order().ShouldBe(["binary.txt", "empty.txt", "latin1.txt", "recipe.txt", "vanished.txt"]);
        failed["empty.txt"].ShouldContain("empty");
        failed["binary.txt"].ShouldContain("binary");
        failed["latin1.txt"].ShouldContain("UTF-8");
        failed["recipe.txt"].ShouldContain("not a plan");
        failed["vanished.txt"].ShouldContain("not found");
    }

    [Fact]
    public void Import_Rerun_NothingNewAndEarlierImportsKept()
    {
        var plans = Path.Combine(_dir, "plans");
        Directory.CreateDirectory(plans);
        foreach (var f in Directory.GetFiles(Shared.Corpus("samples"), "*.txt")) File.Copy(f, Path.Combine(plans, Path.GetFileName(f)));
        var first = Run(plans);
        first.Count.ShouldBeGreaterThanOrEqualTo(3);
        first.ShouldAllBe(r => r.Status == FileStatus.Imported);
        var second = Run(plans);
        second.ShouldAllBe(r => r.Status == FileStatus.Unchanged);
        using var store = PlanStore.Open(Path.Combine(_dir, "t.db"));
        store.Counts()["documents"].ShouldBe(first.Count);
    }
}
