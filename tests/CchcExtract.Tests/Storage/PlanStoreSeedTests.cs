using System.Text.Json;
using CchcExtract.Model;
using CchcExtract.Pipeline;
using CchcExtract.Storage;
using CchcExtract.Tests.Support;
using CchcExtract.Text;
using Shouldly;
using static CchcExtract.Tests.Storage.StoreTestData;

namespace CchcExtract.Tests.Storage;

/// <summary>End to end on the five seed plans: process → import → search / communes / export.</summary>
public class PlanStoreSeedTests
{

    private static readonly string[] Seeds = ["000", "001", "002", "003", "004"];

    private static List<PlanDocument> ProcessSeeds() => Seeds.Select(s => PlanPipeline.Default.Process(Shared.Seed(s))).ToList();

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, TaskExport.JsonOptions);

    [SharedFact]
    public void Import_Seeds_ReimportUnchangedAndExportMatchesPipeline()
    {
        var docs = ProcessSeeds();
        using var t = new TempStore();
        foreach (var d in docs) t.Store.Import(d).ShouldBe(ImportOutcome.Imported);
        var counts = t.Store.Counts();
        counts["tasks"].ShouldBe(docs.Sum(d => d.Tasks.Count));

        foreach (var d in ProcessSeeds()) t.Store.Import(d).ShouldBe(ImportOutcome.Unchanged);
        t.Store.Counts().ShouldBe(counts);

        var expected = docs.OrderBy(d => d.FileName, StringComparer.Ordinal).SelectMany(d => d.Tasks.Select(x => TaskExport.From(d, x))).ToList();
        Json(t.Reopen().ExportTasks().ToList()).ShouldBe(Json(expected));
    }

    [SharedFact]
    public void Search_DichVuCongTrucTuyen_FindsEveryPlanThatMentionsIt()
    {
        var docs = ProcessSeeds();
        using var t = new TempStore();
        foreach (var d in docs) t.Store.Import(d);

        // Ground truth from the processed documents: which mention the phrase (accent-insensitively).
        var phrase = ParsedQuery.Tokens(VietnameseText.Fold("dịch vụ công trực tuyến"));
        bool Mentions(string? text) => text is not null && ContainsRun(ParsedQuery.Tokens(VietnameseText.Fold(text)), phrase);
        var expected = docs.Where(d => d.Paragraphs.Any(p => Mentions(p.Text))
                || d.Tasks.Any(x => Mentions(x.Text) || Mentions(x.Objective) || Mentions(x.ParentTask) || Mentions(x.Product)))
            .Select(d => d.FileName).OrderBy(x => x).ToList();
        expected.ShouldNotBeEmpty();

        var quoted = t.Store.Search(new SearchQuery("\"dich vu cong truc tuyen\"") { Limit = 10_000 });
        quoted.Select(h => h.Document).Distinct().OrderBy(x => x).ShouldBe(expected);
        var words = t.Store.Search(new SearchQuery("dich vu cong truc tuyen") { Limit = 10_000 });
        expected.ShouldBeSubsetOf(words.Select(h => h.Document).Distinct()); // words in any order: a superset
    }

    [SharedFact]
    public void Communes_KhaoSatSuHaiLong_SameCommunesWithAndWithoutAccents()
    {
        using var t = new TempStore();
        foreach (var d in ProcessSeeds()) t.Store.Import(d);
        var accented = t.Store.Communes(new SearchQuery("khảo sát sự hài lòng"));
        var plain = t.Store.Communes(new SearchQuery("khao sat su hai long"));
        accented.ShouldNotBeEmpty();
        plain.Select(c => c.Commune).ShouldBe(accented.Select(c => c.Commune), ignoreOrder: true);
        accented.Select(c => c.Commune).ShouldBeUnique();
        accented.ShouldAllBe(c => c.Tasks.Count > 0 && c.Tasks.All(x => x.Kind == HitKind.Task));
    }

    private static bool ContainsRun(IReadOnlyList<string> tokens, IReadOnlyList<string> run)
    {
        for (int i = 0; i + run.Count <= tokens.Count; i++)
        {
            int k = 0;
            while (k < run.Count && tokens[i + k] == run[k]) k++;
            if (k == run.Count) return true;
        }
        return false;
    }
}
