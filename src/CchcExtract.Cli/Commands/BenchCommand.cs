using System.CommandLine;
using System.Diagnostics;
using CchcExtract.Cli.Web;
using CchcExtract.Model;
using CchcExtract.Storage;
using static CchcExtract.Cli.Commands.StoreCommandSupport;

namespace CchcExtract.Cli.Commands;

/// <summary>
/// <c>cchc bench</c>: query latency over a fixed list of typical analyst queries, in process (no
/// process start in the figures): warm-up rounds, then p50/p95/max per query type.
/// </summary>
internal static class BenchCommand
{
    private sealed record Case(string Type, string Label, Func<PlanStore, object> Run);

    private static IReadOnlyList<Case> Cases()
    {
        Case S(string text, Func<SearchQuery, SearchQuery>? f = null, string type = "search") =>
            new(type, text, s => s.Search((f ?? (q => q))(new SearchQuery(text))));
        return
        [
            S("khao sat su hai long"),
            S("dich vu cong truc tuyen"),
            S("chu ky so OR \"ky so\""),
            S("ra soat van ban quy pham phap luat"),
            S("so hoa ho so"),
            S("to cong nghe so cong dong"),
            // Broad: a phrase in a seventh of all tasks, and a short prefix expanding to hundreds of terms.
            S("\"thu tuc hanh chinh\" -website", type: "search (broad)"),
            S("so hoa*", type: "search (broad)"),
            new("communes", "khao sat su hai long", s => s.Communes(new SearchQuery("khao sat su hai long") { Limit = 100 })),
            new("communes", "to cong nghe so cong dong", s => s.Communes(new SearchQuery("to cong nghe so cong dong") { Limit = 100 })),
            new("communes", "dinh danh dien tu", s => s.Communes(new SearchQuery("dinh danh dien tu") { Limit = 100 })),
            S("khao sat su hai long", q => q with { Province = "Nghệ An" }, "search+filter"),
            S("ra soat", q => q with { Area = ReformArea.Procedures }, "search+filter"),
            S("cong khai", q => q with { UnitLevel = UnitLevel.Ward }, "search+filter"),
            S("kiem tra", q => q with { Year = 2025, LeadCanonical = "Văn phòng HĐND và UBND" }, "search+filter"),
            new("commitments (groups)", "khao sat su hai long", s => s.CommitmentGroups(new SearchQuery("khao sat su hai long") { Limit = WebApi.DefaultGroups }, WebApi.GroupCandidates, WebApi.MembersPerGroup)),
            new("commitments (groups)", "so hoa ho so", s => s.CommitmentGroups(new SearchQuery("so hoa ho so") { Limit = WebApi.DefaultGroups }, WebApi.GroupCandidates, WebApi.MembersPerGroup)),
            new("facets", "khao sat su hai long", s => s.Facets(new SearchQuery("khao sat su hai long") { Scope = SearchScope.Tasks })),
            new("facets", "thu tuc hanh chinh", s => s.Facets(new SearchQuery("thu tuc hanh chinh") { Scope = SearchScope.Tasks })),
            new("web page (facets+groups)", "khao sat su hai long", s => WebApi.Search(s, n => n == "q" ? "khao sat su hai long" : null)),
            new("web page (facets+groups)", "so hoa ho so + province", s => WebApi.Search(s, n => n switch { "q" => "so hoa ho so", "province" => "Cần Thơ", _ => null })),
            new("did-you-mean", "khao sat su hai lon", s => s.Suggest("khao sat su hai lon") ?? ""),
        ];
    }

    public static Command Create()
    {
        var rounds = new Option<int>("--rounds") { Description = "Measured runs of each query", DefaultValueFactory = _ => 30 };
        var warmup = new Option<int>("--warmup") { Description = "Unmeasured runs of each query first", DefaultValueFactory = _ => 3 };
        var cmd = new Command("bench", "Measure query latency (p50/p95) over typical analyst queries against the store");
        cmd.Options.Add(rounds);
        cmd.Options.Add(warmup);
        cmd.SetAction(pr => WithStore(pr, "bench", store =>
        {
            var cases = Cases();
            var byType = new Dictionary<string, List<double>>();
            var cpuByType = new Dictionary<string, List<double>>();
            Console.WriteLine($"load average before: {LoadAverage()}");
            Console.WriteLine($"{"type",-26} {"query",-40} {"hits",6} {"p50 ms",8} {"p95 ms",8} {"max ms",8} {"cpu p50",8} {"cpu p95",8}");
            foreach (var c in cases)
            {
                for (int i = 0; i < pr.GetValue(warmup); i++) c.Run(store);
                var times = new List<double>();
                var cpu = new List<double>();
                object result = "";
                for (int i = 0; i < pr.GetValue(rounds); i++)
                {
                    var c0 = ThreadCpuMs();
                    var sw = Stopwatch.StartNew();
                    result = c.Run(store);
                    times.Add(sw.Elapsed.TotalMilliseconds);
                    cpu.Add(ThreadCpuMs() - c0);
                }
                (byType.TryGetValue(c.Type, out var all) ? all : byType[c.Type] = []).AddRange(times);
                (cpuByType.TryGetValue(c.Type, out var allCpu) ? allCpu : cpuByType[c.Type] = []).AddRange(cpu);
                var count = result is System.Collections.ICollection col ? col.Count.ToString() : result is SearchFacets f ? f.Total.ToString() : "";
                Console.WriteLine($"{c.Type,-26} {Cut(c.Label, 40),-40} {count,6} {P(times, 50),8:F1} {P(times, 95),8:F1} {times.Max(),8:F1} {P(cpu, 50),8:F1} {P(cpu, 95),8:F1}");
            }
            Console.WriteLine();
            Console.WriteLine($"{"type (all its queries)",-26} {"runs",8} {"p50 ms",8} {"p95 ms",8} {"cpu p50",8} {"cpu p95",8}");
            foreach (var (type, times) in byType)
                Console.WriteLine($"{type,-26} {times.Count,8} {P(times, 50),8:F1} {P(times, 95),8:F1} {P(cpuByType[type], 50),8:F1} {P(cpuByType[type], 95),8:F1}");
            Console.WriteLine($"load average after: {LoadAverage()}  (wall ms = latency on this machine as loaded; cpu ms = this thread's CPU time, the latency without contention)");
            return 0;
        }));
        return cmd;
    }

    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    private struct TimeSpec { public long Sec; public long Nsec; }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec ts);

    /// <summary>CPU time of the calling thread (Linux CLOCK_THREAD_CPUTIME_ID), ms; NaN elsewhere.</summary>
    private static double ThreadCpuMs()
    {
        try { return ClockGetTime(3, out var t) == 0 ? t.Sec * 1000.0 + t.Nsec / 1e6 : double.NaN; }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { return double.NaN; }
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";

    private static string Cut(string s, int n) => s.Length <= n ? s : s[..(n - 1)] + "…";

    /// <summary>Nearest-rank percentile.</summary>
    private static double P(List<double> xs, int p)
    {
        var s = xs.Order().ToList();
        return s[Math.Clamp((int)Math.Ceiling(p / 100.0 * s.Count) - 1, 0, s.Count - 1)];
    }
}
