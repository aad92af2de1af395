using System.CommandLine;
using CchcExtract.Cli.Web;
using CchcExtract.Storage;
using static CchcExtract.Cli.Commands.StoreCommandSupport;

namespace CchcExtract.Cli.Commands;

/// <summary><c>cchc export --format json|csv|xlsx [--out FILE] [--query Q and filters]</c>: stored task records.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var format = new Option<string?>("--format", "-f") { Description = "json (array of task records, the stable schema), csv (UTF-8 with BOM, for Excel) or xlsx (Excel workbook with header and autofilter); default: from --out's extension, else json" };
        format.AcceptOnlyFromAmong("json", "csv", "xlsx");
        var output = new Option<string?>("--out", "-o") { Description = "Write to this file instead of standard output" };
        var query = new Option<string?>("--query", "-q") { Description = "Export only the tasks matching this query (search syntax; the filters below apply)" };
        var filters = new Filters();
        var cmd = new Command("export", "Export stored task records (all, or those matching --query and filters) as JSON, CSV or .xlsx");
        cmd.Options.Add(format);
        cmd.Options.Add(output);
        cmd.Options.Add(query);
        filters.AddTo(cmd);
        cmd.SetAction(pr => WithStore(pr, "export", store =>
        {
            var path = pr.GetValue(output);
            var fmt = pr.GetValue(format) ?? (path is null ? null : ResultFiles.FormatOf(path)) ?? "json";
            IEnumerable<Model.TaskExport> tasks;
            if (pr.GetValue(query) is { } text)
            {
                var q = filters.Query(pr, text) with { Limit = WebApi.ExportMax, Scope = SearchScope.Tasks };
                tasks = store.ExportResultSet(store.Search(q).Where(h => h.TaskId is not null).Select(h => h.TaskId!.Value));
            }
            else tasks = store.ExportTasks();
            int count;
            using (var stream = path is null ? Console.OpenStandardOutput() : File.Create(path))
                count = ResultFiles.Write(stream, fmt, tasks);
            if (path is not null) Console.Error.WriteLine($"{count} task records written to {path}");
            return 0;
        }));
        return cmd;
    }
}
