using CchcExtract.Extraction;
using CchcExtract.Model;
using Shouldly;

namespace CchcExtract.Tests.Extraction;

public class DeadlineParserTests
{
    [Theory]
    [InlineData("Quý III/2025", DeadlineKind.Quarter, "2025-07-01", "2025-09-30")]
    [InlineData("Quý III-IV/2025", DeadlineKind.Quarter, "2025-07-01", "2025-12-31")]
    [InlineData("Quý III, IV/2025", DeadlineKind.Quarter, "2025-07-01", "2025-12-31")]
    [InlineData("Quý I năm 2026", DeadlineKind.Quarter, "2026-01-01", "2026-03-31")]
    [InlineData("Tháng 7/2025", DeadlineKind.Month, "2025-07-01", "2025-07-31")]
    [InlineData("Tháng 10-11/2026", DeadlineKind.Month, "2026-10-01", "2026-11-30")]
    [InlineData("trong tháng 02/2026", DeadlineKind.Month, "2026-02-01", "2026-02-28")]
    [InlineData("Đến hết ngày 31/01/2027", DeadlineKind.Date, null, "2027-01-31")]
    [InlineData("Đột xuất", DeadlineKind.Conditional, null, null)]
    [InlineData("Từ 01/3/2025 đến 30/6/2025", DeadlineKind.Range, "2025-03-01", "2025-06-30")]
    [InlineData("Tháng 6 và tháng 12/2025", DeadlineKind.Month, "2025-06-01", "2025-12-31")]
    [InlineData("Hoàn thành trước ngày 30 tháng 6 năm 2026", DeadlineKind.Date, null, "2026-06-30")]
    [InlineData("tháng 2 năm 2024", DeadlineKind.Month, "2024-02-01", "2024-02-29")]
    [InlineData("trước ngày 10/12/2025", DeadlineKind.Date, null, "2025-12-10")]
    [InlineData("Ngày 15/7/2025", DeadlineKind.Date, "2025-07-15", "2025-07-15")]
    [InlineData("Cả năm 2025", DeadlineKind.Year, "2025-01-01", "2025-12-31")]
    [InlineData("2026 - 2030", DeadlineKind.Range, "2026-01-01", "2030-12-31")]
    [InlineData("Giai đoạn 2026–2030", DeadlineKind.Range, "2026-01-01", "2030-12-31")]
    [InlineData("Thường xuyên", DeadlineKind.Continuous, null, null)]
    [InlineData("Thuong xuyen", DeadlineKind.Continuous, null, null)]
    [InlineData("Trước ngày 10 của tháng cuối quý", DeadlineKind.Recurring, null, null)]
    [InlineData("Hàng năm", DeadlineKind.Recurring, null, null)]
    [InlineData("Ít nhất 02 lần/năm", DeadlineKind.Recurring, null, null)]
    [InlineData("Định kỳ trong năm", DeadlineKind.Recurring, null, null)]
    [InlineData("Khi có quy định, hướng dẫn của Bộ ngành Trung ương; tỉnh", DeadlineKind.Conditional, null, null)]
    [InlineData("Theo lộ trình năm 2025 của thành phố", DeadlineKind.Conditional, null, null)]
    [InlineData("", DeadlineKind.Unspecified, null, null)]
    [InlineData("đang cập nhật", DeadlineKind.Unspecified, null, null)]
    public void Parse_PrintedDeadline_NormalisedKindAndDates(string raw, DeadlineKind kind, string? start, string? end)
    {
        var d = DeadlineParser.Parse(raw);
        d.Kind.ShouldBe(kind);
        d.Start?.ToString("yyyy-MM-dd").ShouldBe(start);
        d.End?.ToString("yyyy-MM-dd").ShouldBe(end);
        if (start is null) d.Start.ShouldBeNull();
        if (end is null) d.End.ShouldBeNull();
    }

    [Fact]
    public void Parse_InvalidDate_NotADate() =>
        DeadlineParser.Parse("trước ngày 31/02/2025").Kind.ShouldNotBe(DeadlineKind.Date);
}

public class DeadlineParserVariantTests
{
    [Theory]
    [InlineData("Quý II và Quý III/2026", DeadlineKind.Quarter, "2026-04-01", "2026-09-30")]
    [InlineData("Tháng 6 và tháng 12/2026", DeadlineKind.Month, "2026-06-01", "2026-12-31")]
    [InlineData("Trước 30/6/2026", DeadlineKind.Date, null, "2026-06-30")]
    [InlineData("Hằng quý", DeadlineKind.Recurring, null, null)]
    [InlineData("Định kỳ 6 tháng", DeadlineKind.Recurring, null, null)]
    [InlineData("Theo kế hoạch của tỉnh", DeadlineKind.Conditional, null, null)]
    public void Parse_Variant_Normalised(string raw, DeadlineKind kind, string? start, string? end)
    {
        var d = DeadlineParser.Parse(raw);
        d.Kind.ShouldBe(kind);
        (d.Start?.ToString("yyyy-MM-dd")).ShouldBe(start);
        (d.End?.ToString("yyyy-MM-dd")).ShouldBe(end);
    }

    [Theory]
    [InlineData("Cả năm", "2026-01-01", "2026-12-31", DeadlineKind.Year)]
    [InlineData("Quý I", "2026-01-01", "2026-03-31", DeadlineKind.Quarter)]
    [InlineData("Tháng 9", "2026-09-01", "2026-09-30", DeadlineKind.Month)]
    [InlineData("Trước 15/12", null, "2026-12-15", DeadlineKind.Date)]
    [InlineData("Từ 01/3 đến 30/6", "2026-03-01", "2026-06-30", DeadlineKind.Range)]
    [InlineData("6 tháng cuối năm", "2026-07-01", "2026-12-31", DeadlineKind.Range)]
    [InlineData("Tháng 3 - Tháng 4", "2026-03-01", "2026-04-30", DeadlineKind.Month)]
    public void Parse_NoYearPrinted_UsesPlanYear(string raw, string? start, string end, DeadlineKind kind)
    {
        var d = DeadlineParser.Parse(raw, contextYear: 2026);
        d.Kind.ShouldBe(kind);
        (d.Start?.ToString("yyyy-MM-dd")).ShouldBe(start);
        (d.End?.ToString("yyyy-MM-dd")).ShouldBe(end);
    }

    [Theory]
    [InlineData("Quý IV/2026", "Quý I/2027", "Quý IV/2026 - Quý I/2027", DeadlineKind.Quarter, "2026-10-01", "2027-03-31")]
    [InlineData("01/01/2026", "30/6/2026", "01/01/2026 - 30/6/2026", DeadlineKind.Range, "2026-01-01", "2026-06-30")]
    [InlineData("", "Tháng 5/2026", "Tháng 5/2026", DeadlineKind.Month, "2026-05-01", "2026-05-31")]
    public void ParseSpan_StartAndEndColumns_OneDeadline(string start, string end, string raw, DeadlineKind kind, string from, string until)
    {
        var d = DeadlineParser.ParseSpan(start, end);
        d.Raw.ShouldBe(raw);
        d.Kind.ShouldBe(kind);
        d.Start.ShouldBe(DateOnly.Parse(from));
        d.End.ShouldBe(DateOnly.Parse(until));
    }
}
