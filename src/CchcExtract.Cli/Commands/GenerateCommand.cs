using System.CommandLine;
using CchcExtract.Cli.Generation;

namespace CchcExtract.Cli.Commands;

/// <summary><c>cchc generate --count N --out DIR [--seed S]</c>: synthetic plans for scale tests.</summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var count = new Option<int>("--count", "-n") { Description = "Number of plans", DefaultValueFactory = _ => 1000 };
        var output = new Option<string>("--out", "-o") { Description = "Folder to write them to (subfolders of 1,000 files)", Required = true };
        var seed = new Option<int>("--seed") { Description = "Random seed (same seed, same plans)", DefaultValueFactory = _ => 1 };
        var cmd = new Command("generate", "Write N synthetic plans (invented communes, reworded and shuffled tasks, 6-/8-column appendices and body-only plans) for scale tests");
        cmd.Options.Add(count);
        cmd.Options.Add(output);
        cmd.Options.Add(seed);
        cmd.SetAction(pr =>
        {
            var n = pr.GetValue(count);
            if (n < 1) { Console.Error.WriteLine("cchc generate: --count must be at least 1"); return 2; }
            var sw = System.Diagnostics.Stopwatch.StartNew();
            var files = new SyntheticPlans(pr.GetValue(seed)).WriteAll(pr.GetValue(output)!, n);
            Console.Error.WriteLine($"{files.Count} plans written to {pr.GetValue(output)} in {sw.Elapsed.TotalSeconds:F1} s");
            return 0;
        });
        return cmd;
    }
}
