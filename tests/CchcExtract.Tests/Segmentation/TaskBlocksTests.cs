using CchcExtract.Model;
using CchcExtract.Segmentation;
using Shouldly;

namespace CchcExtract.Tests.Segmentation;

public class TaskBlocksTests
{
    [Fact]
    public void ToTabs_FieldBlocks_OneRowPerTaskUnderItsSection()
    {
        var lines = new[]
        {
            "PHỤ LỤC",
            "I. CẢI CÁCH THỂ CHẾ",
            "Nhiệm vụ 1:",
            "- Nội dung: Rà soát văn bản quy phạm pháp luật do HĐND, UBND xã ban hành;",
            "kiến nghị sửa đổi, bổ sung.",
            "- Đơn vị chủ trì: Văn phòng HĐND và UBND xã.",
            "- Thời gian hoàn thành: Quý I/2026.",
            "Trên đây là các nhiệm vụ cụ thể.",
        }.Select((t, i) => new SourceLine(i + 1, t, t)).ToList();

        var rows = TaskBlocks.ToTabs(lines);

        rows.Select(r => r.Text).ShouldBe([
            "PHỤ LỤC",
            "STT\tNội dung\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian hoàn thành\tSản phẩm",
            "I\tCẢI CÁCH THỂ CHẾ\t\t\t\t",
            "1\tRà soát văn bản quy phạm pháp luật do HĐND, UBND xã ban hành; kiến nghị sửa đổi, bổ sung.\tVăn phòng HĐND và UBND xã\t\tQuý I/2026\t",
            "Trên đây là các nhiệm vụ cụ thể.",
        ]);
        rows[3].Number.ShouldBe(3); // the "Nhiệm vụ 1:" line
    }
}
