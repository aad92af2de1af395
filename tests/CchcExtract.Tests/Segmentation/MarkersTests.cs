using CchcExtract.Model;
using CchcExtract.Segmentation;
using Shouldly;

namespace CchcExtract.Tests.Segmentation;

public class MarkersTests
{
    [Theory]
    [InlineData("I. MỤC ĐÍCH, YÊU CẦU", MarkerKind.Roman, "I")]
    [InlineData("VII. Chính quyền số", MarkerKind.Roman, "VII")]
    [InlineData("Phần II. NHIỆM VỤ", MarkerKind.Roman, "II")]
    [InlineData("1. Mục đích", MarkerKind.Arabic, "1")]
    [InlineData("2.2. Nhiệm vụ", MarkerKind.Dotted, "2.2")]
    [InlineData("1.1 Mục tiêu", MarkerKind.Dotted, "1.1")]
    [InlineData("đ) Thực hiện công bố", MarkerKind.Letter, "đ")]
    [InlineData("- Duy trì hệ thống", MarkerKind.Dash, "")]
    [InlineData("+ Thực hiện đúng", MarkerKind.Plus, "")]
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
