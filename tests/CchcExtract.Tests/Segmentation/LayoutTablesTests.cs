using CchcExtract.Model;
using CchcExtract.Segmentation;
using Shouldly;

namespace CchcExtract.Tests.Segmentation;

public class LayoutTablesTests
{
    private static IReadOnlyList<SourceLine> Lines(params string[] text) =>
        text.Select((t, i) => new SourceLine(i + 1, t, t)).ToList();

    [Fact]
    public void ToTabs_SpaceAlignedTable_RowsFromTheNumberColumnCellsFromHeaderPositions()
    {
        var lines = Lines(
            "Các nhiệm vụ cụ thể như sau:",
            " STT   Nội dung nhiệm vụ            Cơ quan          Thời gian",
            "                                    chủ trì          hoàn thành",
            " I     CẢI CÁCH THỦ TỤC HÀNH CHÍNH VÀ MỘT CỬA LIÊN THÔNG",
            " 1     Rà soát thủ tục hành chính   Phòng Kinh tế    Quý II/2026",
            "       lĩnh vực đất đai",
            "",
            "                        2",
            " STT   Nội dung nhiệm vụ            Cơ quan          Thời gian",
            "                                    chủ trì          hoàn thành",
            " 2     Số hóa hồ sơ                 Trung tâm        Thường xuyên",
            "                                    Phục vụ HCC",
            "Trên đây là kế hoạch của xã, đề nghị các cơ quan, đơn vị nghiêm túc thực hiện.");

        var rows = LayoutTables.ToTabs(lines);

        rows.Select(r => r.Text).ShouldBe([
            "Các nhiệm vụ cụ thể như sau:",
            "STT\tNội dung nhiệm vụ\tCơ quan chủ trì\tThời gian hoàn thành",
            "I\tCẢI CÁCH THỦ TỤC HÀNH CHÍNH VÀ MỘT CỬA LIÊN THÔNG\t\t",
            "1\tRà soát thủ tục hành chính lĩnh vực đất đai\tPhòng Kinh tế\tQuý II/2026",
            "2\tSố hóa hồ sơ\tTrung tâm Phục vụ HCC\tThường xuyên",
            "Trên đây là kế hoạch của xã, đề nghị các cơ quan, đơn vị nghiêm túc thực hiện.",
        ]);
        rows[3].Number.ShouldBe(5);
    }

    [Fact]
    public void ToTabs_TabSeparatedText_Untouched()
    {
        var lines = Lines("STT\tNội dung\tChủ trì\tThời gian", "1\tRà soát\tPhòng Kinh tế\tQuý I");
        LayoutTables.ToTabs(lines).ShouldBeSameAs(lines);
    }
}
