using System.CommandLine;
using CchcExtract.Storage;
using Spectre.Console;
using static CchcExtract.Cli.Commands.StoreCommandSupport;

namespace CchcExtract.Cli.Commands;

/// <summary><c>cchc search QUERY</c>: full-text search over tasks and body paragraphs.</summary>
internal static class SearchCommand
{
    public static Command Create()
    {
        var query = new Argument<string>("query")
        {
            Description = "Words (all must occur), \"phrases\", prefix*, -exclusion, OR; accents optional (dich vu = dịch vụ)",
        };
        var limit = new Option<int>("--limit", "-n") { Description = "Maximum number of hits", DefaultValueFactory = _ => 20 };
        var json = new Option<bool>("--json") { Description = "Print a JSON array instead of a table" };
        var export = new Option<string?>("--export") { Description = "Write the task records of every hit (up to 100,000, limit ignored) to FILE.csv, FILE.json or FILE.xlsx" };
        var facets = new Option<bool>("--facets") { Description = "Also print counts of the whole result set by province, commune, unit level, year, area, lead agency, deadline and document type" };
        var scope = new Option<string>("--scope")
        {
            Description = "What to search: all (tasks and paragraphs), tasks, paragraphs",
            DefaultValueFactory = _ => "all",
        };
        scope.AcceptOnlyFromAmong("all", "tasks", "paragraphs");
        var filters = new Filters();

        var cmd = new Command("search", "Search tasks and plan text; accent-insensitive, exact accents rank first");
        cmd.Arguments.Add(query);
        filters.AddTo(cmd);
        cmd.Options.Add(limit);
        cmd.Options.Add(scope);
        cmd.Options.Add(json);
        cmd.Options.Add(export);
        cmd.Options.Add(facets);
        cmd.SetAction(pr => WithStore(pr, "search", store =>
        {
            var q = filters.Query(pr, pr.GetValue(query)!) with
            {
                Limit = pr.GetValue(limit),
                Scope = pr.GetValue(scope) switch { "tasks" => SearchScope.Tasks, "paragraphs" => SearchScope.Paragraphs, _ => SearchScope.All },
            };
            if (pr.GetValue(export) is { } file)
            {
                var format = Web.ResultFiles.FormatOf(file) ?? throw new QueryException($"--export {file}: name a .csv, .json or .xlsx file.");
                var all = store.Search(q with { Limit = Web.WebApi.ExportMax, Offset = 0, Scope = SearchScope.Tasks });
                var tasks = store.ExportResultSet(all.Where(h => h.TaskId is not null).Select(h => h.TaskId!.Value));
                using (var stream = File.Create(file)) Web.ResultFiles.Write(stream, format, tasks);
                Console.Error.WriteLine($"{tasks.Count} task records written to {file}");
                return 0;
            }
            var hits = store.Search(q);
            if (pr.GetValue(facets)) WriteFacets(store.Facets(q));
            if (pr.GetValue(json))
            {
                WriteJson(hits.Select(HitExport.From).ToList());
                return 0;
            }
            if (hits.Count == 0)
            {
                Console.Error.WriteLine($"No match for {q.Text}.{Suggestion(store, q.Text)}");
                return 0;
            }
            var table = new Table().Border(TableBorder.Rounded)
                .AddColumn("Commune").AddColumn("Document").AddColumn("Section").AddColumn("Task")
                .AddColumn("Lead").AddColumn("Deadline").AddColumn("Match");
            foreach (var h in hits)
            {
                var task = h.Kind == HitKind.Task
                    ? (h.Number is { Length: > 0 } n ? $"{Esc(n)}. " : "") + Esc(h.Text, 60)
                    : "[grey](paragraph)[/]";
                table.AddRow(Esc(h.Commune), Esc(h.Document), Esc(h.Section), task, Esc(h.Lead), Esc(DeadlineText(h.Deadline)), Markup(h.Snippet));
            }
            AnsiConsole.Write(table);
            return 0;
        }));
        return cmd;
    }

    private static void WriteFacets(SearchFacets f)
    {
        Console.Error.WriteLine($"{f.Total} hit(s) in all.");
        foreach (var (name, values) in f.Facets)
            if (values.Count > 0)
                Console.Error.WriteLine($"{name}: " + string.Join(", ", values.Take(12).Select(v => $"{v.Label} ({v.Count})")));
    }

    /// <summary>" Did you mean …?" from the index vocabulary for words of the query that are not in it.</summary>
    internal static string Suggestion(PlanStore store, string text)
    {
        var s = store.Suggest(text);
        return s is null ? "" : $" Did you mean: {s}?";
    }
}
