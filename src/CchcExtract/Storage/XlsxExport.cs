using System.Globalization;
using System.Xml;
using CchcExtract.Model;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CchcExtract.Storage;

/// <summary>
/// Writes a result set as an Excel workbook (.xlsx, Office Open XML): one sheet, a bold frozen header
/// row, an autofilter over all rows, inline strings (Vietnamese text kept as is, characters XML cannot
/// hold dropped), whole numbers as numbers. Streams rows (<see cref="OpenXmlWriter"/>), so large sets
/// do not build a document tree. Columns follow <see cref="TaskCsv.Columns"/>.
/// </summary>
public static class XlsxExport
{
    /// <summary>Writes the task records to <paramref name="stream"/> (which must be seekable or empty-writable; left open).</summary>
    public static void Write(Stream stream, IEnumerable<TaskExport> tasks, string sheetName = "Nhiệm vụ") =>
        Write(stream, TaskCsv.Columns, tasks.Select(TaskCsv.Row), sheetName, ["source_line", "source_page"]);

    /// <summary>Writes a header row and data rows; columns named in <paramref name="numericColumns"/> are written as numbers when they parse.</summary>
    public static void Write(Stream stream, IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string>> rows,
        string sheetName = "Sheet1", IReadOnlyCollection<string>? numericColumns = null)
    {
        // OpenXml needs a seekable stream (zip central directory); buffer when the target is not.
        if (!stream.CanSeek)
        {
            using var buffer = new MemoryStream();
            Write(buffer, columns, rows, sheetName, numericColumns);
            buffer.Position = 0;
            buffer.CopyTo(stream);
            return;
        }
        var numeric = columns.Select(c => numericColumns?.Contains(c) == true).ToArray();
        using var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var wbPart = doc.AddWorkbookPart();
        AddStyles(wbPart);
        var wsPart = wbPart.AddNewPart<WorksheetPart>();

        int rowCount = 1;
        using (var w = OpenXmlWriter.Create(wsPart))
        {
            w.WriteStartElement(new Worksheet());
            w.WriteStartElement(new SheetViews());
            w.WriteStartElement(new SheetView { WorkbookViewId = 0, TabSelected = true });
            w.WriteElement(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen });
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteStartElement(new Columns());
            for (int c = 0; c < columns.Count; c++)
                w.WriteElement(new Column { Min = (uint)c + 1, Max = (uint)c + 1, Width = Width(columns[c]), CustomWidth = true });
            w.WriteEndElement();
            w.WriteStartElement(new SheetData());
            WriteRow(w, 1, columns, new bool[columns.Count], styleIndex: 1);
            foreach (var row in rows)
                WriteRow(w, (uint)++rowCount, row, numeric, styleIndex: 0);
            w.WriteEndElement(); // sheetData
            w.WriteElement(new AutoFilter { Reference = $"A1:{ColumnName(columns.Count - 1)}{rowCount}" });
            w.WriteEndElement(); // worksheet
        }

        var safeName = SheetName(sheetName);
        wbPart.Workbook = new Workbook(
            new Sheets(new Sheet { Name = safeName, SheetId = 1, Id = wbPart.GetIdOfPart(wsPart) }),
            new DefinedNames(new DefinedName($"'{safeName}'!$A$1:${ColumnName(columns.Count - 1)}${rowCount}")
            {
                Name = "_xlnm._FilterDatabase", LocalSheetId = 0, Hidden = true,
            }));
        wbPart.Workbook.Save();
    }

    private static void WriteRow(OpenXmlWriter w, uint index, IReadOnlyList<string> cells, bool[] numeric, uint styleIndex)
    {
        w.WriteStartElement(new Row { RowIndex = index });
        for (int c = 0; c < cells.Count; c++)
        {
            var value = cells[c] ?? "";
            var reference = ColumnName(c) + index.ToString(CultureInfo.InvariantCulture);
            if (c < numeric.Length && numeric[c] && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            {
                w.WriteElement(new Cell { CellReference = reference, CellValue = new CellValue(value), DataType = CellValues.Number });
                continue;
            }
            if (value.Length == 0) continue;
            var cell = new Cell { CellReference = reference, DataType = CellValues.InlineString };
            if (styleIndex != 0) cell.StyleIndex = styleIndex;
            cell.InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(XmlSafe(value)) { Space = SpaceProcessingModeValues.Preserve });
            w.WriteElement(cell);
        }
        w.WriteEndElement();
    }

    /// <summary>Drops characters XML 1.0 cannot hold (control characters, lone surrogates); Excel cells hold at most 32,767.</summary>
    public static string XmlSafe(string s)
    {
        if (s.Length > 32767) s = s[..32767];
        for (int i = 0; i < s.Length; i++)
        {
            char ch = s[i];
            bool ok = char.IsHighSurrogate(ch) ? i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) && ++i > 0
                : !char.IsLowSurrogate(ch) && XmlConvert.IsXmlChar(ch);
            if (!ok) return Filter(s);
        }
        return s;

        static string Filter(string s)
        {
            var sb = new System.Text.StringBuilder(s.Length);
            for (int i = 0; i < s.Length; i++)
            {
                char ch = s[i];
                if (char.IsHighSurrogate(ch) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { sb.Append(ch).Append(s[++i]); continue; }
                if (!char.IsSurrogate(ch) && XmlConvert.IsXmlChar(ch)) sb.Append(ch);
            }
            return sb.ToString();
        }
    }

    /// <summary>Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA.</summary>
    public static string ColumnName(int index)
    {
        var s = "";
        for (int n = index + 1; n > 0; n = (n - 1) / 26) s = (char)('A' + (n - 1) % 26) + s;
        return s;
    }

    private static double Width(string column) => column switch
    {
        "task" => 70, "section" or "number" or "area" or "origin" or "source_line" or "source_page" => 12,
        "document" or "source_file" => 28, _ => 22,
    };

    private static string SheetName(string name)
    {
        var cleaned = new string(name.Where(c => c is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\' or '\'')).ToArray()).Trim();
        if (cleaned.Length == 0) cleaned = "Sheet1";
        return cleaned.Length > 31 ? cleaned[..31] : cleaned;
    }

    private static void AddStyles(WorkbookPart wb)
    {
        var part = wb.AddNewPart<WorkbookStylesPart>();
        part.Stylesheet = new Stylesheet(
            new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border()) { Count = 1 },
            new CellStyleFormats(new CellFormat()) { Count = 1 },
            new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }) { Count = 2 });
        part.Stylesheet.Save();
    }

    /// <summary>Reads the first sheet back as rows of strings (inline, shared or numeric cells) — for tests and checks.</summary>
    public static List<List<string>> Read(Stream stream)
    {
        using var doc = SpreadsheetDocument.Open(stream, false);
        var wb = doc.WorkbookPart!;
        var sheet = wb.Workbook.Sheets!.Elements<Sheet>().First();
        var ws = (WorksheetPart)wb.GetPartById(sheet.Id!);
        var shared = wb.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(x => x.InnerText).ToList() ?? [];
        var result = new List<List<string>>();
        foreach (var row in ws.Worksheet.Descendants<Row>())
        {
            var cells = new List<string>();
            foreach (var cell in row.Elements<Cell>())
            {
                int col = ColumnIndex(cell.CellReference?.Value ?? ColumnName(cells.Count));
                while (cells.Count < col) cells.Add("");
                var t = cell.DataType?.Value;
                string v = t == CellValues.InlineString ? cell.InlineString?.InnerText ?? ""
                    : t == CellValues.SharedString ? shared[int.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture)]
                    : cell.CellValue?.Text ?? "";
                cells.Add(v);
            }
            result.Add(cells);
        }
        return result;
    }

    private static int ColumnIndex(string reference)
    {
        int n = 0;
        foreach (var ch in reference)
        {
            if (!char.IsAsciiLetterUpper(ch)) break;
            n = n * 26 + (ch - 'A' + 1);
        }
        return n - 1;
    }
}
