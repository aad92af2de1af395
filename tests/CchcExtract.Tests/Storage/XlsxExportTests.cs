using CchcExtract.Model;
using CchcExtract.Storage;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Shouldly;
using static CchcExtract.Tests.Storage.StoreTestData;

namespace CchcExtract.Tests.Storage;

public class XlsxExportTests : IDisposable
{
    private readonly TempStore _t = new();

    public void Dispose() => _t.Dispose();

    [Fact]
    public void Write_ResultSet_RoundTripsEveryCellWithVietnamese()
    {
        _t.Store.Import(Doc("a.txt", "Đại Sơn", "1",
            Task("a.txt", 2, "Tổ chức khảo sát sự hài lòng của người dân, doanh nghiệp", "Trung tâm Phục vụ hành chính công",
                support: ["Các phòng, cơ quan liên quan", "Công an xã"], area: ReformArea.Procedures, number: "4",
                deadline: new Deadline("Quý III, IV/2025", DeadlineKind.Quarter, new DateOnly(2025, 7, 1), new DateOnly(2025, 12, 31))),
            Task("a.txt", 3, "Số hóa hồ sơ \"một cửa\", kết quả giải quyết TTHC; thủy, khỏe", "Văn phòng HĐND và UBND", number: "5")));
        var hits = _t.Store.Search(new SearchQuery("a OR ho OR khao") { Scope = SearchScope.Tasks });
        var tasks = _t.Store.ExportResultSet(hits.Select(h => h.TaskId!.Value));
        tasks.Count.ShouldBe(2);

        using var ms = new MemoryStream();
        XlsxExport.Write(ms, tasks);
        ms.Position = 0;

        using var doc = SpreadsheetDocument.Open(ms, false);
        var wb = doc.WorkbookPart!;
        var sheet = wb.Workbook.Sheets!.Elements<Sheet>().ShouldHaveSingleItem();
        var ws = ((WorksheetPart)wb.GetPartById(sheet.Id!)).Worksheet;
        var rows = ws.Descendants<Row>().ToList();
        rows.Count.ShouldBe(3);
        string Cell(Cell c) => c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue?.Text ?? "";
        List<string> Values(Row r)
        {
            var cells = new string[TaskCsv.Columns.Count];
            foreach (var c in r.Elements<Cell>())
            {
                var col = c.CellReference!.Value!.TakeWhile(char.IsLetter).Aggregate(0, (n, ch) => n * 26 + ch - 'A' + 1) - 1;
                cells[col] = Cell(c);
            }
            return cells.Select(x => x ?? "").ToList();
        }
        Values(rows[0]).ShouldBe(TaskCsv.Columns);
        for (int i = 0; i < tasks.Count; i++) Values(rows[i + 1]).ShouldBe(TaskCsv.Row(tasks[i]));
        ws.Descendants<AutoFilter>().ShouldHaveSingleItem().Reference!.Value.ShouldBe("A1:V3");
        rows[1].Elements<Cell>().First(c => c.CellReference!.Value!.StartsWith("U")).DataType!.Value.ShouldBe(CellValues.Number);
        Values(rows[1]).ShouldContain("Đại Sơn");
    }

    [Fact]
    public void Write_ControlCharactersInText_DroppedAndFileStillOpens()
    {
        using var ms = new MemoryStream();
        XlsxExport.Write(ms, ["a", "b"], [["x\u0001y\u0008z", "Đ\uD800ại"], ["<script>alert(1)</script>", "ok"]]);
        ms.Position = 0;
        var rows = XlsxExport.Read(ms);
        rows[1].ShouldBe(["xyz", "Đại"]);
        rows[2].ShouldBe(["<script>alert(1)</script>", "ok"]);
    }

    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(701, "ZZ")]
    [InlineData(702, "AAA")]
    public void ColumnName_Index_SpreadsheetLetters(int index, string expected) => XlsxExport.ColumnName(index).ShouldBe(expected);
}
