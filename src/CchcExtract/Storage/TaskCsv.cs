using System.Text;
using CchcExtract.Model;

namespace CchcExtract.Storage;

/// <summary>
/// Writes task records as CSV for spreadsheets: a header row, RFC 4180 quoting (fields with a comma,
/// quote or line break are quoted, quotes doubled), CRLF line ends, UTF-8 with a byte-order mark so
/// Excel reads the Vietnamese text correctly. Lists (support agencies, targets) are joined by <c>"; "</c>.
/// Columns follow <see cref="TaskExport"/>.
/// </summary>
public static class TaskCsv
{
    /// <summary>The header row, in column order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "document", "commune", "unit_level", "province", "number", "area", "section", "task", "origin",
        "lead", "lead_canonical", "support", "support_canonical", "deadline_raw", "deadline_kind",
        "deadline_start", "deadline_end", "product", "targets", "source_file", "source_line", "source_page",
    ];

    /// <summary>Writes the BOM, the header and one row per task to <paramref name="stream"/> (left open).</summary>
    public static void Write(Stream stream, IEnumerable<TaskExport> tasks)
    {
        using var w = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16, leaveOpen: true);
        w.NewLine = "\r\n";
        WriteRow(w, Columns);
        foreach (var t in tasks) WriteRow(w, Row(t));
    }

    /// <summary>The cells of one task, in <see cref="Columns"/> order.</summary>
    public static IReadOnlyList<string> Row(TaskExport t) =>
    [
        t.Document, t.Commune ?? "", t.UnitLevel ?? "", t.Province ?? "", t.Number, t.Area, t.Section, t.Task, t.Origin,
        t.Lead ?? "", t.LeadCanonical ?? "", string.Join("; ", t.Support), string.Join("; ", t.SupportCanonical),
        t.Deadline.Raw, t.Deadline.Kind, t.Deadline.Start ?? "", t.Deadline.End ?? "", t.Product ?? "",
        string.Join("; ", t.Targets), t.Source.File, t.Source.Line.ToString(System.Globalization.CultureInfo.InvariantCulture),
        t.Source.Page?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
    ];

    private static void WriteRow(TextWriter w, IReadOnlyList<string> cells)
    {
        for (int i = 0; i < cells.Count; i++)
        {
            if (i > 0) w.Write(',');
            w.Write(Quote(cells[i]));
        }
        w.WriteLine();
    }

    /// <summary>RFC 4180 quoting of one field.</summary>
    public static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;
}
