using System.CommandLine;
using System.Text.Json;
using CchcExtract.Model;
using CchcExtract.Storage;
using Spectre.Console;

namespace CchcExtract.Cli.Commands;

/// <summary>Shared plumbing of the commands that read the store (search, communes, show, export).</summary>
internal static class StoreCommandSupport
{
    /// <summary>
    /// Opens the store named by <c>--db</c> and runs <paramref name="body"/>. Problems become one line on
    /// stderr: a bad query exits 2, a missing or unreadable store or unknown document exits 1.
    /// </summary>
    public static int WithStore(ParseResult pr, string command, Func<PlanStore, int> body)
    {
        var path = pr.GetValue(GlobalOptions.Db) ?? "cchc.db";
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"cchc {command}: no store at {path}; run 'cchc import PATH...' first, or pass --db FILE");
            return 1;
        }
        if (Console.IsOutputRedirected)
        {
            PlainOutput = true;
            // Piped or redirected: plain text, wide enough that tables stay readable.
            AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Ansi = AnsiSupport.No,
                ColorSystem = ColorSystemSupport.NoColors,
                Out = new AnsiConsoleOutput(Console.Out),
            });
            AnsiConsole.Profile.Width = 160;
        }
        try
        {
            using var store = PlanStore.Open(path);
            return body(store);
        }
        catch (QueryException e)
        {
            Console.Error.WriteLine($"cchc {command}: {e.Message}");
            return 2;
        }
        catch (StoreException e)
        {
            Console.Error.WriteLine($"cchc {command}: {e.Message}");
            return 1;
        }
    }

    /// <summary>Prints a value as JSON with the project's serializer options.</summary>
    public static void WriteJson<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, TaskExport.JsonOptions));

    /// <summary>Deadline as printed, or its kind when nothing was printed.</summary>
    public static string DeadlineText(Deadline? d) =>
        d is null ? "" : d.Raw.Length > 0 ? d.Raw : d.Kind == DeadlineKind.Unspecified ? "" : d.Kind.ToString().ToLowerInvariant();

    /// <summary>A highlighted text as Spectre markup (document text escaped).</summary>
    public static string Markup(HighlightedText t) => PlainOutput
        ? t.Render("**", "**", Spectre.Console.Markup.Escape) // piped: marks stay visible without colours
        : t.Render("[bold yellow]", "[/]", Spectre.Console.Markup.Escape);

    /// <summary>True when standard output is redirected (no colours).</summary>
    public static bool PlainOutput { get; private set; }

    /// <summary>Escapes text for Spectre markup, shortening it to <paramref name="max"/> characters.</summary>
    public static string Esc(string? s, int max = int.MaxValue) =>
        Spectre.Console.Markup.Escape(s is null ? "" : s.Length <= max ? s : s[..(max - 1)] + "…");

    /// <summary>Filter options shared by search and communes.</summary>
    public sealed class Filters
    {
        public readonly Option<string?> Commune = new("--commune") { Description = "Only this commune or ward (accent-insensitive, e.g. \"Dai Son\")" };
        public readonly Option<string?> Province = new("--province") { Description = "Only this city or province" };
        public readonly Option<string?> Area = new("--area") { Description = "Only this reform area: direction, institutions, procedures, organisation, civil_service, public_finance, digital_government, other (or its Vietnamese name)" };
        public readonly Option<string?> Lead = new("--lead") { Description = "Only tasks led by this agency (canonical name, accent-insensitive)" };
        public readonly Option<int?> Year = new("--year") { Description = "Only plans whose period covers this year" };
        public readonly Option<string?> Unit = new("--unit") { Description = "Only plans of this unit level: xã, phường, thị trấn, huyện, tỉnh, thành phố (or commune, ward…)" };
        public readonly Option<string?> DlKind = new("--deadline-kind") { Description = "Only tasks with this kind of deadline: date, month, quarter, year, range, recurring, continuous, conditional, unspecified" };
        public readonly Option<int?> DlYear = new("--deadline-year") { Description = "Only tasks whose deadline ends in this year" };
        public readonly Option<string?> DocType = new("--type") { Description = "Only documents of this type (Kế hoạch, Quyết định…)" };

        public void AddTo(Command cmd)
        {
            cmd.Options.Add(Commune);
            cmd.Options.Add(Province);
            cmd.Options.Add(Area);
            cmd.Options.Add(Lead);
            cmd.Options.Add(Year);
            cmd.Options.Add(Unit);
            cmd.Options.Add(DlKind);
            cmd.Options.Add(DlYear);
            cmd.Options.Add(DocType);
        }

        /// <summary>Builds the query; throws <see cref="QueryException"/> on an unknown area.</summary>
        public SearchQuery Query(ParseResult pr, string text) => new(text)
        {
            Commune = pr.GetValue(Commune),
            Province = pr.GetValue(Province),
            Area = pr.GetValue(Area) is { } a ? SearchQuery.ParseArea(a) : null,
            LeadCanonical = pr.GetValue(Lead),
            Year = pr.GetValue(Year),
            UnitLevel = pr.GetValue(Unit) is { } u ? SearchQuery.ParseUnitLevel(u) : null,
            DeadlineKind = pr.GetValue(DlKind) is { } k
                ? Enum.TryParse<DeadlineKind>(k, true, out var kind) && !int.TryParse(k, out _) ? kind
                    : throw new QueryException($"Unknown deadline kind '{k}': use date, month, quarter, year, range, recurring, continuous, conditional or unspecified.")
                : null,
            DeadlineYear = pr.GetValue(DlYear),
            DocumentType = pr.GetValue(DocType),
        };
    }
}
