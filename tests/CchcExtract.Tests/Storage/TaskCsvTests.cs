using System.Text;
using CchcExtract.Model;
using CchcExtract.Storage;
using Shouldly;

namespace CchcExtract.Tests.Storage;

public class TaskCsvTests
{
    [Fact]
    public void Write_Tasks_BomHeaderAndRfc4180Quoting()
    {
        var t = new TaskExport
        {
            Document = "a.txt", Commune = "Đại Sơn", Task = "Tuyên truyền \"CCHC\", cải cách\nhành chính",
            Support = ["Phòng Văn hóa - Xã hội", "Các cơ quan, đơn vị"], Source = new SourceExport { File = "a.txt", Line = 7 },
        };
        using var ms = new MemoryStream();
        TaskCsv.Write(ms, [t]);
        var bytes = ms.ToArray();
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        var header = text[..text.IndexOf("\r\n", StringComparison.Ordinal)];
        header.Split(',').ShouldBe(TaskCsv.Columns);
        text.ShouldContain("\"Tuyên truyền \"\"CCHC\"\", cải cách\nhành chính\"");
        text.ShouldContain("\"Phòng Văn hóa - Xã hội; Các cơ quan, đơn vị\"");
        text.ShouldEndWith(",a.txt,7,\r\n");
    }
}
