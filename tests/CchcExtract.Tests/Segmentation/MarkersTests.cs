using CchcExtract.Model;
using CchcExtract.Segmentation;
using Shouldly;

namespace CchcExtract.Tests.Segmentation;

public class MarkersTests
{
    [Theory]
    [InlineData("I. MỤC ĐÍCH, YÊU CẦU", MarkerKind.Roman, "I")]
    [InlineData("VII. Chính quyền số", MarkerKind.Roman, "VII")]
    [InlineData("Phần II. NHIỆM VỤ", MarkerKind.Part, "II")]
    [InlineData("1. Mục đích", MarkerKind.Arabic, "1")]
    [InlineData("2.2. Nhiệm vụ", MarkerKind.Dotted, "2.2")]
    [InlineData("1.1 Mục tiêu", MarkerKind.Dotted, "1.1")]
    [InlineData("đ) Thực hiện công bố", MarkerKind.Letter, "đ")]
    [InlineData("b/ Báo cáo kết quả", MarkerKind.Letter, "b")]
    [InlineData("- Duy trì hệ thống", MarkerKind.Dash, "")]
    [InlineData("+ Thực hiện đúng", MarkerKind.Plus, "")]
    [InlineData("○ Rà soát văn bản", MarkerKind.Plus, "")]
    [InlineData("- + Thường xuyên rà soát", MarkerKind.Plus, "")]
    [InlineData("- a) Nâng cao Chỉ số", MarkerKind.Letter, "a")]
    [InlineData("Điều 1. Ban hành kèm theo", MarkerKind.Arabic, "1")]
    [InlineData("100% hồ sơ được số hóa", MarkerKind.None, "")]
    [InlineData("27.8.2025 là ngày ký", MarkerKind.None, "")]
    public void Parse_LineStart_Marker(string line, MarkerKind kind, string marker)
    {
        var m = Markers.Parse(line);
        m.Kind.ShouldBe(kind);
        m.Marker.ShouldBe(marker);
    }
}

public class PartMarkerTests
{
    [Theory]
    [InlineData("A. MỤC ĐÍCH, YÊU CẦU", "A")]
    [InlineData("Phần thứ hai: NHIỆM VỤ VÀ GIẢI PHÁP", "hai")]
    public void Parse_PartHeading_PartKind(string line, string marker)
    {
        var m = Markers.Parse(line);
        m.Kind.ShouldBe(MarkerKind.Part);
        m.Marker.ShouldBe(marker);
    }
}

public class TableColumnTests
{
    [Fact]
    public void MapColumns_ThucHienInDeadlineAndAgency_EachToItsRole()
    {
        var c = TableAssembler.MapColumns(["TT", "Nội dung nhiệm vụ", "Thời gian thực hiện", "Cơ quan thực hiện", "Cơ quan phối hợp", "Sản phẩm đầu ra"])!;
        (c.Number, c.Task, c.Deadline, c.Lead, c.Support, c.Product).ShouldBe((0, 1, 2, 3, 4, 5));
        c.IsMultiLevel.ShouldBeFalse();
    }

    [Fact]
    public void MapColumns_DocumentListAndStartEndColumns_Roles()
    {
        var list = TableAssembler.MapColumns(["TT", "Tên văn bản", "Cơ quan soạn thảo", "Thời gian trình"])!;
        (list.Task, list.Lead, list.Deadline).ShouldBe((1, 2, 3));
        var span = TableAssembler.MapColumns(["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian bắt đầu", "Thời gian kết thúc", "Hình thức văn bản"])!;
        (span.Deadline, span.DeadlineEnd, span.Product).ShouldBe((3, 4, 5));
    }

    [Fact]
    public void MapColumns_NoTaskColumn_Null() =>
        TableAssembler.MapColumns(["Họ và tên", "Chức vụ", "Ghi chú"]).ShouldBeNull();
}
