using System.Net;
using System.Text.Json;
using CchcExtract.Cli.Web;
using CchcExtract.Model;
using CchcExtract.Storage;
using Shouldly;
using static CchcExtract.Tests.Storage.StoreTestData;

namespace CchcExtract.Tests.Web;

/// <summary>The page's HTTP API, served in process on a free loopback port.</summary>
public class WebApiTests : IAsyncLifetime
{
    private const string Hostile = "Kiểm tra <script>alert('x')</script> & <img src=x onerror=alert(1)> hồ sơ";
    private readonly string _dir = Directory.CreateTempSubdirectory("cchc-web-test-").FullName;
    private WebServer _server = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync()
    {
        var db = Path.Combine(_dir, "web.db");
        using (var store = PlanStore.Open(db))
        {
            store.Import(Doc("a.txt", "Đại Sơn", "1",
                Task("a.txt", 2, "Tổ chức khảo sát sự hài lòng của người dân", "Trung tâm Phục vụ hành chính công", area: ReformArea.Procedures),
                Task("a.txt", 3, Hostile, "Văn phòng HĐND và UBND")));
            store.Import(Doc("b.txt", "Tân Hưng", "2",
                Task("b.txt", 2, "Khảo sát sự hài lòng của tổ chức, cá nhân", "Văn phòng HĐND và UBND", area: ReformArea.Procedures)));
        }
        _server = WebServer.Create(db, 0);
        await _server.StartAsync();
        _http.BaseAddress = _server.Address;
        _server.Address.Host.ShouldBe("127.0.0.1");
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }

    [Theory]
    [InlineData("\"unbalanced", "quotation")]
    [InlineData("OR OR", "OR")]
    [InlineData("*", "prefix")]
    [InlineData("", "Empty query")]
    public async Task Search_MalformedQuery_Returns400WithMessage(string query, string expected)
    {
        var res = await _http.GetAsync("/api/search?q=" + Uri.EscapeDataString(query));
        res.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var json = JsonDocument.Parse(await res.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("error").GetString()!.ShouldContain(expected);
    }

    [Theory]
    [InlineData("year=abc")]
    [InlineData("area=nowhere")]
    [InlineData("deadline_kind=soon")]
    [InlineData("unit_level=galaxy")]
    public async Task Search_BadFilterValue_Returns400(string filter)
    {
        var res = await _http.GetAsync("/api/search?q=khao+sat&" + filter);
        res.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await res.Content.ReadAsStringAsync()).ShouldContain("\"error\"");
    }

    [Fact]
    public async Task Search_WellFormed_GroupsFacetsAndTotal()
    {
        using var json = JsonDocument.Parse(await _http.GetStringAsync("/api/search?q=khao+sat+su+hai+long"));
        var root = json.RootElement;
        root.GetProperty("total").GetInt32().ShouldBe(2);
        var communes = root.GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("communes").EnumerateArray().Select(c => c.GetString())).ToList();
        communes.ShouldBe(["Đại Sơn", "Tân Hưng"], ignoreOrder: true);
        root.GetProperty("facets").GetProperty("commune").GetArrayLength().ShouldBe(2);

        using var narrowed = JsonDocument.Parse(await _http.GetStringAsync("/api/search?q=khao+sat+su+hai+long&commune=" + Uri.EscapeDataString("Đại Sơn")));
        narrowed.RootElement.GetProperty("total").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Search_ScriptInTaskText_EscapedInJsonAndIntactWhenParsed()
    {
        var res = await _http.GetAsync("/api/search?q=kiem+tra+ho+so");
        res.StatusCode.ShouldBe(HttpStatusCode.OK);
        res.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        res.Headers.GetValues("X-Content-Type-Options").ShouldContain("nosniff");
        var body = await res.Content.ReadAsStringAsync();
        body.ShouldNotContain("<script>");
        body.ShouldNotContain("<img");
        using var json = JsonDocument.Parse(body);
        var member = json.RootElement.GetProperty("groups")[0].GetProperty("members")[0];
        member.GetProperty("hit").GetProperty("task").GetString().ShouldBe(Hostile);
        member.GetProperty("text").GetString().ShouldBe(Hostile);
    }

    [Fact]
    public async Task Page_RendersDocumentTextOnlyAsText()
    {
        var res = await _http.GetAsync("/");
        res.StatusCode.ShouldBe(HttpStatusCode.OK);
        res.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("default-src 'self'");
        var html = await res.Content.ReadAsStringAsync();
        html.ShouldContain("Tìm kiếm");
        // Document text reaches the DOM only through text nodes: no HTML parsing sinks in the page script.
        foreach (var sink in (string[])["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("])
            html.ShouldNotContain(sink);
        html.ShouldContain("createTextNode");
    }

    [Fact]
    public async Task Document_UnknownName_Returns404WithMessage()
    {
        var res = await _http.GetAsync("/api/document?name=nothing-like-this");
        res.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await res.Content.ReadAsStringAsync()).ShouldContain("No stored document");
    }

    [Fact]
    public async Task Document_Known_OutlineAndTasksWithSourceLines()
    {
        using var json = JsonDocument.Parse(await _http.GetStringAsync("/api/document?name=a.txt"));
        var root = json.RootElement;
        root.GetProperty("metadata").GetProperty("commune").GetString().ShouldBe("Đại Sơn");
        root.GetProperty("outline").GetArrayLength().ShouldBe(1);
        root.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("source").GetProperty("line").GetInt32()).ShouldBe([2, 3]);
    }

    [Fact]
    public async Task Export_Xlsx_OpensAndHoldsTheResultRows()
    {
        var res = await _http.GetAsync("/api/export?format=xlsx&q=khao+sat");
        res.StatusCode.ShouldBe(HttpStatusCode.OK);
        res.Content.Headers.ContentDisposition!.FileName!.ShouldContain(".xlsx");
        using var ms = new MemoryStream(await res.Content.ReadAsByteArrayAsync());
        var rows = XlsxExport.Read(ms);
        rows.Count.ShouldBe(3);
        rows.Skip(1).Select(r => r[1]).ShouldBe(["Đại Sơn", "Tân Hưng"], ignoreOrder: true);
    }

    [Fact]
    public async Task Export_UnknownFormat_Returns400()
    {
        var res = await _http.GetAsync("/api/export?format=pdf&q=khao+sat");
        res.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
