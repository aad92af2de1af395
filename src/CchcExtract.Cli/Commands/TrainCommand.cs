using System.CommandLine;
using CchcExtract.Repair;

namespace CchcExtract.Cli.Commands;

/// <summary>
/// <c>cchc train</c>: rebuilds <c>models/repair.bin</c> from the law corpus (every tenth file held out),
/// the clean training seeds, our own plans (<c>--plans</c>), hunspell-vi and rendered/OCR'd pairs
/// (see scripts/repair/train.sh).
/// </summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var shared = new Option<string>("--shared") { Description = "shared data folder", DefaultValueFactory = _ => "../shared" };
        var seeds = new Option<string>("--seeds") { Description = "clean seeds to train on (comma list)", DefaultValueFactory = _ => "000,001" };
        var pairs = new Option<string[]>("--pairs") { Description = "folders of *.src.txt/*.ocr.txt pairs", AllowMultipleArgumentsPerToken = true };
        var hunspell = new Option<string>("--hunspell") { DefaultValueFactory = _ => "/usr/share/hunspell/vi_VN.dic" };
        var output = new Option<string>("--out") { DefaultValueFactory = _ => "models/" + RepairModel.FileName };
        var minTri = new Option<int>("--min-trigram") { Description = "keep trigrams seen at least this often", DefaultValueFactory = _ => 0 };
        var genre = new Option<int>("--genre-weight") { Description = "weight of the clean seeds and plans in the LM", DefaultValueFactory = _ => 5 };
        var plans = new Option<string[]>("--plans") { Description = "our own clean plan files or folders (e.g. corpus/samples corpus/heldout), weighted like the seeds", AllowMultipleArgumentsPerToken = true };
        var cmd = new Command("train", "Rebuild the repair models (syllable LM, OCR channel) from the corpus") { shared, seeds, pairs, plans, hunspell, output, minTri, genre };
        cmd.SetAction(p =>
        {
            var sharedDir = p.GetValue(shared)!;
            var sw = System.Diagnostics.Stopwatch.StartNew();
            var laws = RepairCorpus.TrainingLaws(sharedDir);
            var seedFiles = RepairCorpus.Seeds(sharedDir, p.GetValue(seeds)!.Split(',', StringSplitOptions.RemoveEmptyEntries));
            var planFiles = (p.GetValue(plans) ?? []).SelectMany(x => Directory.Exists(x)
                ? Directory.GetFiles(x, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal) : (IEnumerable<string>)[x]).ToList();
            Console.Error.WriteLine($"training on {laws.Count} law files (held out: {RepairCorpus.HeldOutLaws(sharedDir).Count}), seeds {p.GetValue(seeds)} and {planFiles.Count} plans of ours");
            var model = RepairTrainer.Train(new RepairTrainingInput(laws, [.. seedFiles, .. planFiles], p.GetValue(pairs) ?? [], p.GetValue(hunspell), p.GetValue(genre), p.GetValue(minTri)), Console.Error);
            var outPath = p.GetValue(output)!;
            model.Save(outPath);
            Console.Error.WriteLine($"wrote {outPath} ({new FileInfo(outPath).Length / 1024} KiB) in {sw.Elapsed.TotalSeconds:F1} s");
            return 0;
        });
        return cmd;
    }
}
