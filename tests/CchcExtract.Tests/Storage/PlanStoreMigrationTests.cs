using CchcExtract.Model;
using CchcExtract.Storage;
using Microsoft.Data.Sqlite;
using Shouldly;
using static CchcExtract.Tests.Storage.StoreTestData;

namespace CchcExtract.Tests.Storage;

public class PlanStoreMigrationTests
{
    // The version-1 search index: one FTS5 row per item, no wordings, no facet fields on items.
    private const string Version1Index = """
        DROP TABLE search_vocab; DROP TABLE search; DROP TABLE items; DROP TABLE wordings;
        CREATE TABLE items (id INTEGER PRIMARY KEY, document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            task_id INTEGER, paragraph_id INTEGER);
        CREATE VIRTUAL TABLE search USING fts5(exact, folded, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0');
        CREATE VIRTUAL TABLE search_vocab USING fts5vocab(search, 'row');
        UPDATE schema_version SET version = 1;
        """;

    [Fact]
    public void Open_Version1Store_RebuildsIndexAndKeepsRecords()
    {
        using var t = new TempStore();
        t.Store.Import(Doc("a.txt", "Đại Sơn", "h1",
            Task("a.txt", 3, "Khảo sát sự hài lòng của người dân", "Văn phòng HĐND và UBND", area: ReformArea.Direction),
            Task("a.txt", 4, "Số hóa hồ sơ lưu trữ", "Công chức Văn phòng - Thống kê", area: ReformArea.DigitalGovernment)));
        t.Store.Import(Doc("b.txt", "Tân Hưng", "h2",
            Task("b.txt", 7, "Khảo sát sự hài lòng của người dân", "Văn phòng HĐND và UBND", area: ReformArea.Direction)));
        var tasksBefore = t.Store.ExportTasks().Count();
        var path = t.Store.Path;
        t.Store.Dispose();
        using (var db = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = Version1Index;
            cmd.ExecuteNonQuery();
        }

        var store = t.Reopen();

        store.ExportTasks().Count().ShouldBe(tasksBefore);
        store.Search(new SearchQuery("khao sat su hai long")).Select(h => h.Commune!).Order(StringComparer.Ordinal).ShouldBe(["Tân Hưng", "Đại Sơn"]);
        store.Facets(new SearchQuery("khao sat") { Scope = SearchScope.Tasks }).Facets["area"].ShouldHaveSingleItem().Count.ShouldBe(2);
        store.Search(new SearchQuery("so hoa") { Area = ReformArea.DigitalGovernment }).ShouldHaveSingleItem().Commune.ShouldBe("Đại Sơn");
        store.Counts()["wordings"].ShouldBeLessThan(store.Counts()["items"]); // the shared task is one wording
    }
}
