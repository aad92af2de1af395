using System.CommandLine;

namespace CchcExtract.Cli.Commands;

/// <summary><c>cchc show</c> (in progress).</summary>
internal static class ShowCommand
{
    public static Command Create()
    {
        var cmd = new Command("show", "(in progress)");
        cmd.SetAction(_ => { Console.Error.WriteLine("cchc show: not built yet"); return 2; });
        return cmd;
    }
}
