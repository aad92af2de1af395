using CchcExtract.Tests.Support;

namespace CchcExtract.Tests.Reading;

/// <summary>The format fixtures under corpus/samples/formats, made by scripts/make-fixtures.sh from plan sources written for the tests.</summary>
public static class FormatSamples
{
    /// <summary>The plan source (markup described in PlanDocxWriter).</summary>
    public static string Source => File.ReadAllText(Path("plan-hoa-an.src.txt"));

    /// <summary>Path of a fixture.</summary>
    public static string Path(string name) => Shared.Corpus("samples", "formats", name);

    /// <summary>A scratch file path with the extension, deleted by the caller.</summary>
    public static string Temp(string ext) => System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"cchc-test-{Guid.NewGuid():N}{ext}");

    /// <summary>Share of expected table cells (row by row, by row key = first two cells) found equal in the actual rows.</summary>
    public static double CellAgreement(IEnumerable<string> expected, IEnumerable<string> actual)
    {
        var exp = expected.Where(l => l.Contains('\t')).Select(l => l.Split('\t')).ToList();
        var act = actual.Where(l => l.Contains('\t')).Select(l => l.Split('\t')).ToList();
        int total = 0, same = 0, j = 0;
        foreach (var row in exp)
        {
            // Find the next actual row with the same first cell (rows are in order).
            int k = j;
            while (k < act.Count && Norm(act[k][0]) != Norm(row[0])) k++;
            var match = k < act.Count ? act[k] : null;
            if (match is not null) j = k + 1;
            for (int c = 0; c < row.Length; c++)
            {
                total++;
                if (match is not null && c < match.Length && Norm(match[c]) == Norm(row[c])) same++;
            }
        }
        return total == 0 ? 0 : (double)same / total;
    }

    /// <summary>Cell comparison key: normalised, markup and spaces collapsed.</summary>
    public static string Norm(string s) =>
        string.Join(' ', CchcExtract.Text.VietnameseText.Normalize(s.Replace("<p>", " ").Replace("</p>", " ")).Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
