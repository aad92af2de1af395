using CchcExtract.Model;
using CchcExtract.Segmentation;
using Shouldly;

namespace CchcExtract.Tests.Segmentation;

public class GridTablesTests
{
    private static IReadOnlyList<SourceLine> Lines(params string[] text) =>
        text.Select((t, i) => new SourceLine(i + 1, t, t)).ToList();

    [Fact]
    public void ToTabs_WrappedCells_OneRowPerBlockJoinedPerColumn()
    {
        var lines = Lines(
            "Bảng phân công:",
            "+----+----------------------+-------------+",
            "| TT | Nhiệm vụ             | Chủ trì     |",
            "+====+======================+=============+",
            "| 1  | Rà soát thủ tục hành | Phòng Văn   |",
            "|    | chính lĩnh vực đất   | hóa - Xã    |",
            "|    | đai                  | hội         |",
            "+----+----------------------+-------------+",
            "Ghi chú.");

        var rows = GridTables.ToTabs(lines);

        rows.Select(r => r.Text).ShouldBe([
            "Bảng phân công:",
            "TT\tNhiệm vụ\tChủ trì",
            "1\tRà soát thủ tục hành chính lĩnh vực đất đai\tPhòng Văn hóa - Xã hội",
            "Ghi chú.",
        ]);
        rows[2].Number.ShouldBe(5); // the row keeps its first physical line
    }

    [Fact]
    public void ToTabs_NoGrid_SameLines()
    {
        var lines = Lines("| TT | Nhiệm vụ |", "1. Mục đích");
        GridTables.ToTabs(lines).ShouldBeSameAs(lines);
    }
}
