using System.CommandLine;
using System.Diagnostics;
using CchcExtract.Reading;

namespace CchcExtract.Cli.Commands;

/// <summary><c>cchc read FILE…</c>: prints the lines a reader produces (format, page, text; tabs as " | "), for checking readers.</summary>
internal static class ReadCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "Files to read (.txt, .docx, .doc/.odt/.rtf, .pdf, images)" };
        var quiet = new Option<bool>("--quiet") { Description = "Only print a summary per file (format, lines, pages, seconds)" };
        var cmd = new Command("read", "Read files into text lines and print them (reader check)") { files, quiet };
        cmd.SetAction(parse =>
        {
            var readers = DocumentReaders.Default();
            int rc = 0;
            foreach (var f in parse.GetValue(files) ?? [])
            {
                var sw = Stopwatch.StartNew();
                try
                {
                    var doc = readers.Read(f);
                    int pages = doc.Lines.Select(l => l.Page ?? 0).DefaultIfEmpty(0).Max();
                    Console.WriteLine($"# {f}: {doc.Format}, {doc.Lines.Count} lines, {pages} pages, {sw.Elapsed.TotalSeconds:0.00} s");
                    if (parse.GetValue(quiet)) continue;
                    foreach (var l in doc.Lines)
                        Console.WriteLine($"{l.Page?.ToString() ?? "-",3} {(l.Confidence is { } c ? $"{c:0.00}" : "    ")} {l.Text.Replace("\t", " | ")}");
                }
                catch (DocumentReadException e)
                {
                    Console.WriteLine($"# {f}: FAILED: {e.Problem}");
                    rc = 1;
                }
            }
            return rc;
        });
        return cmd;
    }
}
