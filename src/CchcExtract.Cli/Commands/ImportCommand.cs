using System.CommandLine;
using System.Text.Json;
using CchcExtract.Model;
using CchcExtract.Pipeline;
using CchcExtract.Storage;
using Spectre.Console;

namespace CchcExtract.Cli.Commands;

/// <summary><c>cchc import PATH...</c>: reads, extracts and stores plans; prints a summary; exit 1 when any file failed.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH") { Description = "files or folders (recursive)", Arity = ArgumentArity.OneOrMore };
        var jobs = new Option<int>("--jobs", "-j") { Description = "parallel workers for reading and extraction", DefaultValueFactory = _ => Environment.ProcessorCount };
        var report = new Option<string?>("--report") { Description = "write a JSON report listing every file with its status and reason" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "no progress output" };
        var cmd = new Command("import", "Import plan files into the database") { paths, jobs, report, quiet };
        cmd.SetAction(pr => Run(pr.GetValue(GlobalOptions.Db)!, pr.GetValue(paths)!, pr.GetValue(jobs), pr.GetValue(report), pr.GetValue(quiet)));
        return cmd;
    }

    private static int Run(string db, string[] paths, int jobs, string? reportPath, bool quiet)
    {
        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cts.Cancel();
            Console.Error.WriteLine("interrupted: finishing the current document; re-run to import the rest");
        };
        PlanStore store;
        try { store = PlanStore.Open(db); }
        catch (Exception e) { Console.Error.WriteLine($"error: cannot open database {db}: {e.Message}"); return 2; }
        using (store)
        {
            var importer = new Importer(PipelineFactory.Create(), store) { Jobs = Math.Max(1, jobs) };
            var started = DateTime.UtcNow;
            int total = importer.Expand(paths).Count();
            int done = 0, failed = 0, tasks = 0, pages = 0;
            var progress = new SyncProgress<FileResult>(r =>
            {
                done++;
                tasks += r.Tasks;
                pages += r.Pages;
                bool live = !quiet && !Console.IsErrorRedirected;
                if (r.Status == FileStatus.Failed)
                {
                    failed++;
                    Console.Error.WriteLine((live ? "\r" : "") + $"error: {r.Path}: {r.Reason}".PadRight(live ? 80 : 0));
                }
                if (live && (done % 5 == 0 || done == total))
                {
                    var elapsed = DateTime.UtcNow - started;
                    var eta = TimeSpan.FromSeconds(elapsed.TotalSeconds / done * (total - done));
                    int width = 24, filled = total == 0 ? width : width * done / total;
                    Console.Error.Write($"\r[{new string('#', filled)}{new string('.', width - filled)}] {done}/{total} files, {pages} pages, {tasks} tasks, {failed} failed, ETA {eta:mm\\:ss}   ");
                }
            });
            var results = importer.Import(paths, progress, cts.Token);
            if (!quiet && !Console.IsErrorRedirected && done >= 5) Console.Error.WriteLine();
            var elapsed = DateTime.UtcNow - started;

            var table = new Table().AddColumn("status").AddColumn(new TableColumn("files").RightAligned()).AddColumn(new TableColumn("tasks").RightAligned());
            foreach (var g in results.GroupBy(r => r.Status).OrderBy(g => g.Key))
                table.AddRow(g.Key.ToString().ToLowerInvariant(), g.Count().ToString(), g.Sum(r => r.Tasks).ToString());
            table.AddRow("[bold]total[/]", results.Count.ToString(), results.Sum(r => r.Tasks).ToString());
            table.Caption($"{db} · {elapsed.TotalSeconds:0.00} s");
            if (!quiet) AnsiConsole.Write(table);

            if (reportPath is not null)
            {
                var json = JsonSerializer.Serialize(results.Select(r => new { file = r.Path, status = r.Status.ToString().ToLowerInvariant(), reason = r.Reason, tasks = r.Tasks }), TaskExport.JsonOptions);
                File.WriteAllText(reportPath, json);
            }
            if (cts.IsCancellationRequested) return 130;
            return results.Any(r => r.Status == FileStatus.Failed) ? 1 : 0;
        }
    }

    /// <summary>Reports synchronously on the calling thread (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
