using System.CommandLine;
using CchcExtract.Evaluation;
using CchcExtract.Reading;
using Spectre.Console;

namespace CchcExtract.Cli.Commands;

/// <summary>
/// <c>cchc agree REFERENCE OTHER...</c>: field agreement (F1 per field) between the records extracted
/// from one rendering of a plan and those from other renderings of the same plan (.docx, PDF, scan).
/// </summary>
internal static class AgreeCommand
{
    public static Command Create()
    {
        var reference = new Argument<string>("REFERENCE") { Description = "the rendering taken as reference (usually the .txt)" };
        var others = new Argument<string[]>("OTHER") { Description = "other renderings of the same plan", Arity = ArgumentArity.OneOrMore };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "list every disagreement after the table" };
        var cmd = new Command("agree", "Field agreement between the records of one plan read from different formats") { reference, others, verbose };
        cmd.SetAction(pr =>
        {
            var pipeline = PipelineFactory.Create();
            try
            {
                var gold = GoldFile.FromDocument(pipeline.Process(pr.GetValue(reference)!));
                var table = new Table().AddColumn("rendering").AddColumn("records");
                var disagreements = new List<string>();
                foreach (var f in Evaluator.FieldNames) table.AddColumn(new TableColumn(f.Replace("_canonical", "*")).RightAligned());
                table.AddColumn("mean");
                foreach (var other in pr.GetValue(others)!)
                {
                    var score = Evaluator.Score(gold, pipeline.Process(other));
                    disagreements.AddRange(score.Errors.Select(e => $"{Path.GetFileName(other)}: {e}"));
                    var used = score.Fields.Where(f => f.TruePositives + f.FalsePositives + f.FalseNegatives > 0).ToList();
                    var cells = new List<string> { Markup.Escape(Path.GetFileName(other)), $"{score.PredictedTasks}/{score.GoldTasks}" };
                    cells.AddRange(score.Fields.Select(f => f.TruePositives + f.FalsePositives + f.FalseNegatives == 0 ? "–" : $"{f.F1:0.000}"));
                    cells.Add(used.Count == 0 ? "–" : $"{used.Average(f => f.F1):0.000}");
                    table.AddRow(cells.ToArray());
                }
                AnsiConsole.Write(table);
                if (pr.GetValue(verbose)) foreach (var d in disagreements) Console.WriteLine(d);
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
