using System.CommandLine;
using System.Text.Json;
using CchcExtract.Model;
using CchcExtract.Pipeline;
using CchcExtract.Reading;

namespace CchcExtract.Cli.Commands;

/// <summary><c>cchc extract FILE</c>: processes one file without a database and prints its metadata and records as JSON.</summary>
internal static class ExtractCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "plan file to process" };
        var cmd = new Command("extract", "Process one plan without storing it; print metadata and task records as JSON") { file };
        cmd.SetAction(pr =>
        {
            var path = pr.GetValue(file)!;
            try
            {
                var doc = PipelineFactory.Create().Process(path);
                var output = new
                {
                    document = doc.FileName,
                    metadata = doc.Metadata,
                    tasks = doc.Tasks.Select(t => TaskExport.From(doc, t)),
                };
                Console.WriteLine(JsonSerializer.Serialize(output, TaskExport.JsonOptions));
                return 0;
            }
            catch (DocumentReadException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 1;
            }
        });
        return cmd;
    }
}
