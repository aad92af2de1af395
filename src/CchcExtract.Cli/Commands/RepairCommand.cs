using System.CommandLine;
using System.Globalization;
using CchcExtract.Repair;

namespace CchcExtract.Cli.Commands;

/// <summary><c>cchc repair [FILE|-] [--explain] [--mode auto|stripped|ocr]</c>: repaired text to stdout, same line breaks.</summary>
internal static class RepairCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "text file, or - for stdin", Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => "-" };
        var explain = new Option<bool>("--explain") { Description = "show candidates, choice and confidence per word" };
        var mode = new Option<string>("--mode") { Description = "auto (decide per document), stripped, ocr", DefaultValueFactory = _ => "auto" };
        var model = new Option<string?>("--model") { Description = "model file (default models/repair.bin)" };
        var cmd = new Command("repair", "Restore diacritics and undo English-model OCR damage in Vietnamese text") { file, explain, mode, model };
        cmd.SetAction(p =>
        {
            var path = p.GetValue(file) ?? "-";
            var lines = (path == "-" ? Console.In.ReadToEnd() : File.ReadAllText(path)).Replace("\r\n", "\n").Split('\n');
            if (lines.Length > 0 && lines[^1].Length == 0) lines = lines[..^1];
            var m = p.GetValue(model) is { } mp ? RepairModel.Load(mp) : RepairModel.LoadDefaultModel();
            var r = new NoisyChannelRepairer(m);
            RepairMode? forced = p.GetValue(mode) switch { "stripped" => RepairMode.Stripped, "ocr" => RepairMode.Ocr, _ => null };
            var docMode = forced ?? RepairDecision.DocumentMode(m, lines);
            var outp = Console.Out;
            if (!p.GetValue(explain) && forced is null)
            {
                // Whole-document repair (mode decided over all lines; names shared across lines).
                foreach (var fixedLine in r.RepairDocument(lines)) outp.WriteLine(fixedLine.Text);
                return 0;
            }
            foreach (var line in lines)
            {
                var use = forced ?? RepairDecision.LineMode(m, docMode, line);
                if (!p.GetValue(explain)) { outp.WriteLine(r.Repair(line, use).Text); continue; }
                var (fixedLine, toks, used) = r.Explain(line, use);
                outp.WriteLine(fixedLine.Text);
                outp.WriteLine(FormattableString.Invariant($"  # mode {used}, confidence {fixedLine.Confidence:F2}"));
                foreach (var t in toks)
                {
                    var cands = string.Join(" ", t.Candidates.Select(c => FormattableString.Invariant($"{c.Text}:{c.Posterior:F2}")));
                    outp.WriteLine(FormattableString.Invariant($"  {t.Original} → {t.Chosen} ({t.Confidence:F2})  [{cands}]"));
                }
            }
            return 0;
        });
        return cmd;
    }
}
