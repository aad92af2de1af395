using System.Text;
using CchcExtract.Model;
using CchcExtract.Storage;
using Shouldly;
using static CchcExtract.Tests.Storage.StoreTestData;

namespace CchcExtract.Tests.Storage;

public class PlanStoreSearchTests : IDisposable
{
    private readonly TempStore _t = new();
    private PlanStore Store => _t.Store;

    public PlanStoreSearchTests()
    {
        Store.Import(Doc("a.txt", "Đại Sơn", "1",
            Task("a.txt", 2, "Cung cấp dịch vụ công trực tuyến toàn trình", "Văn phòng HĐND và UBND", area: ReformArea.DigitalGovernment),
            Task("a.txt", 3, "Tổ chức khảo sát sự hài lòng của người dân", "Trung tâm Phục vụ hành chính công", area: ReformArea.Procedures,
                deadline: new Deadline("Quý IV/2025", DeadlineKind.Quarter, new DateOnly(2025, 10, 1), new DateOnly(2025, 12, 31))),
            Task("a.txt", 4, "Khảo sát mức độ hài lòng của người dân đối với sự phục vụ", "Trung tâm Phục vụ hành chính công", area: ReformArea.Procedures),
            Task("a.txt", 5, "Kiện toàn Ban Chỉ đạo của Đảng ủy", "Đảng ủy xã", area: ReformArea.Direction)));
        Store.Import(Doc("b.txt", "Tân Hưng", "2",
            Task("b.txt", 2, "Khảo sát sự hài lòng của tổ chức, cá nhân", "Văn phòng HĐND và UBND", area: ReformArea.Procedures),
            Task("b.txt", 3, "Tuyên truyền trên website và Cổng thông tin điện tử", "Phòng Văn hóa - Xã hội", area: ReformArea.Direction)));
        Store.Import(Doc("c.txt", "Phú Lợi", "3",
            Task("c.txt", 2, "Sửa đổi quy chế làm việc của UBND"),
            Task("c.txt", 3, "Sửa đời quy chế làm việc của UBND")));
    }

    public void Dispose() => _t.Dispose();

    private IReadOnlyList<SearchHit> Find(string q) => Store.Search(new SearchQuery(q) { Scope = SearchScope.Tasks });

    [Fact]
    public void Search_AccentFreeQuery_FindsAccentedTask()
    {
        var hit = Find("dich vu cong truc tuyen").ShouldHaveSingleItem();
        hit.Text.ShouldBe("Cung cấp dịch vụ công trực tuyến toàn trình");
        hit.Commune.ShouldBe("Đại Sơn");
        hit.Lead.ShouldBe("Văn phòng HĐND và UBND");
        hit.Snippet.Render("[", "]").ShouldBe("Cung cấp [dịch vụ công trực tuyến] toàn trình");
    }

    [Fact]
    public void Search_DWithoutStroke_FindsDStroke()
    {
        Find("dang uy").Select(h => h.Text).ShouldBe(["Kiện toàn Ban Chỉ đạo của Đảng ủy"]);
        Find("Đảng ủy").Count.ShouldBe(1);
    }

    [Fact]
    public void Search_DecomposedOrNewStyleTonesInQuery_MatchComposedText()
    {
        Find("khảo sát".Normalize(NormalizationForm.FormD)).Count.ShouldBe(3);
        Find("đảng uỷ").Count.ShouldBe(1); // uỷ (new placement) = ủy
    }

    [Fact]
    public void Search_ExactAccents_RankAboveFoldedOnlyMatch()
    {
        // Both tasks fold to "sua doi quy che lam viec cua ubnd"; the accents decide the order.
        Find("sửa đổi").Select(h => h.Text).ShouldBe(["Sửa đổi quy chế làm việc của UBND", "Sửa đời quy chế làm việc của UBND"]);
        Find("sửa đời").Select(h => h.Text).ShouldBe(["Sửa đời quy chế làm việc của UBND", "Sửa đổi quy chế làm việc của UBND"]);
        var hits = Find("sửa đổi");
        hits[0].Score.ShouldBeGreaterThan(hits[1].Score);
    }

    [Fact]
    public void Search_PhrasePrefixExclusionOr_FollowTheSyntax()
    {
        Find("\"su hai long cua nguoi dan\"").Count.ShouldBe(1);   // phrase: words in order
        Find("su hai long nguoi dan").Count.ShouldBe(2);            // words: any order
        Find("khao*").Count.ShouldBe(3);
        Find("khao* -\"to chuc\"").ShouldHaveSingleItem().Text.ShouldStartWith("Khảo sát mức độ"); // exclusion, accent-free
        Find("website OR \"dang uy\"").Count.ShouldBe(2);
        Find("(website OR toan trinh) cong").Count.ShouldBe(2);
        Find("tuyen*").Select(h => h.Document).OrderBy(x => x).ShouldBe(["a.txt", "b.txt"]);
    }

    [Fact]
    public void Search_AgencyNames_AreSearchable()
    {
        Find("\"trung tam phuc vu\"").Count.ShouldBe(2);
    }

    [Theory]
    [InlineData("\"unbalanced", "quotation")]
    [InlineData("OR OR", "OR")]
    [InlineData("*", "*")]
    [InlineData("khao OR", "OR")]
    [InlineData("OR khao", "OR")]
    [InlineData("-khao", "exclude")]
    [InlineData("(khao", "parenthesis")]
    [InlineData("khao)", "parenthesis")]
    [InlineData("()", "parentheses")]
    [InlineData("   ", "Empty")]
    [InlineData("... ;;", "Nothing")]
    [InlineData("kh*ao", "*")]
    [InlineData("\"\"", "phrase")]
    [InlineData("khao AND", "AND")]
    public void Search_MalformedQuery_ThrowsQueryExceptionWithClearMessage(string query, string mentions)
    {
        var e = Should.Throw<QueryException>(() => Store.Search(new SearchQuery(query)));
        e.Message.ShouldContain(mentions);
        e.Message.ShouldNotContain("SQLite");
    }

    [Fact]
    public void Search_Filters_NarrowByCommuneAreaAndDeadline()
    {
        Store.Search(new SearchQuery("khao sat") { Commune = "xã Dai Son" }).Count.ShouldBe(2);
        Store.Search(new SearchQuery("khao sat") { Commune = "Tân Hưng" }).ShouldHaveSingleItem().Document.ShouldBe("b.txt");
        Store.Search(new SearchQuery("tuyen") { Area = ReformArea.Direction }).ShouldHaveSingleItem().Document.ShouldBe("b.txt");
        Store.Search(new SearchQuery("khao sat") { DeadlineTo = new DateOnly(2025, 12, 31) }).ShouldHaveSingleItem().Number.ShouldBe("");
        Store.Search(new SearchQuery("khao sat") { LeadCanonical = "van phong hdnd va ubnd" }).ShouldHaveSingleItem().Document.ShouldBe("b.txt");
        Store.Search(new SearchQuery("khao sat") { Year = 2025 }).ShouldBeEmpty();
        Store.Search(new SearchQuery("khao sat") { Year = 2026, Limit = 1 }).Count.ShouldBe(1);
        Store.Search(new SearchQuery("khao sat") { DocumentType = "ke hoach" }).Count.ShouldBe(3);
    }

    [Fact]
    public void Search_ParagraphScope_FindsBodyText()
    {
        var hits = Store.Search(new SearchQuery("nang cao chat luong phuc vu"));
        hits.Count.ShouldBe(3);
        hits.ShouldAllBe(h => h.Kind == HitKind.Paragraph && h.Lead == null && h.Section == "I");
    }

    [Fact]
    public void Communes_AccentedAndAccentFreeQuery_SameCommunesOneRowEach()
    {
        var accented = Store.Communes(new SearchQuery("khảo sát sự hài lòng"));
        var plain = Store.Communes(new SearchQuery("khao sat su hai long"));
        accented.Select(c => c.Commune).ShouldBe(["Tân Hưng", "Đại Sơn"], ignoreOrder: true);
        plain.Select(c => c.Commune).ShouldBe(accented.Select(c => c.Commune), ignoreOrder: true);
        var daiSon = plain.Single(c => c.Commune == "Đại Sơn");
        daiSon.Best.Lead.ShouldBe("Trung tâm Phục vụ hành chính công");
        daiSon.Best.Deadline!.Raw.ShouldNotBeNull();
    }

    [Fact]
    public void SimilarTerms_Typo_SuggestsIndexTerm()
    {
        Store.SimilarTerms("khaos").ShouldContain("khao");
    }

    [Fact]
    public void ExportTasks_ByIds_FollowsTheResultSet()
    {
        var ids = Find("khao sat").Select(h => h.TaskId!.Value).ToList();
        Store.ExportTasks(ids).Select(e => e.Task).ShouldBe(Find("khao sat").Select(h => h.Text));
    }
}
