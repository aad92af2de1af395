using System.Text.Json;
using CchcExtract.Model;
using CchcExtract.Storage;

namespace CchcExtract.Cli.Web;

/// <summary>Writes a set of task records as CSV, JSON or .xlsx (shared by the CLI exports and the page).</summary>
public static class ResultFiles
{
    /// <summary>The format named by a file's extension (<c>.csv</c>, <c>.json</c>, <c>.xlsx</c>), or null.</summary>
    public static string? FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".csv" => "csv",
        ".json" => "json",
        ".xlsx" => "xlsx",
        _ => null,
    };

    /// <summary>Writes <paramref name="tasks"/> in <paramref name="format"/> to <paramref name="stream"/>; returns how many.</summary>
    public static int Write(Stream stream, string format, IEnumerable<TaskExport> tasks)
    {
        int count = 0;
        var counted = tasks.Select(t => { count++; return t; });
        switch (format)
        {
            case "csv": TaskCsv.Write(stream, counted); break;
            case "xlsx": XlsxExport.Write(stream, counted); break;
            case "json":
                JsonSerializer.Serialize(stream, counted, TaskExport.JsonOptions);
                stream.Write("\n"u8);
                break;
            default: throw new QueryException($"Unknown export format '{format}': use csv, json or xlsx.");
        }
        stream.Flush();
        return count;
    }
}
