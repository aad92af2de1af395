using System.CommandLine;
using System.Text;
using CchcExtract.Cli.Commands;

Console.OutputEncoding = new UTF8Encoding(false);
if (Console.IsOutputRedirected)
{
    Spectre.Console.AnsiConsole.Profile.Width = 200;
    Spectre.Console.AnsiConsole.Profile.Capabilities.Ansi = false;
}

var root = new RootCommand("cchc — import, repair, extract and search Vietnamese administrative-reform plans (Kế hoạch CCHC).");
root.Options.Add(GlobalOptions.Db);
// One line per command; each command lives in its own file under Commands/.
root.Subcommands.Add(ImportCommand.Create());
root.Subcommands.Add(ExtractCommand.Create());
root.Subcommands.Add(SearchCommand.Create());
root.Subcommands.Add(CommunesCommand.Create());
root.Subcommands.Add(ShowCommand.Create());
root.Subcommands.Add(ExportCommand.Create());
root.Subcommands.Add(EvalCommand.Create());
root.Subcommands.Add(AgreeCommand.Create());
root.Subcommands.Add(ReadCommand.Create());
root.Subcommands.Add(RepairCommand.Create());
root.Subcommands.Add(TrainCommand.Create());
root.Subcommands.Add(EvalRepairCommand.Create());
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(GenerateCommand.Create());
root.Subcommands.Add(BenchCommand.Create());

return root.Parse(args).Invoke();
