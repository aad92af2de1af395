using System.Globalization;

namespace CchcExtract.Reading.Layout;

/// <summary>
/// Parses the TSV word lists written by <c>pdftotext -tsv</c> (poppler) and <c>tesseract … tsv</c>:
/// columns level, page_num, par_num, block_num, line_num, word_num, left, top, width, height, conf, text.
/// Level 1 rows give page sizes, level 5 rows words.
/// </summary>
public static class WordTsv
{
    /// <summary>Boxes of level-5 rows without text: regions Tesseract's layout analysis kept but could not read.</summary>
    public static List<PageWord> ParseEmpty(string tsv)
    {
        var boxes = new List<PageWord>();
        foreach (var raw in tsv.Split('\n'))
        {
            var f = raw.TrimEnd('\r').Split('\t');
            if (f.Length < 12 || f[0] != "5" || f[11].Trim().Length > 0) continue;
            double D(int i) => double.Parse(f[i], NumberStyles.Float, CultureInfo.InvariantCulture);
            boxes.Add(new PageWord(0, D(6), D(7), D(6) + D(8), D(7) + D(9), "", 0));
        }
        return boxes;
    }

    /// <summary>Pages and words; <paramref name="pageOffset"/> is added to page numbers (one image per call).</summary>
    public static (List<PageSize> Pages, List<PageWord> Words) Parse(string tsv, int pageOffset = 0)
    {
        var pages = new List<PageSize>();
        var words = new List<PageWord>();
        foreach (var raw in tsv.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith("level")) continue;
            var f = line.Split('\t');
            if (f.Length < 11) continue;
            if (!int.TryParse(f[0], out var level) || !int.TryParse(f[1], out var page)) continue;
            double D(int i) => double.Parse(f[i], NumberStyles.Float, CultureInfo.InvariantCulture);
            page += pageOffset;
            if (level == 1) pages.Add(new PageSize(page, D(8), D(9)));
            else if (level == 5 && f.Length >= 12)
            {
                var text = f[11].Trim();
                if (text.Length == 0) continue;
                double conf = D(10);
                int key = (int.Parse(f[3]) * 1000 + int.Parse(f[2])) * 1000 + int.Parse(f[4]);
                words.Add(new PageWord(page, D(6), D(7), D(6) + D(8), D(7) + D(9), text, conf < 0 ? 1 : Math.Clamp(conf / 100, 0, 1), key));
            }
        }
        return (pages, words);
    }
}
