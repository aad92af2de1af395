using CchcExtract.Model;
using CchcExtract.Pipeline;
using CchcExtract.Storage;
using CchcExtract.Tests.Support;
using Shouldly;
using static CchcExtract.Tests.Storage.StoreTestData;

namespace CchcExtract.Tests.Storage;

public class PlanStoreFacetsTests : IDisposable
{
    private readonly TempStore _t = new();
    private PlanStore Store => _t.Store;

    private static readonly Deadline Q4 = new("Quý IV/2025", DeadlineKind.Quarter, new DateOnly(2025, 10, 1), new DateOnly(2025, 12, 31));
    private static readonly Deadline Y26 = new("Cả năm 2026", DeadlineKind.Year, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));
    private static readonly Deadline Always = new("Thường xuyên", DeadlineKind.Continuous);

    public PlanStoreFacetsTests()
    {
        Store.Import(Doc("a.txt", "Đại Sơn", "1",
            Task("a.txt", 2, "Tổ chức khảo sát sự hài lòng của người dân", "Trung tâm Phục vụ hành chính công", area: ReformArea.Procedures, deadline: Q4),
            Task("a.txt", 3, "Khảo sát mức độ hài lòng đối với dịch vụ y tế", "Phòng Văn hóa - Xã hội", area: ReformArea.Direction, deadline: Y26),
            Task("a.txt", 4, "Đầu tư cơ sở vật chất quy mô lớn cho bộ phận một cửa", "Phòng Kinh tế", area: ReformArea.PublicFinance)));
        Store.Import(Doc("b.txt", "Tân Hưng", "2",
            Task("b.txt", 2, "Khảo sát sự hài lòng của tổ chức, cá nhân", "Trung tâm Phục vụ hành chính công", area: ReformArea.Procedures, deadline: Always)));
        Store.Import(Doc("c.txt", "Phú Lợi", "3",
            Task("c.txt", 2, "Sửa đổi quy chế làm việc của UBND", "Văn phòng HĐND và UBND", area: ReformArea.Institutions, deadline: Q4)));
    }

    public void Dispose() => _t.Dispose();

    private static SearchQuery Tasks(string text) => new(text) { Scope = SearchScope.Tasks };

    private static void ShouldCount(SearchFacets f, string facet, Dictionary<string, int> expected) =>
        f.Facets[facet].Select(v => $"{v.Value}={v.Count}").ShouldBe(expected.Select(kv => $"{kv.Key}={kv.Value}"), ignoreOrder: true, customMessage: facet);

    [Fact]
    public void Facets_ConstructedDocuments_CountEveryHitByFacet()
    {
        var f = Store.Facets(Tasks("khao sat hai long"));
        f.Total.ShouldBe(3);
        ShouldCount(f, "commune", new Dictionary<string, int> { ["Đại Sơn"] = 2, ["Tân Hưng"] = 1 });
        ShouldCount(f, "area", new Dictionary<string, int> { ["procedures"] = 2, ["direction"] = 1 });
        ShouldCount(f, "lead", new Dictionary<string, int> { ["Trung tâm Phục vụ hành chính công"] = 2, ["Phòng Văn hóa - Xã hội"] = 1 });
        ShouldCount(f, "deadline_kind", new Dictionary<string, int> { ["quarter"] = 1, ["year"] = 1, ["continuous"] = 1 });
        ShouldCount(f, "deadline_year", new Dictionary<string, int> { ["2025"] = 1, ["2026"] = 1 });
        ShouldCount(f, "province", new Dictionary<string, int> { ["Hải Phòng"] = 3 });
        ShouldCount(f, "year", new Dictionary<string, int> { ["2026"] = 3 });
        ShouldCount(f, "unit_level", new Dictionary<string, int> { ["commune"] = 3 });
        ShouldCount(f, "document_type", new Dictionary<string, int> { ["Kế hoạch"] = 3 });
        f.Facets["area"].First(v => v.Value == "procedures").Label.ShouldBe("Cải cách thủ tục hành chính");
    }

    [Fact]
    public void Facets_EachValueAsFilter_NarrowsToItsCount()
    {
        var q = Tasks("khao sat hai long");
        var f = Store.Facets(q);
        foreach (var (facet, values) in f.Facets)
            foreach (var v in values)
            {
                var filtered = facet switch
                {
                    "province" => q with { Province = v.Value },
                    "commune" => q with { Commune = v.Value },
                    "unit_level" => q with { UnitLevel = SearchQuery.ParseUnitLevel(v.Value) },
                    "year" => q with { Year = int.Parse(v.Value) },
                    "area" => q with { Area = SearchQuery.ParseArea(v.Value) },
                    "lead" => q with { LeadCanonical = v.Value },
                    "deadline_kind" => q with { DeadlineKind = Enum.Parse<DeadlineKind>(v.Value, true) },
                    "deadline_year" => q with { DeadlineYear = int.Parse(v.Value) },
                    "document_type" => q with { DocumentType = v.Value },
                    _ => throw new InvalidOperationException(facet),
                };
                Store.Count(filtered).ShouldBe(v.Count, $"{facet} = {v.Value}");
                Store.Facets(filtered).Total.ShouldBe(v.Count);
            }
    }

    [Fact]
    public void Facets_AnotherConnectionReplacesADocument_CountsFollowTheStore()
    {
        var q = Tasks("sua doi quy che");
        Store.Facets(q).Facets["commune"].ShouldHaveSingleItem().Value.ShouldBe("Phú Lợi"); // cached by document id
        // c.txt has the highest id, so its replacement gets the same id back: only invalidation tells them apart.
        using (var other = PlanStore.Open(Store.Path))
            other.Import(Doc("c.txt", "Phú Mỹ", "3b",
                Task("c.txt", 2, "Sửa đổi quy chế làm việc của UBND", "Văn phòng HĐND và UBND", area: ReformArea.Institutions, deadline: Q4)));

        Store.Facets(q).Facets["commune"].ShouldHaveSingleItem().Value.ShouldBe("Phú Mỹ");
    }

    [Fact]
    public void Search_DeadlineKindFilter_KeepsOnlyThatKind()
    {
        var hits = Store.Search(Tasks("khao sat") with { DeadlineKind = DeadlineKind.Continuous });
        hits.ShouldHaveSingleItem().Commune.ShouldBe("Tân Hưng");
    }

    [Fact]
    public void Suggest_TypoThatIsAnotherWord_ReturnsAccentedCorrection()
    {
        // "lon" is itself an index word ("lớn"), so the correction must come from the whole query finding more.
        Store.Count(Tasks("lon")).ShouldBe(1);
        Store.Count(Tasks("khao sat su hai lon")).ShouldBe(0);
        Store.Suggest("khao sat su hai lon").ShouldBe("khảo sát sự hài lòng");
    }

    [Fact]
    public void Suggest_QueryWithEnoughHits_ReturnsNull()
    {
        Store.Suggest("khao sat hai long", few: 3).ShouldBeNull();
        Store.Suggest("\"unbalanced").ShouldBeNull();
    }

    [Fact]
    public void ExportResultSet_HitIds_KeepsOrderAndFields()
    {
        var hits = Store.Search(Tasks("khao sat hai long"));
        var rows = Store.ExportResultSet(hits.Select(h => h.TaskId!.Value).Reverse());
        rows.Select(r => r.Task).ShouldBe(hits.Select(h => h.Text).Reverse());
        rows.ShouldAllBe(r => r.Province == "Hải Phòng" && r.Lead != null);
        rows.Select(r => r.Commune).Distinct().Count().ShouldBe(2);
    }

    [Fact]
    public void Search_SeveralWords_HitsWithTheWordsAsAPhraseComeFirst()
    {
        using var t = new TempStore();
        t.Store.Import(Doc("p.txt", "Phú Lợi", "9",
            Task("p.txt", 2, "Sự hài lòng: khảo sát"),
            Task("p.txt", 3, "Định kỳ hằng năm tổ chức khảo sát sự hài lòng của người dân đối với các dịch vụ công trên địa bàn")));
        var q = new SearchQuery("khao sat su hai long") { Scope = SearchScope.Tasks };
        var hits = t.Store.Search(q);
        hits.Select(h => h.Source.Line).ShouldBe([3, 2]); // the phrase outranks the shorter scattered match
        hits[0].Score.ShouldBeGreaterThan(hits[1].Score);
        hits[1].Snippet.Marks.ShouldNotBeEmpty();          // highlighted with the words, not the phrase
        t.Store.Search(q with { Offset = 1 }).ShouldHaveSingleItem().Source.Line.ShouldBe(2);
        t.Store.Search(q with { Limit = 1 }).ShouldHaveSingleItem().Source.Line.ShouldBe(3);
    }

    [SharedFact]
    public void Facets_Seeds_CommuneCountsMatchFilteredSearch()
    {
        using var t = new TempStore();
        new Importer(PlanPipeline.Default, t.Store).Import([Path.Combine(Shared.Dir!, "seeds")]);
        var q = Tasks("khao sat");
        var f = t.Store.Facets(q);
        f.Facets["commune"].Select(v => v.Value).ShouldContain("Đại Sơn");
        f.Facets["commune"].Sum(v => v.Count).ShouldBeLessThanOrEqualTo(f.Total);
        foreach (var v in f.Facets["commune"])
            t.Store.Search(q with { Commune = v.Value, Limit = 1000 }).Count.ShouldBe(v.Count, v.Value);
    }
}
