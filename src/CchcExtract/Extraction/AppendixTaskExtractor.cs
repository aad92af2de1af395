using CchcExtract.Model;
using CchcExtract.Segmentation;

namespace CchcExtract.Extraction;

/// <summary>
/// Turns appendix table rows into task records: one record per task row (simple tables) or per
/// activity row (multi-level tables).
/// </summary>
/// <remarks>
/// Merged cells are left blank on every row but the first of the merge. Within one numbered group
/// (rows under the same number, whose number cell is blank) an empty Mục tiêu, Nhiệm vụ, Chủ trì,
/// Phối hợp or Thời gian cell inherits the nearest value above; the product (Kết quả/sản phẩm) never
/// inherits, and a row with a number of its own starts afresh: a blank cell there is blank — except a
/// blank Chủ trì cell beside a filled Phối hợp cell: tables merge the lead down over consecutive rows,
/// so it is the row above's (within a section).
/// Numbers are kept as printed without their punctuation (<c>a)</c> → <c>a</c>, <c>1.</c> → <c>1</c>);
/// bullets (<c>-</c>) have none.
/// </remarks>
public static class AppendixTaskExtractor
{
    private static string Flat(string s) => s.Replace('\n', ' ');

    private static bool IsBullet(string s) => s is "-" or "+" or "•" or "–";

    /// <summary>The number without its punctuation: <c>a)</c> → <c>a</c>, <c>1.</c> → <c>1</c>, <c>-</c> → empty.</summary>
    public static string CleanNumber(string printed)
    {
        var t = printed.Trim();
        if (IsBullet(t)) return "";
        return t.TrimEnd('.', ')', ':').TrimStart('(').Trim();
    }

    /// <summary>
    /// A row's area: its section's; when the section names several (<c>… tổ chức bộ máy và chế độ công vụ</c>),
    /// the one the row's wording points to; without a section area, the row's wording decides.
    /// </summary>
    private static ReformArea RowArea(ReformArea section, IReadOnlyList<ReformArea> named, string text)
    {
        var byWording = AreaClassifier.ClassifyTask(text);
        if (named.Count > 1) return named.Contains(byWording) ? byWording : section;
        if (section != ReformArea.Other) return section;
        return byWording != ReformArea.Other ? byWording : AreaClassifier.ClassifyHeading(text);
    }

    private static bool IsDitto(string cell) =>
        Text.VietnameseText.Fold(cell).Trim().Trim('-', '.', ' ', '"') is "nt" or "n.t" or "nhu tren";

    /// <summary>Extracts the records of one table.</summary>
    /// <param name="table">The assembled table.</param>
    /// <param name="contextYear">The plan's year, for deadlines printed without one (<c>Quý I</c>).</param>
    public static IEnumerable<TaskRecord> Extract(AppendixTable table, int? contextYear = null)
    {
        var c = table.Columns;
        string sectionMarker = "", sectionTitle = "";
        ReformArea area = ReformArea.Other;
        IReadOnlyList<ReformArea> sectionAreas = [];
        string group = "";
        string[]? carried = null;
        string lastLead = "";
        string[]? previous = null; // the last record row, for "nt" (như trên) cells
        string Cell(string[] cells, int k) => k >= 0 && k < cells.Length ? cells[k] : "";

        foreach (var row in table.Rows)
        {
            var cells = row.Cells.ToArray();
            var number = CleanNumber(Cell(cells, c.Number));
            if (row.Kind == TableRowKind.Section)
            {
                sectionMarker = number;
                sectionTitle = cells.Where((v, k) => k != c.Number && v.Length > 0).FirstOrDefault() ?? "";
                if (number.Length == 0 && Markers.Parse(sectionTitle) is { Kind: not MarkerKind.None } m)
                    (number, sectionTitle) = (m.Marker, m.Text);
                area = AreaClassifier.ClassifyHeading(sectionTitle);
                sectionAreas = AreaClassifier.AreasNamed(sectionTitle);
                group = "";
                carried = null;
                lastLead = "";
                continue;
            }
            // "nt", "-nt-", "Như trên": the same as the record row above.
            if (previous is not null)
                foreach (var k in new[] { c.Lead, c.Support, c.Deadline, c.Product })
                    if (k >= 0 && k < cells.Length && IsDitto(cells[k])) cells[k] = Cell(previous, k);
            bool bullet = IsBullet(Cell(cells, c.Number));
            if (number.Length > 0 || bullet)
            {
                if (!bullet) group = number;
                carried = bullet ? carried : null;
            }
            if (row.Kind == TableRowKind.Group)
            {
                // A numbered group row that is only an area heading ("1 | Công tác chỉ đạo, điều hành") sets the area.
                var heading = cells.Where((v, k) => k != c.Number && v.Length > 0).FirstOrDefault() ?? "";
                if (heading.Length <= 80 && AreaClassifier.AreasNamed(heading) is { Count: > 0 } named)
                    (area, sectionAreas) = (named[0], named);
                carried = c.IsMultiLevel ? cells : null;
                continue;
            }
            if (number.Length == 0 && carried is not null)
                foreach (var k in new[] { c.Objective, c.Task, c.Lead, c.Support, c.Deadline })
                    if (k >= 0 && cells[k].Length == 0) cells[k] = carried[k];
            // A lead cell merged down over several numbered rows is blank below its first row: a row that
            // names support agencies but no lead takes the lead above (a row with neither has none).
            if (c.Lead >= 0 && c.Lead < cells.Length)
            {
                if (cells[c.Lead].Length == 0 && lastLead.Length > 0 && Cell(cells, c.Support).Length > 0) cells[c.Lead] = lastLead;
                lastLead = cells[c.Lead];
            }
            carried = cells;
            previous = cells;
            var ownNumber = bullet ? "" : group;
            var text = Flat(Cell(cells, c.RecordText));
            if (text.Length == 0) continue;
            var objective = Flat(Cell(cells, c.Objective));
            // A lead cell may name both roles: "X chủ trì; Y phối hợp", "Chủ trì: X. Phối hợp: Y".
            var (lead, cellSupport) = AgencyClause.FromCell(Flat(Cell(cells, c.Lead)));
            var support = Cell(cells, c.Support).Length > 0 ? Cell(cells, c.Support) : cellSupport;
            // Two leads ("Phòng VH-XH; Văn phòng HĐND và UBND"), or several agencies in a table without a
            // support column ("Đơn vị thực hiện"): the first leads, the others support.
            if ((lead.Contains(';') || c.Support < 0) && AgencyResolver.Split(lead) is { Count: > 1 } leads)
            {
                lead = leads[0];
                support = string.Join("; ", leads.Skip(1).Append(support ?? "").Where(x => x.Length > 0));
            }
            var product = Flat(Cell(cells, c.Product));
            yield return new TaskRecord
            {
                Number = ownNumber,
                Text = text,
                Objective = objective.Length > 0 ? objective : null,
                ParentTask = c.IsMultiLevel && Cell(cells, c.Task).Length > 0 ? Flat(Cell(cells, c.Task)) : null,
                Lead = lead.Length > 0 ? AgencyResolver.Resolve(lead) : null,
                Support = AgencyResolver.ResolveList(support),
                Deadline = c.DeadlineEnd >= 0
                    ? DeadlineParser.ParseSpan(Flat(Cell(cells, c.Deadline)), Flat(Cell(cells, c.DeadlineEnd)), contextYear)
                    : DeadlineParser.Parse(Flat(Cell(cells, c.Deadline)), contextYear),
                Product = product.Length > 0 ? product : null,
                Targets = Targets.Find(text + " " + objective),
                Area = RowArea(area, sectionAreas, text),
                SectionPath = sectionMarker.Length > 0 ? $"Phụ lục/{sectionMarker}" : "Phụ lục",
                Origin = TaskOrigin.AppendixRow,
                Source = row.Source,
            };
        }
    }
}
