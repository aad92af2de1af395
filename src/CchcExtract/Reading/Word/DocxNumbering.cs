using DocumentFormat.OpenXml.Wordprocessing;

namespace CchcExtract.Reading.Word;

/// <summary>
/// Renders Word's automatic list numbering (numbering.xml) as text, the way Word shows it: each
/// numbering instance (<c>w:num</c>) keeps counters per level; a level's text pattern (<c>w:lvlText</c>,
/// e.g. <c>"%1."</c>, <c>"%1.%2"</c>, <c>"%2)"</c>) is filled with the counters formatted by the level's
/// <c>w:numFmt</c> (decimal 1, lowerLetter a, upperRoman I, bullet → "-").
/// </summary>
internal sealed class DocxNumbering
{
    private sealed record LevelDef(string Format, string Text, int Start);

    private readonly Dictionary<int, Dictionary<int, LevelDef>> _levelsByNum = [];
    private readonly Dictionary<int, int> _abstractByNum = [];
    private readonly Dictionary<int, int[]> _counters = []; // by abstract num (instances of one list share counters)
    private readonly Dictionary<string, (int NumId, int Level)> _styleNumbering = [];

    public DocxNumbering(Numbering? numbering, Styles? styles)
    {
        if (numbering is not null)
        {
            var abstracts = numbering.Elements<AbstractNum>()
                .Where(a => a.AbstractNumberId?.Value is not null)
                .GroupBy(a => a.AbstractNumberId!.Value).ToDictionary(g => g.Key, g => g.First());
            foreach (var num in numbering.Elements<NumberingInstance>())
            {
                if (num.NumberID?.Value is not int numId || num.AbstractNumId?.Val?.Value is not int absId) continue;
                if (!abstracts.TryGetValue(absId, out var abs)) continue;
                var levels = new Dictionary<int, LevelDef>();
                foreach (var lvl in abs.Elements<Level>())
                {
                    int idx = lvl.LevelIndex?.Value ?? 0;
                    var fmt = lvl.NumberingFormat?.Val?.Value.ToString() is { Length: > 0 } f ? char.ToLowerInvariant(f[0]) + f[1..] : "decimal"; // enum name → XML name
                    levels[idx] = new LevelDef(fmt, lvl.LevelText?.Val?.Value ?? $"%{idx + 1}.", lvl.StartNumberingValue?.Val?.Value ?? 1);
                }
                foreach (var ov in num.Elements<LevelOverride>())
                    if (ov.LevelIndex?.Value is int li && ov.StartOverrideNumberingValue?.Val?.Value is int so && levels.TryGetValue(li, out var d))
                        levels[li] = d with { Start = so };
                _levelsByNum[numId] = levels;
                // An instance with start overrides restarts the list: give it its own counters.
                _abstractByNum[numId] = num.Elements<LevelOverride>().Any(o => o.StartOverrideNumberingValue is not null) ? -numId - 1 : absId;
            }
        }
        if (styles is not null)
        {
            var byId = styles.Elements<Style>().Where(s => s.StyleId?.Value is not null).GroupBy(s => s.StyleId!.Value!).ToDictionary(g => g.Key, g => g.First());
            foreach (var (id, style) in byId)
            {
                var s = style;
                for (int guard = 0; s is not null && guard < 10; guard++)
                {
                    var np = s.StyleParagraphProperties?.NumberingProperties;
                    if (np?.NumberingId?.Val?.Value is int n)
                    {
                        _styleNumbering[id] = (n, np.NumberingLevelReference?.Val?.Value ?? 0);
                        break;
                    }
                    var basedOn = s.BasedOn?.Val?.Value;
                    s = basedOn is not null && byId.TryGetValue(basedOn, out var b) ? b : null;
                }
            }
        }
    }

    /// <summary>The label of a paragraph ("1.", "a)", "-") advancing the counters, or null when it is not numbered.</summary>
    public string? Next(Paragraph p)
    {
        var pPr = p.ParagraphProperties;
        var np = pPr?.NumberingProperties;
        int? numId = np?.NumberingId?.Val?.Value;
        int level = np?.NumberingLevelReference?.Val?.Value ?? 0;
        if (numId is null && pPr?.ParagraphStyleId?.Val?.Value is { } styleId && _styleNumbering.TryGetValue(styleId, out var sn))
        {
            numId = sn.NumId;
            if (np?.NumberingLevelReference is null) level = sn.Level;
        }
        if (numId is not int id || id == 0 || !_levelsByNum.TryGetValue(id, out var levels) || !levels.TryGetValue(level, out var def)) return null;
        var key = _abstractByNum[id];
        if (!_counters.TryGetValue(key, out var counters))
        {
            counters = new int[10];
            for (int i = 0; i < 10; i++) counters[i] = (levels.TryGetValue(i, out var d) ? d.Start : 1) - 1;
            _counters[key] = counters;
        }
        counters[level]++;
        for (int i = level + 1; i < 10; i++) counters[i] = (levels.TryGetValue(i, out var d) ? d.Start : 1) - 1;
        if (def.Format is "bullet") return "-";
        if (def.Format is "none") return null;
        var text = def.Text;
        for (int i = 0; i <= level; i++)
        {
            var fmt = levels.TryGetValue(i, out var d) ? d.Format : "decimal";
            text = text.Replace($"%{i + 1}", Format(Math.Max(counters[i], levels.TryGetValue(i, out var d2) ? d2.Start : 1), fmt));
        }
        return text.Trim().Length == 0 ? null : text.Trim();
    }

    private static string Format(int n, string fmt) => fmt switch
    {
        "lowerLetter" => Letters(n).ToLowerInvariant(),
        "upperLetter" => Letters(n),
        "lowerRoman" => Roman(n).ToLowerInvariant(),
        "upperRoman" => Roman(n),
        "decimalZero" => n.ToString("00"),
        _ => n.ToString(),
    };

    private static string Letters(int n)
    {
        // Word repeats the letter past z: aa, bb…
        int idx = (n - 1) % 26, rep = (n - 1) / 26 + 1;
        return new string((char)('A' + idx), rep);
    }

    private static string Roman(int n)
    {
        if (n <= 0) return n.ToString();
        var parts = new (int, string)[] { (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I") };
        var sb = new System.Text.StringBuilder();
        foreach (var (v, s) in parts) while (n >= v) { sb.Append(s); n -= v; }
        return sb.ToString();
    }
}
