using CchcExtract.Model;
using CchcExtract.Segmentation;
using Shouldly;

namespace CchcExtract.Tests.Segmentation;

public class HtmlTablesTests
{
    [Fact]
    public void ToTabs_ScrapedRows_CellsDecodedSectionSplitFramesDropped()
    {
        var lines = new[]
        {
            "<table border=\"1\">",
            "<tr><th>STT</th><th>Nội dung</th><th>Chủ trì</th></tr>",
            "<tr><td colspan=\"3\"><b>II. CẢI CÁCH THỂ CHẾ</b></td></tr>",
            "<tr><td>1</td><td>Rà soát&nbsp;văn bản<br/>còn hiệu lực</td><td>Văn phòng HĐND &amp; UBND</td></tr>",
            "</table>",
        }.Select((t, i) => new SourceLine(i + 1, t, t)).ToList();

        var rows = HtmlTables.ToTabs(lines);

        rows.Select(r => r.Text).ShouldBe([
            "STT\tNội dung\tChủ trì",
            "II\tCẢI CÁCH THỂ CHẾ\t",
            "1\tRà soát văn bản<br/>còn hiệu lực\tVăn phòng HĐND & UBND",
        ]);
        rows[2].Number.ShouldBe(4);
    }
}
