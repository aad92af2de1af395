using CchcExtract.Extraction;
using Shouldly;

namespace CchcExtract.Tests.Extraction;

public class AgencyResolverTests
{
    [Theory]
    [InlineData("Phòng Văn hoá- Xã hội", "Phòng Văn hóa - Xã hội")]
    [InlineData("Phòng VH-XH", "Phòng Văn hóa - Xã hội")]
    [InlineData("Phòng Văn hóa – Xã hội phường", "Phòng Văn hóa - Xã hội")]
    [InlineData("Văn phòng HĐND&UBND xã", "Văn phòng HĐND và UBND")]
    [InlineData("Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã", "Văn phòng HĐND và UBND")]
    [InlineData("Trung tâm Phục vụ HCC", "Trung tâm Phục vụ hành chính công")]
    [InlineData("Trung tâm phục vụ hành chính công xã", "Trung tâm Phục vụ hành chính công")]
    [InlineData("Phòng Kinh tế - Hạ tầng và Đô thị", "Phòng Kinh tế, Hạ tầng và Đô thị")]
    [InlineData("Phòng Kinh tê", "Phòng Kinh tế")]
    public void Resolve_Variant_Canonical(string printed, string canonical)
    {
        var a = AgencyResolver.Resolve(printed);
        a.Canonical.ShouldBe(canonical);
        a.IsGeneric.ShouldBeFalse();
    }

    [Theory]
    [InlineData("Các phòng, cơ quan liên quan")]
    [InlineData("Các cơ quan, đơn vị")]
    [InlineData("Các cơ quan, đơn vị có liên quan")]
    [InlineData("Các phòng ban liên quan")]
    [InlineData("Các công chức chuyên môn")]
    public void Resolve_GenericMention_MarkedGenericNotDropped(string printed)
    {
        var a = AgencyResolver.Resolve(printed);
        a.IsGeneric.ShouldBeTrue();
        a.Canonical.ShouldBe(AgencyResolver.GenericName);
        a.Printed.ShouldBe(printed);
    }

    [Fact]
    public void ResolveList_SeveralAgencies_OneEntryEach()
    {
        var list = AgencyResolver.ResolveList("Các phòng, cơ quan liên quan; các thôn, các trường học, trạm Y tế");
        list.Select(a => a.Printed).ShouldBe(["Các phòng, cơ quan liên quan", "các thôn", "các trường học", "trạm Y tế"]);
        list[3].Canonical.ShouldBe("Trạm Y tế");
    }

    [Fact]
    public void ResolveList_NameWithComma_StaysWhole() =>
        AgencyResolver.ResolveList("Phòng Kinh tế, Hạ tầng và Đô thị").Count.ShouldBe(1);

    [Fact]
    public void Resolve_UnknownAgency_CleanedPrintedName()
    {
        var a = AgencyResolver.Resolve("Hội Nông dân xã");
        a.Canonical.ShouldBe("Hội Nông dân");
        a.IsGeneric.ShouldBeFalse();
    }

    [Theory]
    [InlineData("Công an xã và Đoàn Thanh niên xã", new[] { "Công an xã", "Đoàn Thanh niên xã" })]
    [InlineData("Văn phòng HĐND và UBND xã", new[] { "Văn phòng HĐND và UBND xã" })]
    [InlineData("Phòng Kinh tế; Các thôn, bản", new[] { "Phòng Kinh tế", "Các thôn, bản" })]
    public void Split_ListsOfAgencies_NamesKeptWhole(string cell, string[] names) =>
        AgencyResolver.Split(cell).ShouldBe(names);
}
