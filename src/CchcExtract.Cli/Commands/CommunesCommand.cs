using System.CommandLine;
using CchcExtract.Storage;
using Spectre.Console;
using static CchcExtract.Cli.Commands.StoreCommandSupport;

namespace CchcExtract.Cli.Commands;

/// <summary><c>cchc communes QUERY</c>: which communes committed to a task — one row per commune.</summary>
internal static class CommunesCommand
{
    public static Command Create()
    {
        var query = new Argument<string>("query") { Description = "The commitment to look for, e.g. \"khao sat su hai long\" (same syntax as search)" };
        var limit = new Option<int>("--limit", "-n") { Description = "Maximum number of communes", DefaultValueFactory = _ => 100 };
        var per = new Option<int>("--tasks") { Description = "Matching tasks listed per commune (near-duplicates collapsed)", DefaultValueFactory = _ => 3 };
        var json = new Option<bool>("--json") { Description = "Print a JSON array instead of a table" };
        var filters = new Filters();

        var cmd = new Command("communes", "Which communes committed to QUERY: one row per commune with its best-matching tasks, lead agency and deadline");
        cmd.Arguments.Add(query);
        filters.AddTo(cmd);
        cmd.Options.Add(limit);
        cmd.Options.Add(per);
        cmd.Options.Add(json);
        cmd.SetAction(pr => WithStore(pr, "communes", store =>
        {
            var q = filters.Query(pr, pr.GetValue(query)!) with { Limit = pr.GetValue(limit) };
            var rows = store.Communes(q, pr.GetValue(per));
            if (pr.GetValue(json))
            {
                WriteJson(rows.Select(CommuneExport.From).ToList());
                return 0;
            }
            if (rows.Count == 0)
            {
                Console.Error.WriteLine($"No commune has a task matching {q.Text}.{SearchCommand.Suggestion(store, q.Text)}");
                return 0;
            }
            var table = new Table().Border(TableBorder.Rounded)
                .AddColumn("Commune").AddColumn("Matching tasks").AddColumn("Lead").AddColumn("Deadline").AddColumn("Document");
            foreach (var c in rows)
            {
                var tasks = string.Join("\n", c.Tasks.Select(t => "• " + Markup(t.Snippet)));
                var commune = Esc(c.Commune) + (c.Province is { } p ? $"\n[grey]{Esc(p)}[/]" : "");
                table.AddRow(commune, tasks, Esc(c.Best.Lead), Esc(DeadlineText(c.Best.Deadline)), Esc(c.Best.Document));
            }
            AnsiConsole.Write(table);
            Console.Error.WriteLine($"{rows.Count} commune(s).");
            return 0;
        }));
        return cmd;
    }
}
