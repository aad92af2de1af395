using System.CommandLine;

namespace CchcExtract.Cli.Commands;

/// <summary><c>cchc export</c> (in progress).</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var cmd = new Command("export", "(in progress)");
        cmd.SetAction(_ => { Console.Error.WriteLine("cchc export: not built yet"); return 2; });
        return cmd;
    }
}
