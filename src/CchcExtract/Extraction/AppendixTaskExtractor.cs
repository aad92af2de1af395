using CchcExtract.Model;
using CchcExtract.Segmentation;

namespace CchcExtract.Extraction;

/// <summary>
/// Turns appendix table rows into task records: one record per task row (simple tables) or per
/// activity row (multi-level tables).
/// </summary>
/// <remarks>
/// In multi-level tables merged cells are left blank on every row but the first of the merge. Within
/// one numbered group an empty Mục tiêu, Nhiệm vụ, Chủ trì, Phối hợp or Thời gian cell inherits the
/// nearest value above; the product (Kết quả/sản phẩm) never inherits, and rows of a new number start
/// afresh. Simple tables inherit nothing: a blank cell is blank.
/// </remarks>
public static class AppendixTaskExtractor
{
    /// <summary>Extracts the records of one table.</summary>
    /// <param name="table">The assembled table.</param>
    /// <param name="contextYear">The plan's year, for deadlines printed without one (<c>Quý I</c>).</param>
    public static IEnumerable<TaskRecord> Extract(AppendixTable table, int? contextYear = null)
    {
        var c = table.Columns;
        string sectionMarker = "", sectionTitle = "";
        ReformArea area = ReformArea.Other;
        string group = "";
        string[]? carried = null;
        string Cell(string[] cells, int k) => k >= 0 && k < cells.Length ? cells[k] : "";

        foreach (var row in table.Rows)
        {
            var cells = row.Cells.ToArray();
            var number = Cell(cells, c.Number);
            if (row.Kind == TableRowKind.Section)
            {
                sectionMarker = number;
                sectionTitle = cells.Where((v, k) => k != c.Number && v.Length > 0).FirstOrDefault() ?? "";
                area = AreaClassifier.ClassifyHeading(sectionTitle);
                group = "";
                carried = null;
                continue;
            }
            if (number.Length > 0)
            {
                group = number;
                carried = null;
            }
            if (row.Kind == TableRowKind.Group)
            {
                carried = c.IsMultiLevel ? cells : null;
                continue;
            }
            if (c.IsMultiLevel)
            {
                if (carried is not null)
                    foreach (var k in new[] { c.Objective, c.Task, c.Lead, c.Support, c.Deadline })
                        if (k >= 0 && cells[k].Length == 0) cells[k] = carried[k];
                carried = cells;
            }
            var text = Cell(cells, c.RecordText);
            if (text.Length == 0) continue;
            var objective = Cell(cells, c.Objective);
            var lead = Cell(cells, c.Lead);
            var product = Cell(cells, c.Product);
            yield return new TaskRecord
            {
                Number = group,
                Text = text,
                Objective = objective.Length > 0 ? objective : null,
                ParentTask = c.IsMultiLevel && Cell(cells, c.Task).Length > 0 ? Cell(cells, c.Task) : null,
                Lead = lead.Length > 0 ? AgencyResolver.Resolve(lead) : null,
                Support = AgencyResolver.ResolveList(Cell(cells, c.Support)),
                Deadline = DeadlineParser.Parse(Cell(cells, c.Deadline), contextYear),
                Product = product.Length > 0 ? product : null,
                Targets = Targets.Find(text + " " + objective),
                Area = area != ReformArea.Other ? area : AreaClassifier.ClassifyHeading(text),
                SectionPath = sectionMarker.Length > 0 ? $"Phụ lục/{sectionMarker}" : "Phụ lục",
                Origin = TaskOrigin.AppendixRow,
                Source = row.Source,
            };
        }
    }
}
