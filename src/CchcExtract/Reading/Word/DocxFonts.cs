using CchcExtract.Reading.Legacy;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CchcExtract.Reading.Word;

/// <summary>A legacy Vietnamese font's encoding; <see cref="UpperCase"/> for the ".VnTimeH"-style capital fonts.</summary>
internal readonly record struct LegacyFont(LegacyEncoding Encoding, bool UpperCase);

/// <summary>
/// Resolves a run's font (run properties → character style → paragraph style chain → document defaults)
/// and says whether it is a legacy Vietnamese font: <c>.Vn*</c> fonts are TCVN3 (a trailing <c>H</c>, as in
/// <c>.VnTimeH</c>, draws capitals), <c>VNI-*</c> fonts are VNI.
/// </summary>
internal sealed class DocxFonts
{
    private readonly Dictionary<string, Style> _styles;
    private readonly string? _defaultFont;

    public DocxFonts(Styles? styles)
    {
        _styles = styles?.Elements<Style>().Where(s => s.StyleId?.Value is not null).GroupBy(s => s.StyleId!.Value!).ToDictionary(g => g.Key, g => g.First()) ?? [];
        _defaultFont = FontOf(styles?.DocDefaults?.RunPropertiesDefault?.RunPropertiesBaseStyle?.RunFonts);
        var normal = styles?.Elements<Style>().FirstOrDefault(s => s.Type?.Value == StyleValues.Paragraph && s.Default?.Value == true);
        if (normal is not null && StyleFont(normal.StyleId?.Value) is { } nf) _defaultFont = nf;
    }

    public LegacyFont? LegacyFont(Run run, Paragraph p)
    {
        var font = FontOf(run.RunProperties?.RunFonts)
            ?? StyleFont(run.RunProperties?.RunStyle?.Val?.Value)
            ?? StyleFont(p.ParagraphProperties?.ParagraphStyleId?.Val?.Value)
            ?? _defaultFont;
        return Classify(font);
    }

    public static LegacyFont? Classify(string? font)
    {
        if (string.IsNullOrWhiteSpace(font)) return null;
        var f = font.Trim();
        if (f.StartsWith(".Vn", StringComparison.OrdinalIgnoreCase))
            return new LegacyFont(LegacyEncoding.Tcvn3, f.Length > 4 && f.EndsWith('H'));
        if (f.StartsWith("VNI-", StringComparison.OrdinalIgnoreCase) || f.StartsWith("VNI ", StringComparison.OrdinalIgnoreCase))
            return new LegacyFont(LegacyEncoding.Vni, false);
        return null;
    }

    private static string? FontOf(RunFonts? f) => f?.Ascii?.Value ?? f?.HighAnsi?.Value;

    private string? StyleFont(string? styleId)
    {
        for (int guard = 0; styleId is not null && guard < 10; guard++)
        {
            if (!_styles.TryGetValue(styleId, out var s)) return null;
            if (FontOf(s.StyleRunProperties?.RunFonts) is { } f) return f;
            styleId = s.BasedOn?.Val?.Value;
        }
        return null;
    }
}
