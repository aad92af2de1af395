using CchcExtract.Extraction;
using CchcExtract.Model;
using CchcExtract.Reading;
using CchcExtract.Segmentation;
using Shouldly;

namespace CchcExtract.Tests.Extraction;

public class MetadataExtractorTests
{
    private static DocumentMetadata Read(string text) =>
        MetadataExtractor.Extract(Segmenter.Segment(PlainTextReader.FromText("t.txt", "text", text, "h")));

    [Fact]
    public void Extract_DepartmentUnderProvince_DepartmentLevelNoCommune()
    {
        var m = Read("""
            UBND TỈNH QUẢNG TRỊ
            SỞ NỘI VỤ
            Số: 12/KH-SNV
            Quảng Trị, ngày 10 tháng 01 năm 2026
            KẾ HOẠCH
            Cải cách hành chính năm 2026 của Sở Nội vụ
            I. MỤC ĐÍCH
            1. Mục đích
            - Các phòng thuộc Sở thực hiện tốt.
            II. NHIỆM VỤ
            """);
        m.UnitLevel.ShouldBe(UnitLevel.Department);
        m.Commune.ShouldBeNull();
        m.Province.ShouldBe("Quảng Trị");
    }

    [Fact]
    public void Extract_DistrictHeaderBlock_UnitFromBlock()
    {
        var m = Read("""
            ỦY BAN NHÂN DÂN
            HUYỆN KỲ SƠN
            Số: 45/KH-UBND
            Kỳ Sơn, ngày 15 tháng 01 năm 2026
            KẾ HOẠCH
            Cải cách hành chính năm 2026
            Căn cứ Quyết định số 120/QĐ-UBND ngày 05/01/2026 của UBND tỉnh Nghệ An về việc ban hành kế hoạch;
            I. MỤC ĐÍCH
            1. Mục đích
            - Các xã Hữu Kiệm, xã Mường Lống thực hiện tốt.
            II. NHIỆM VỤ
            """);
        m.Commune.ShouldBe("Kỳ Sơn");
        m.UnitLevel.ShouldBe(UnitLevel.District);
        m.Province.ShouldBe("Nghệ An");
        m.Number.ShouldBe("45/KH-UBND");
        m.IssueDate.ShouldBe(new DateOnly(2026, 1, 15));
        m.Period!.Label.ShouldBe("2026");
        m.LegalBases.ShouldHaveSingleItem().Number.ShouldBe("120/QĐ-UBND");
        m.LegalBases[0].Date.ShouldBe(new DateOnly(2026, 1, 5));
    }

    [Fact]
    public void Extract_ProvincialPlan_UnitIsTheProvince()
    {
        var m = Read("""
            ỦY BAN NHÂN DÂN
            TỈNH QUẢNG NINH
            Số: 12/KH-UBND
            KẾ HOẠCH
            Cải cách hành chính nhà nước tỉnh Quảng Ninh giai đoạn 2026 - 2030
            I. MỤC TIÊU
            1. Mục tiêu chung
            """);
        m.Commune.ShouldBe("Quảng Ninh");
        m.UnitLevel.ShouldBe(UnitLevel.Province);
        m.Province.ShouldBe("Quảng Ninh");
        m.Period!.Start.ShouldBe(new DateOnly(2026, 1, 1));
        m.Period.End.ShouldBe(new DateOnly(2030, 12, 31));
    }
}
