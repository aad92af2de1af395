using System.CommandLine;
using System.Text;
using System.Text.Json;
using CchcExtract.Model;
using CchcExtract.Storage;
using static CchcExtract.Cli.Commands.StoreCommandSupport;

namespace CchcExtract.Cli.Commands;

/// <summary><c>cchc export --format json|csv [--out FILE]</c>: every stored task record.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format", "-f") { Description = "json (array of task records, the stable schema) or csv (UTF-8 with BOM, for Excel)", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "csv");
        var output = new Option<string?>("--out", "-o") { Description = "Write to this file instead of standard output" };
        var query = new Option<string?>("--query", "-q") { Description = "Export only the tasks matching this search (same syntax and filters as search)" };
        var filters = new Filters();
        var cmd = new Command("export", "Export every stored task record (or those matching --query) as JSON or CSV");
        cmd.Options.Add(format);
        cmd.Options.Add(output);
        cmd.Options.Add(query);
        filters.AddTo(cmd);
        cmd.SetAction(pr => WithStore(pr, "export", store =>
        {
            var path = pr.GetValue(output);
            // Resolve the selection before creating the output file, so a bad query leaves no empty file.
            if (pr.GetValue(query) is null && filters.Query(pr, "x") != new SearchQuery("x"))
                throw new QueryException("the filters (--commune, --area…) select among search results: add --query WORDS.");
            IEnumerable<TaskExport> tasks = pr.GetValue(query) is { } text
                ? store.ExportTasks(store.Search(filters.Query(pr, text) with { Scope = SearchScope.Tasks, Limit = int.MaxValue }).Select(h => h.TaskId!.Value))
                : store.ExportTasks();
            using var stream = path is null ? Console.OpenStandardOutput() : File.Create(path);
            int count = 0;
            var counted = tasks.Select(t => { count++; return t; });
            if (pr.GetValue(format) == "csv")
                TaskCsv.Write(stream, counted);
            else
            {
                JsonSerializer.Serialize(stream, counted, TaskExport.JsonOptions);
                stream.Write("\n"u8);
            }
            stream.Flush();
            if (path is not null) Console.Error.WriteLine($"{count} task records written to {path}");
            return 0;
        }));
        return cmd;
    }
}
