using System.CommandLine;
using CchcExtract.Model;
using Spectre.Console;
using static CchcExtract.Cli.Commands.StoreCommandSupport;

namespace CchcExtract.Cli.Commands;

/// <summary><c>cchc show DOC</c>: metadata, outline and tasks of one stored document; without DOC, the list of documents.</summary>
internal static class ShowCommand
{
    public static Command Create()
    {
        var doc = new Argument<string?>("doc")
        {
            Description = "File name of a stored document, or a unique prefix of it (e.g. 000); omit to list the documents",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var noLines = new Option<bool>("--no-outline") { Description = "Skip the outline" };
        var cmd = new Command("show", "Show one stored document: metadata, outline and tasks (or list the documents)");
        cmd.Arguments.Add(doc);
        cmd.Options.Add(noLines);
        cmd.SetAction(pr => WithStore(pr, "show", store =>
        {
            var name = pr.GetValue(doc);
            if (string.IsNullOrWhiteSpace(name))
            {
                ListDocuments(store);
                return 0;
            }
            var plan = store.Load(store.ResolveDocument(name))!;
            WriteMetadata(plan);
            if (!pr.GetValue(noLines)) WriteOutline(plan);
            WriteTasks(plan);
            return 0;
        }));
        return cmd;
    }

    private static void ListDocuments(Storage.PlanStore store)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Document").AddColumn("Type").AddColumn("Number").AddColumn("Commune").AddColumn("Province")
            .AddColumn("Period").AddColumn(new TableColumn("Tasks").RightAligned());
        foreach (var d in store.Documents())
            table.AddRow(Esc(d.FileName), Esc(d.DocumentType), Esc(d.Number), Esc(d.Commune), Esc(d.Province), Esc(d.Period), d.Tasks.ToString());
        AnsiConsole.Write(table);
    }

    private static void WriteMetadata(PlanDocument plan)
    {
        var m = plan.Metadata;
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        void Row(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value)) grid.AddRow($"[bold]{key}[/]", Esc(value));
        }
        Row("Document", plan.FileName);
        Row("Path", plan.Source.Path);
        Row("Type", m.IssuedDocumentType is { } issued ? $"{m.DocumentType} (ban hành {issued})" : m.DocumentType);
        Row("Number", m.Number);
        Row("Issued", m.IssueDate?.ToString("yyyy-MM-dd"));
        Row("Issuing unit", m.IssuingUnit);
        Row("Level", m.UnitLevel == UnitLevel.Unknown ? null : m.UnitLevel.ToString().ToLowerInvariant());
        Row("Commune", m.Commune);
        Row("Province", m.Province);
        Row("Period", m.Period is { } p ? $"{p.Raw} ({p.Start:yyyy-MM-dd}..{p.End:yyyy-MM-dd})" : null);
        Row("Title", m.Title);
        Row("Signer", m.Signer is null ? null : m.SignerTitle is null ? m.Signer : $"{m.Signer} ({m.SignerTitle})");
        Row("Lines", plan.Source.Lines.Count.ToString());
        Row("Content hash", plan.Source.ContentHash);
        foreach (var b in m.LegalBases)
            Row("Legal basis", string.Join(" ", new[] { b.Kind, b.Number, b.Date?.ToString("yyyy-MM-dd"), b.Issuer }.Where(x => !string.IsNullOrEmpty(x))));
        AnsiConsole.Write(new Panel(grid).Header("Metadata").Border(BoxBorder.Rounded));
    }

    private static void WriteOutline(PlanDocument plan)
    {
        if (plan.Sections.Count == 0) return;
        var tree = new Tree("[bold]Outline[/]");
        var stack = new List<(int Level, IHasTreeNodes Node)> { (0, tree) };
        foreach (var s in plan.Sections)
        {
            while (stack.Count > 1 && stack[^1].Level >= s.Level) stack.RemoveAt(stack.Count - 1);
            var label = (s.Marker.Length > 0 ? $"[bold]{Esc(s.Marker)}[/] " : s.Kind is MarkerKind.Dash ? "- " : s.Kind is MarkerKind.Plus ? "+ " : "")
                        + Esc(s.Title, 100) + $" [grey]:{s.Source.Line}[/]";
            var node = stack[^1].Node.AddNode(label);
            stack.Add((s.Level, node));
        }
        AnsiConsole.Write(tree);
    }

    private static void WriteTasks(PlanDocument plan)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"{plan.Tasks.Count} tasks")
            .AddColumn("No.").AddColumn("Section").AddColumn("Task").AddColumn("Lead").AddColumn("Support")
            .AddColumn("Deadline").AddColumn("Area").AddColumn(new TableColumn("Line").RightAligned());
        foreach (var t in plan.Tasks)
        {
            var text = Esc(t.Text, 200) + (t.Product is { Length: > 0 } p ? $"\n[grey]→ {Esc(p, 120)}[/]" : "");
            table.AddRow(Esc(t.Number), Esc(t.SectionPath), text,
                Esc(t.Lead is null ? "" : t.Lead.Canonical == t.Lead.Printed ? t.Lead.Printed : $"{t.Lead.Printed} = {t.Lead.Canonical}"),
                Esc(string.Join("; ", t.Support.Select(a => a.Canonical))),
                Esc(DeadlineText(t.Deadline)) + (t.Deadline.Start is not null || t.Deadline.End is not null ? $"\n[grey]{t.Deadline.Start:yyyy-MM-dd}..{t.Deadline.End:yyyy-MM-dd}[/]" : ""),
                t.Area.Code(), t.Source.Line.ToString());
        }
        AnsiConsole.Write(table);
    }
}
