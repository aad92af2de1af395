using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace CchcExtract.Reading.Fixtures;

/// <summary>
/// Writes a plan given as plain text into a .docx the way a clerk would type it in Word, to make test
/// fixtures and local renderings of the seed plans. Input conventions:
/// <list type="bullet">
/// <item>lines with tabs form a table (first row = header, marked to repeat on every page);</item>
/// <item>cell <c>^</c> = vertically merged with the cell above (<c>w:vMerge</c>); cell <c>&gt;</c> = covered by the
/// cell to its left (<c>w:gridSpan</c>); <c>&lt;p&gt;a&lt;/p&gt; &lt;p&gt;b&lt;/p&gt;</c> = two paragraphs in a cell;</item>
/// <item>paragraphs starting "I. ", "1. ", "a) ", "- " get Word automatic numbering (upper Roman, decimal,
/// lower letter, bullet) instead of typed labels, unless turned off;</item>
/// <item>a line <c>[page]</c> is a page break; a line <c>[vntime]</c> makes the next paragraph use the legacy
/// <c>.VnTime</c> font with TCVN3 bytes.</item>
/// </list>
/// <see cref="ExpectedText"/> gives the text a reader should get back.
/// </summary>
public static partial class PlanDocxWriter
{

    [GeneratedRegex(@"^(?<label>[IVX]+\.|\d+\.|[a-zđ]\)|-) (?<text>.+)$")]
    private static partial Regex Numbered();

    /// <summary>The text a reader should return: markers removed, blank lines dropped.</summary>
    public static IReadOnlyList<string> ExpectedText(string source) =>
        source.Replace("\r", "").Split('\n')
            .Where(l => l.Trim().Length > 0 && l.Trim() is not "[page]" and not "[vntime]")
            .Select(l => l.Contains('\t') ? string.Join('\t', l.Split('\t').Select(c => c.Trim() is "^" or ">" ? "" : c.Trim())) : l.Trim())
            .ToList();

    /// <summary>Writes <paramref name="source"/> as a .docx at <paramref name="path"/>.</summary>
    /// <param name="source">The plan text.</param>
    /// <param name="path">Where to write the .docx.</param>
    /// <param name="autoNumbering">Use Word numbering for list labels (else the labels stay typed in the text,
    /// as needed for texts whose labels do not follow one consistent outline).</param>
    public static void Write(string source, string path, bool autoNumbering = true)
    {
        using var doc = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
        var main = doc.AddMainDocumentPart();
        main.Document = new Document(new Body());
        var body = main.Document.Body!;
        AddStyles(main);
        AddNumbering(main);
        var lines = source.Replace("\r", "").Split('\n');
        bool vntime = false;
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Trim().Length == 0) continue;
            if (line.Trim() == "[page]") { body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page }))); continue; }
            if (line.Trim() == "[vntime]") { vntime = true; continue; }
            if (line.Contains('\t'))
            {
                var rows = new List<string[]>();
                while (i < lines.Length && lines[i].Contains('\t')) rows.Add(lines[i++].Split('\t').Select(c => c.Trim()).ToArray());
                i--;
                body.Append(Table(rows));
                continue;
            }
            body.Append(Para(line.Trim(), vntime, autoNumbering));
            vntime = false;
        }
        // A running header and a page-number footer, as real plans have; readers must drop them.
        var header = main.AddNewPart<HeaderPart>();
        header.Header = new Header(new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Right }),
            new Run(new WText("Kế hoạch cải cách hành chính năm 2026 - xã Hòa An"))));
        header.Header.Save();
        var footer = main.AddNewPart<FooterPart>();
        footer.Footer = new Footer(new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            new SimpleField(new Run(new WText("1"))) { Instruction = " PAGE " }));
        footer.Footer.Save();
        body.Append(new SectionProperties(
            new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
            new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
            new PageSize { Width = 16838, Height = 11906, Orient = PageOrientationValues.Landscape },
            new PageMargin { Top = 1134, Bottom = 1134, Left = 1134, Right = 1134, Header = 567, Footer = 567 }));
        main.Document.Save();
    }

    private static Paragraph Para(string text, bool vntime, bool autoNumbering)
    {
        var p = new Paragraph();
        var m = autoNumbering ? Numbered().Match(text) : Match.Empty;
        if (m.Success)
        {
            var label = m.Groups["label"].Value;
            var (num, lvl) = label switch
            {
                "-" => (2, 0),
                _ when char.IsDigit(label[0]) => (1, 1),
                _ when label.EndsWith(')') => (1, 2),
                _ => (1, 0),
            };
            p.Append(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = lvl }, new NumberingId { Val = num })));
            text = m.Groups["text"].Value;
        }
        if (vntime)
        {
            var legacy = new string(Legacy.LegacyCodec.Encode(text.ToLowerInvariant() == text ? text : text, Legacy.LegacyEncoding.Tcvn3).Select(b => (char)b).ToArray());
            p.Append(new Run(new RunProperties(new RunFonts { Ascii = ".VnTime", HighAnsi = ".VnTime" }), new WText(legacy) { Space = SpaceProcessingModeValues.Preserve }));
        }
        else p.Append(new Run(new WText(text) { Space = SpaceProcessingModeValues.Preserve }));
        return p;
    }

    private static Table Table(List<string[]> rows)
    {
        int cols = rows.Max(r => r.Length);
        var t = new Table(new TableProperties(
            new TableBorders(new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }),
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }));
        // Column widths (twips): narrow number column, wide task column.
        int[] widths = cols == 6 ? [700, 4700, 2400, 2400, 1700, 2600] : Enumerable.Repeat(14500 / cols, cols).ToArray();
        var grid = new TableGrid();
        foreach (var w in widths) grid.Append(new GridColumn { Width = w.ToString() });
        t.Append(grid);
        for (int r = 0; r < rows.Count; r++)
        {
            var tr = new TableRow();
            if (r == 0) tr.Append(new TableRowProperties(new TableHeader()));
            var cells = rows[r].Concat(Enumerable.Repeat("", cols - rows[r].Length)).ToArray();
            for (int c = 0; c < cols; c++)
            {
                if (cells[c] == ">") continue;
                int span = 1;
                while (c + span < cols && cells[c + span] == ">") span++;
                var tcPr = new TableCellProperties(new TableCellWidth { Width = widths.Skip(c).Take(span).Sum().ToString(), Type = TableWidthUnitValues.Dxa });
                if (span > 1) tcPr.Append(new GridSpan { Val = span });
                bool cont = cells[c] == "^";
                bool restart = !cont && r + 1 < rows.Count && c < rows[r + 1].Length && rows[r + 1][c].Trim() == "^";
                if (cont) tcPr.Append(new VerticalMerge { Val = MergedCellValues.Continue });
                else if (restart) tcPr.Append(new VerticalMerge { Val = MergedCellValues.Restart });
                var tc = new TableCell(tcPr);
                var text = cont ? "" : cells[c];
                var paras = text.StartsWith("<p>") ? text.Split("</p>", StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim().Replace("<p>", "")).Where(s => s.Length > 0).ToList() : [text];
                foreach (var para in paras)
                {
                    var p = new Paragraph(new Run(new WText(para) { Space = SpaceProcessingModeValues.Preserve }));
                    if (r == 0) p.PrependChild(new ParagraphProperties(new Justification { Val = JustificationValues.Center }));
                    tc.Append(p);
                }
                tr.Append(tc);
            }
            t.Append(tr);
        }
        return t;
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "DejaVu Serif", HighAnsi = "DejaVu Serif", ComplexScript = "DejaVu Serif" },
                new FontSize { Val = "22" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "60" }))),
            new Style(new StyleName { Val = "Normal" }) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true });
        styles.Styles.Save();
    }

    private static void AddNumbering(MainDocumentPart main)
    {
        var part = main.AddNewPart<NumberingDefinitionsPart>();
        Level Lvl(int i, NumberFormatValues fmt, string text) =>
            new(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = fmt }, new LevelText { Val = text },
                new PreviousParagraphProperties(new Indentation { Left = (360 * (i + 1)).ToString(), Hanging = "360" })) { LevelIndex = i };
        part.Numbering = new Numbering(
            new AbstractNum(Lvl(0, NumberFormatValues.UpperRoman, "%1."), Lvl(1, NumberFormatValues.Decimal, "%2."), Lvl(2, NumberFormatValues.LowerLetter, "%3)")) { AbstractNumberId = 1 },
            new AbstractNum(Lvl(0, NumberFormatValues.Bullet, "-")) { AbstractNumberId = 2 },
            new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = 1 },
            new NumberingInstance(new AbstractNumId { Val = 2 }) { NumberID = 2 });
        part.Numbering.Save();
    }
}
