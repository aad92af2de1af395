using System.CommandLine;
using System.Text.Json;
using CchcExtract.Evaluation;
using CchcExtract.Model;
using Spectre.Console;

namespace CchcExtract.Cli.Commands;

/// <summary><c>cchc eval</c>: precision/recall/F1 per field against the gold corpus.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var gold = new Option<string>("--gold") { Description = "folder of *.gold.json files", DefaultValueFactory = _ => "corpus/gold" };
        var shared = new Option<string?>("--shared") { Description = "the shared folder holding seeds/ (default: ../shared beside the repository)" };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "list every mismatch" };
        var json = new Option<bool>("--json") { Description = "print the scores as JSON" };
        var repair = new Option<bool>("--repair") { Description = "measure the repair stage instead (same as cchc eval-repair)" };
        var cmd = new Command("eval", "Measure extraction accuracy against the gold corpus") { gold, shared, verbose, json, repair };
        cmd.SetAction(pr => pr.GetValue(repair)
            ? EvalRepairCommand.Create().Parse(pr.GetValue(shared) is { } s ? ["--shared", s] : []).Invoke()
            : Run(pr.GetValue(gold)!, pr.GetValue(shared), pr.GetValue(verbose), pr.GetValue(json)));
        return cmd;
    }

    private static int Run(string goldDir, string? sharedDir, bool verbose, bool json)
    {
        if (!Directory.Exists(goldDir)) { Console.Error.WriteLine($"error: gold folder not found: {goldDir}"); return 2; }
        var corpusDir = Path.GetFullPath(Path.Combine(goldDir, ".."));
        sharedDir ??= Path.GetFullPath(Path.Combine(corpusDir, "..", "..", "shared"));
        if (!Directory.Exists(sharedDir)) sharedDir = null;
        var pipeline = PipelineFactory.Create();
        var results = new List<DocumentScore>();
        var skipped = new List<string>();
        foreach (var file in Directory.GetFiles(goldDir, "*.gold.json").Order(StringComparer.Ordinal))
        {
            var g = GoldFile.Load(file);
            var src = g.ResolveSource(corpusDir, sharedDir);
            if (src is null || !File.Exists(src)) { skipped.Add($"{g.Document} (source {g.Source} not found)"); continue; }
            var doc = pipeline.Process(src);
            results.Add(Evaluator.Score(g, doc));
        }
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(results.Select(r => new
            {
                document = r.Document,
                gold = r.GoldTasks,
                predicted = r.PredictedTasks,
                deadline_normalised = r.GoldTasks == 0 ? 1 : (double)r.DeadlineNormalisedCorrect / r.GoldTasks,
                metadata = r.MetadataChecked == 0 ? 1 : (double)r.MetadataCorrect / r.MetadataChecked,
                fields = r.Fields.ToDictionary(f => f.Field, f => new { precision = f.Precision, recall = f.Recall, f1 = f.F1 }),
            }), TaskExport.JsonOptions));
            return 0;
        }
        var table = new Table().Title("Extraction accuracy (F1 per field)").AddColumn("document").AddColumn("gold").AddColumn("got");
        foreach (var f in Evaluator.FieldNames) table.AddColumn(new TableColumn(f.Replace("_canonical", "*")).RightAligned());
        table.AddColumn("deadline norm").AddColumn("metadata");
        void Row(string name, IReadOnlyList<DocumentScore> rs)
        {
            var cells = new List<string> { Markup.Escape(name), rs.Sum(r => r.GoldTasks).ToString(), rs.Sum(r => r.PredictedTasks).ToString() };
            foreach (var f in Evaluator.FieldNames)
            {
                var s = rs.Select(r => r.Fields.First(x => x.Field == f)).Aggregate((a, b) => a + b);
                cells.Add(s.TruePositives + s.FalsePositives + s.FalseNegatives == 0 ? "–" : $"{s.F1:0.000}");
            }
            int gold = rs.Sum(r => r.GoldTasks);
            cells.Add(gold == 0 ? "–" : $"{(double)rs.Sum(r => r.DeadlineNormalisedCorrect) / gold:P1}");
            int mc = rs.Sum(r => r.MetadataChecked);
            cells.Add(mc == 0 ? "–" : $"{rs.Sum(r => r.MetadataCorrect)}/{mc}");
            table.AddRow(cells.ToArray());
        }
        foreach (var r in results) Row(r.Document, [r]);
        if (results.Count > 1) Row("ALL", results);
        AnsiConsole.Write(table);
        foreach (var s in skipped) Console.Error.WriteLine($"skipped: {s}");
        if (verbose)
            foreach (var r in results)
                foreach (var e in r.Errors) Console.WriteLine($"{r.Document}: {e}");
        return 0;
    }
}
