using System.CommandLine;

namespace CchcExtract.Cli.Commands;

/// <summary><c>cchc import</c> (in progress).</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var cmd = new Command("import", "(in progress)");
        cmd.SetAction(_ => { Console.Error.WriteLine("cchc import: not built yet"); return 2; });
        return cmd;
    }
}
