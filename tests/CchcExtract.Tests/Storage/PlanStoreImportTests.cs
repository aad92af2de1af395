using System.Text.Json;
using CchcExtract.Model;
using CchcExtract.Storage;
using Shouldly;
using static CchcExtract.Tests.Storage.StoreTestData;

namespace CchcExtract.Tests.Storage;

public class PlanStoreImportTests
{
    private static PlanDocument DaiSon(string hash = "h1", string firstTask = "Rà soát, đơn giản hóa thủ tục hành chính") =>
        Doc("dai-son.txt", "Đại Sơn", hash,
            Task("dai-son.txt", 10, firstTask, "Văn phòng HĐND và UBND", ["Phòng Văn hóa - Xã hội", "Các cơ quan, đơn vị"],
                new Deadline("Quý III-IV/2025", DeadlineKind.Quarter, new DateOnly(2025, 7, 1), new DateOnly(2025, 12, 31)),
                ReformArea.Procedures, "1", objective: "100% thủ tục được rà soát", product: "Báo cáo rà soát"),
            Task("dai-son.txt", 11, "Khảo sát sự hài lòng của người dân", "Trung tâm Phục vụ hành chính công",
                deadline: new Deadline("Thường xuyên", DeadlineKind.Continuous), area: ReformArea.Direction, number: "2"));

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, TaskExport.JsonOptions);

    [Fact]
    public void Import_NewDocument_ImportedAndLoadRebuildsIt()
    {
        using var t = new TempStore();
        var doc = DaiSon();
        t.Store.Import(doc).ShouldBe(ImportOutcome.Imported);

        var loaded = t.Reopen().Load("dai-son.txt").ShouldNotBeNull();
        Json(loaded.Metadata).ShouldBe(Json(doc.Metadata));
        Json(loaded.Sections).ShouldBe(Json(doc.Sections));
        Json(loaded.Paragraphs).ShouldBe(Json(doc.Paragraphs));
        Json(loaded.Tasks).ShouldBe(Json(doc.Tasks));
        Json(loaded.Source).ShouldBe(Json(doc.Source));
    }

    [Fact]
    public void Import_RepairedLines_KeepsRawRepairedAndConfidence()
    {
        using var t = new TempStore();
        var doc = DaiSon();
        doc = doc with { Source = doc.Source with { Lines = [new SourceLine(1, "Thyc hién", "Thực hiện", 2, new BoundingBox(1.5, 2, 30, 10), 0.82)] } };
        t.Store.Import(doc);
        var line = t.Reopen().Load("dai-son.txt")!.Source.Lines.ShouldHaveSingleItem();
        line.ShouldBe(new SourceLine(1, "Thyc hién", "Thực hiện", 2, new BoundingBox(1.5, 2, 30, 10), 0.82));
    }

    [Fact]
    public void Import_UnchangedHash_UnchangedAndNoRowChanges()
    {
        using var t = new TempStore();
        t.Store.Import(DaiSon()).ShouldBe(ImportOutcome.Imported);
        var counts = t.Store.Counts();
        var before = t.Store.Documents().Single();
        var hitBefore = t.Store.Search(new SearchQuery("khao sat")).Single();

        t.Store.IsUnchanged("dai-son.txt", "h1").ShouldBeTrue();
        t.Store.Import(DaiSon()).ShouldBe(ImportOutcome.Unchanged);

        t.Store.Counts().ShouldBe(counts);
        t.Store.Documents().Single().ShouldBe(before); // same imported_at: the row was not rewritten
        t.Store.Search(new SearchQuery("khao sat")).Single().ItemId.ShouldBe(hitBefore.ItemId);
    }

    [Fact]
    public void Import_SameWordingInTwoPlans_IndexedOnceAndReleasedWithTheLastPlan()
    {
        using var t = new TempStore();
        t.Store.Import(DaiSon());
        var counts = t.Store.Counts();
        var copy = DaiSon() with { Source = DaiSon().Source with { Path = "copy.txt" } };
        t.Store.Import(copy).ShouldBe(ImportOutcome.Imported);

        var both = t.Store.Counts();
        both["items"].ShouldBe(2 * counts["items"]);
        both["wordings"].ShouldBe(counts["wordings"]); // the copy's texts are the same wordings
        t.Store.Search(new SearchQuery("don gian hoa")).Select(h => h.Document).Order().ShouldBe(["copy.txt", "dai-son.txt"]);

        t.Store.Import(DaiSon("h2", "Số hóa hồ sơ lưu trữ")).ShouldBe(ImportOutcome.Replaced);
        t.Store.Search(new SearchQuery("don gian hoa")).Single().Document.ShouldBe("copy.txt");
        t.Store.Search(new SearchQuery("so hoa ho so")).Single().Document.ShouldBe("dai-son.txt");

        t.Store.Import(DaiSon("h3", "Kiểm tra công vụ")).ShouldBe(ImportOutcome.Replaced);
        t.Store.Count(new SearchQuery("so hoa ho so")).ShouldBe(0); // its wording left the index with its last item
        t.Store.Counts()["wordings"].ShouldBe(both["wordings"] + 1);
    }

    [Fact]
    public void Import_ChangedHash_ReplacesOldRecords()
    {
        using var t = new TempStore();
        t.Store.Import(DaiSon());
        t.Store.Import(Doc("other.txt", "Tân Hưng", "x", Task("other.txt", 5, "Rà soát quy chế làm việc")));
        var counts = t.Store.Counts();

        t.Store.IsUnchanged("dai-son.txt", "h2").ShouldBeFalse();
        t.Store.Import(DaiSon("h2", "Số hóa hồ sơ lưu trữ")).ShouldBe(ImportOutcome.Replaced);

        t.Store.Counts().ShouldBe(counts); // same shape: nothing left behind, nothing doubled
        t.Store.Search(new SearchQuery("don gian hoa")).ShouldBeEmpty();
        t.Store.Search(new SearchQuery("so hoa ho so")).Single().Document.ShouldBe("dai-son.txt");
        t.Store.Load("dai-son.txt")!.Source.ContentHash.ShouldBe("h2");
        t.Store.Load("other.txt").ShouldNotBeNull();
    }

    [Fact]
    public void Import_FailureMidway_RollsBackAndKeepsEarlierImport()
    {
        using var t = new TempStore();
        var v1 = DaiSon();
        t.Store.Import(v1);
        var counts = t.Store.Counts();

        // The second task has no text: the insert fails after the old records were deleted and new ones written.
        var broken = DaiSon("h2") with { };
        broken = broken with { Tasks = [broken.Tasks[0], broken.Tasks[1] with { Text = null!, Lead = new AgencyRef("Ban mới", "Ban mới") }] };
        Should.Throw<StoreException>(() => t.Store.Import(broken)).Message.ShouldStartWith("dai-son.txt: not stored");

        t.Store.Counts().ShouldBe(counts);
        var reopened = t.Reopen();
        Json(reopened.Load("dai-son.txt")!.Tasks).ShouldBe(Json(v1.Tasks));
        reopened.IsUnchanged("dai-son.txt", "h1").ShouldBeTrue();
        reopened.Search(new SearchQuery("don gian hoa")).ShouldHaveSingleItem();
        // The store stays usable, including agencies first seen in the failed import.
        reopened.Import(DaiSon("h3") with { Tasks = [broken.Tasks[0], broken.Tasks[1] with { Text = "Khảo sát" }] }).ShouldBe(ImportOutcome.Replaced);
        reopened.Load("dai-son.txt")!.Tasks[1].Lead!.Printed.ShouldBe("Ban mới");
    }

    [Fact]
    public void ExportTasks_AfterImport_EqualsExportOfTheProcessedDocuments()
    {
        using var t = new TempStore();
        var a = DaiSon();
        var b = Doc("b.txt", null, "x", Task("b.txt", 3, "Tuyên truyền \"CCHC\", cải cách", "Công chức Văn hóa - Xã hội"));
        t.Store.Import(b);
        t.Store.Import(a);
        var expected = b.Tasks.Select(x => TaskExport.From(b, x)).Concat(a.Tasks.Select(x => TaskExport.From(a, x))); // by file name
        Json(t.Store.ExportTasks().ToList()).ShouldBe(Json(expected.ToList()));
    }

    [Fact]
    public void ResolveDocument_UniquePrefix_ReturnsFileName_AmbiguousOrUnknownThrows()
    {
        using var t = new TempStore();
        t.Store.Import(Doc("000_abc.txt", "A", "1", Task("000_abc.txt", 2, "Việc một")));
        t.Store.Import(Doc("001_def.txt", "B", "2", Task("001_def.txt", 2, "Việc hai")));
        t.Store.ResolveDocument("000").ShouldBe("000_abc.txt");
        t.Store.ResolveDocument("001_def.txt").ShouldBe("001_def.txt");
        Should.Throw<StoreException>(() => t.Store.ResolveDocument("00")).Message.ShouldContain("several");
        Should.Throw<StoreException>(() => t.Store.ResolveDocument("9")).Message.ShouldContain("No stored document");
    }

    [Fact]
    public void Open_ForeignSqliteFile_ThrowsStoreException()
    {
        var dir = Directory.CreateTempSubdirectory("cchc-store-test-").FullName;
        var path = Path.Combine(dir, "other.db");
        using (var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "CREATE TABLE x(a)";
            cmd.ExecuteNonQuery();
        }
        Should.Throw<StoreException>(() => PlanStore.Open(path)).Message.ShouldContain("not a cchc store");
        Directory.Delete(dir, true);
    }
}
