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
        var cmd = new Command("export", "Export every stored task record as JSON or CSV");
        cmd.Options.Add(format);
        cmd.Options.Add(output);
        cmd.SetAction(pr => WithStore(pr, "export", store =>
        {
            var path = pr.GetValue(output);
            using var stream = path is null ? Console.OpenStandardOutput() : File.Create(path);
            var tasks = store.ExportTasks();
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
