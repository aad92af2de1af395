using System.CommandLine;

namespace CchcExtract.Cli.Commands;

/// <summary><c>cchc eval</c> (in progress).</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var cmd = new Command("eval", "(in progress)");
        cmd.SetAction(_ => { Console.Error.WriteLine("cchc eval: not built yet"); return 2; });
        return cmd;
    }
}
