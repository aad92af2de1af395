using System.CommandLine;
using System.Diagnostics;
using CchcExtract.Repair;

namespace CchcExtract.Cli.Commands;

/// <summary>
/// <c>cchc eval-repair</c>: syllable accuracy of the repair stage on held-out text —
/// stripped held-out plans, rendered+OCR'd held-out plans (pairs folder), the hand-corrected
/// lines of seed 003, clean plans left unchanged — plus load time and speed.
/// </summary>
internal static class EvalRepairCommand
{
    public static Command Create()
    {
        var shared = new Option<string>("--shared") { DefaultValueFactory = _ => "../shared" };
        var ocr = new Option<string?>("--ocr") { Description = "folder of rendered+OCR'd held-out pairs (*.src.txt/*.ocr.txt)" };
        var gold = new Option<string>("--gold") { DefaultValueFactory = _ => "corpus/repair/003.gold.txt" };
        var model = new Option<string?>("--model") { Description = "model file (default models/repair.bin)" };
        var plans = new Option<string[]>("--plans") { Description = "also score stripped versions of these clean plan files or folders (e.g. corpus/blind)", AllowMultipleArgumentsPerToken = true };
        var errors = new Option<string?>("--errors") { Description = "write the lines of --plans repaired wrongly (gold and output) to this file" };
        var bench = new Option<bool>("--bench") { Description = "also measure speed (syllables/s, one thread)" };
        var chw = new Option<float>("--channel-weight") { DefaultValueFactory = _ => new RepairOptions().ChannelWeight };
        var keep = new Option<float>("--keep-score") { DefaultValueFactory = _ => new RepairOptions().KeepScore };
        var beam = new Option<int>("--beam") { DefaultValueFactory = _ => new RepairOptions().Beam };
        var lmw = new Option<float>("--lm-weight") { DefaultValueFactory = _ => new RepairOptions().LmWeight };
        var inv = new Option<float>("--invalid-channel-factor") { DefaultValueFactory = _ => new RepairOptions().InvalidChannelFactor };
        var capw = new Option<float>("--capital-weight") { DefaultValueFactory = _ => new RepairOptions().CapitalWeight };
        var loww = new Option<float>("--lower-weight") { DefaultValueFactory = _ => new RepairOptions().LowerWeight };
        var unkTri = new Option<bool>("--unk-trigram") { Description = "score a word after an unknown one by the full trigram (old behaviour)" };
        var docb = new Option<float>("--document-name-bonus") { DefaultValueFactory = _ => new RepairOptions().DocumentNameBonus };
        var cmd = new Command("eval-repair", "Measure repair accuracy on held-out text") { shared, ocr, gold, model, plans, errors, bench, chw, keep, beam, lmw, inv, capw, loww, docb, unkTri };
        cmd.SetAction(p =>
        {
            var sw = Stopwatch.StartNew();
            var path = p.GetValue(model) ?? RepairModel.FindDefaultPath() ?? throw new FileNotFoundException("models/repair.bin");
            var m = RepairModel.Load(path);
            Console.WriteLine($"model load: {sw.Elapsed.TotalMilliseconds:F0} ms ({path})");
            var r = new NoisyChannelRepairer(m, new RepairOptions { ChannelWeight = p.GetValue(chw), KeepScore = p.GetValue(keep), Beam = p.GetValue(beam), LmWeight = p.GetValue(lmw), InvalidChannelFactor = p.GetValue(inv),
                CapitalWeight = p.GetValue(capw), LowerWeight = p.GetValue(loww),
                DocumentNameBonus = p.GetValue(docb), UnkBigram = !p.GetValue(unkTri) });
            var dir = p.GetValue(shared)!;
            var held = RepairCorpus.Seeds(dir, RepairCorpus.HeldOutSeeds);
            Console.WriteLine($"stripped held-out plans ({string.Join(",", RepairCorpus.HeldOutSeeds)}): {RepairEvaluator.Stripped(r, held)}");
            Console.WriteLine($"clean held-out plans unchanged: {RepairEvaluator.Clean(r, held)} (document decision), {RepairEvaluator.CleanPerLine(r, held)} (each line alone)");
            if (p.GetValue(plans) is { Length: > 0 } ps)
            {
                Accuracy StrippedWithErrors(List<string> fs)
                {
                    if (p.GetValue(errors) is not { } ef) return RepairEvaluator.Stripped(r, fs);
                    using var w = new StreamWriter(ef);
                    return RepairEvaluator.Stripped(r, fs, w);
                }
                var files = ps.SelectMany(x => Directory.Exists(x) ? Directory.GetFiles(x, "*.txt", SearchOption.AllDirectories) : [x]).Order().ToList();
                Console.WriteLine($"stripped plans of ours ({files.Count} files): {StrippedWithErrors(files)}; unchanged when clean: {RepairEvaluator.Clean(r, files)}");
            }
            if (p.GetValue(ocr) is { } od && Directory.Exists(od))
            {
                var (raw, fixedAcc) = RepairEvaluator.Ocr(r, od);
                Console.WriteLine($"rendered+OCR(eng) held-out plans: raw {raw} → repaired {fixedAcc}");
            }
            var g = p.GetValue(gold)!;
            if (File.Exists(g))
            {
                var (raw, fixedAcc, n) = RepairEvaluator.Gold(r, g, RepairCorpus.Seeds(dir, ["003"])[0]);
                Console.WriteLine($"seed 003 gold ({n} lines): raw {raw} → repaired {fixedAcc}");
                var (_, alone, _) = RepairEvaluator.Gold(r, g, RepairCorpus.Seeds(dir, ["003"])[0], eachLineAlone: true);
                Console.WriteLine($"seed 003 gold, each line repaired alone (ILineRepairer.Repair, no document decision): {alone}");
            }
            if (p.GetValue(bench))
            {
                var lines = held.SelectMany(RepairEvaluator.CleanLines).Select(RepairEvaluator.StripDiacritics).ToList();
                var (w1, c1) = RepairEvaluator.Benchmark(r, lines, RepairMode.Stripped);
                Console.WriteLine($"speed, stripped held-out plans, one thread: {w1:N0} syllables/s wall, {c1:N0} per CPU second");
                var seed3 = File.ReadAllLines(RepairCorpus.Seeds(dir, ["003"])[0]);
                var (w2, c2) = RepairEvaluator.Benchmark(r, seed3, RepairMode.Ocr);
                Console.WriteLine($"speed, OCR text (seed 003), one thread: {w2:N0} syllables/s wall, {c2:N0} per CPU second");
            }
            return 0;
        });
        return cmd;
    }
}
