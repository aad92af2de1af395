using System.Globalization;
using System.Text.RegularExpressions;
using CchcExtract.Model;
using CchcExtract.Segmentation;
using CchcExtract.Text;

namespace CchcExtract.Extraction;

/// <summary>
/// Reads the header facts of a plan: type, number, date, issuing unit and its level, commune,
/// province, period, title, signer and cited legal bases.
/// </summary>
public static partial class MetadataExtractor
{
    [GeneratedRegex(@"(?m)^\s*Số\s*:?\s*(?<n>\d*)\s*/\s*(?<c>[A-ZĐ]{1,5}(?:-[A-ZĐ]{1,8}){1,3})")]
    private static partial Regex NumberRx();

    [GeneratedRegex(@"[Kk]èm theo\s+(?:Kế hoạch|Quyết định)\s+số\s*:?\s*(?<n>\d*)\s*/\s*(?<c>(?:KH|QĐ)-[A-ZĐ]{1,8})", RegexOptions.IgnoreCase)]
    private static partial Regex InlineNumberRx();

    [GeneratedRegex(@"ngày\s+(?<d>\d{1,2})\s+tháng\s+(?<m>\d{1,2})\s+năm\s+(?<y>\d{4})", RegexOptions.IgnoreCase)]
    private static partial Regex IssueDateRx();

    [GeneratedRegex(@"(?<![\p{L}])(?<lvl>xã|phường|thị trấn|huyện|quận|thị xã|XÃ|PHƯỜNG|THỊ TRẤN|HUYỆN|QUẬN)[ ]+(?<name>(?:[\p{Lu}][\p{L}]*)(?:[ ]+[\p{Lu}][\p{L}]*){0,3})")]
    private static partial Regex UnitRx();

    [GeneratedRegex(@"(?<![\p{L}])(?<lvl>tỉnh|thành phố|TỈNH|THÀNH PHỐ)[ ]+(?<name>(?:[\p{Lu}][\p{L}]*)(?:[ ]+[\p{Lu}][\p{L}]*){0,2})")]
    private static partial Regex ProvinceRx();

    [GeneratedRegex(@"(?<kind>Nghị quyết|Quyết định|Kế hoạch|Nghị định|Thông tư|Chỉ thị|Công văn|Chương trình|Hướng dẫn)\s+(?:số\s*:?\s*)?(?<num>[\w.\-]*\d[\w.\-]*/[\wĐđ.\-]+)(?:\s+ngày\s+(?<d>\d{1,2})/(?<m>\d{1,2})/(?<y>\d{4}))?(?:\s+(?:của|do)\s+(?<by>[^,;]+?))?(?=\s+(?:về|ban hành|phê duyệt|quy định|hướng dẫn)\b|[,;.]|$)")]
    private static partial Regex LegalRx();

    [GeneratedRegex(@"Luật\s+(?<name>[\p{Lu}][^;,.]*?)\s+(?:ngày\s+(?<d>\d{1,2})/(?<m>\d{1,2})/(?<y>\d{4})|năm\s+(?<yy>\d{4}))")]
    private static partial Regex LawRx();

    [GeneratedRegex(@"^\s*(?:(?:ỦY|UỶ) BAN NHÂN DÂN\s+|UBND\s+)?(?<lvl>XÃ|PHƯỜNG|THỊ TRẤN|HUYỆN|QUẬN|THỊ XÃ|TỈNH|THÀNH PHỐ)\s+(?<name>[\p{Lu}]+(?:\s+[\p{Lu}]+){0,3})(?![\p{Ll}])")]
    private static partial Regex HeaderUnitRx();

    [GeneratedRegex(@"giai đoạn\s+(?<a>\d{4})\s*[-–]\s*(?<b>\d{4})", RegexOptions.IgnoreCase)]
    private static partial Regex StageRx();

    [GeneratedRegex(@"6 tháng (?<half>đầu|cuối) năm\s+(?<y>\d{4})", RegexOptions.IgnoreCase)]
    private static partial Regex HalfRx();

    [GeneratedRegex(@"năm\s+(?<y>20\d{2})", RegexOptions.IgnoreCase)]
    private static partial Regex YearRx();

    /// <summary>Extracts metadata from a segmented document.</summary>
    public static DocumentMetadata Extract(SegmentedDocument seg)
    {
        var all = seg.Source.Lines.Select(l => Markup.Strip(l.Text)).ToList();
        var headerText = seg.HeaderLines.Select(l => Markup.Strip(l.Text)).Where(s => s.Length > 0).ToList();
        var header = string.Join("\n", headerText);
        var fullText = string.Join("\n", all);

        // Document type: first line that is only a type word, or starts with one ("## KẾ HOẠCH Cải cách…").
        string type = "", issued = "";
        string? title = null;
        for (int i = 0; i < headerText.Count; i++)
        {
            var f = VietnameseText.Fold(headerText[i]).TrimEnd(':', '.').Trim();
            string? t = f.StartsWith("ke hoach") ? "Kế hoạch" : f.StartsWith("quyet dinh") ? "Quyết định" : f.StartsWith("bao cao") ? "Báo cáo" : f.StartsWith("chuong trinh") ? "Chương trình" : null;
            if (t is null || headerText[i].Length > 120 || f.Contains(" so ") && !f.StartsWith(VietnameseText.Fold(t) + " ")) continue;
            if (!IsUpperStart(headerText[i], t)) continue;
            if (type.Length == 0)
            {
                type = t;
                var rest = headerText[i][Math.Min(headerText[i].Length, t.Length)..].Trim();
                title = rest.Length > 0 ? rest : i + 1 < headerText.Count ? headerText[i + 1] : null;
                if (title is not null && i + 2 < headerText.Count && rest.Length == 0 && char.IsLower(headerText[i + 2].FirstOrDefault()))
                    title += " " + headerText[i + 2];
            }
            else if (type == "Quyết định" && t == "Kế hoạch") issued = t;
        }
        if (type == "Quyết định" && issued.Length == 0 && Regex.IsMatch(VietnameseText.Fold(header), @"ban hanh\s+(kem theo\s+)?(quyet dinh nay\s+)?ke hoach")) issued = "Kế hoạch";

        string? number = null;
        var nm = NumberRx().Match(header);
        if (!nm.Success) nm = NumberRx().Match(fullText);
        if (nm.Success) number = $"{nm.Groups["n"].Value}/{nm.Groups["c"].Value}";
        else if (InlineNumberRx().Match(fullText) is { Success: true } im) number = $"{im.Groups["n"].Value}/{im.Groups["c"].Value.ToUpperInvariant()}";

        DateOnly? issueDate = null;
        if (IssueDateRx().Match(header) is { Success: true } dm && Dates.TryDate(dm, out var dd)) issueDate = dd;

        // Unit: the most frequent "xã/phường … Name" in the whole document.
        var units = UnitRx().Matches(fullText)
            .Select(m => (Level: LevelOf(m.Groups["lvl"].Value), Name: TitleCase(m.Groups["name"].Value)))
            .Where(u => u.Name.Length > 1 && !StopName(u.Name))
            .GroupBy(u => (u.Level, Key: VietnameseText.Fold(u.Name)))
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Level)
            .ToList();
        // The issuing block at the top ("ỦY BAN NHÂN DÂN / XÃ NGUYÊN GIÁP") names the unit outright.
        // Read per column: a letterhead is two columns (unit | national motto) however it was flattened.
        // Under a superior authority's line ("UBND HUYỆN X") the next line names the issuing unit itself.
        var headerUnits = seg.HeaderLines.Take(12).Select(l => Cells(l.Text).Select(c => HeaderUnitRx().Match(c)).FirstOrDefault(m => m.Success)).ToList();
        int first = headerUnits.FindIndex(m => m is not null);
        var headerUnit = first < 0 ? null : first + 1 < headerUnits.Count && headerUnits[first + 1] is { } below ? below : headerUnits[first];
        if (headerUnit is not null)
        {
            var hl = LevelOf(headerUnit.Groups["lvl"].Value);
            var hk = VietnameseText.Fold(headerUnit.Groups["name"].Value);
            var match = units.FirstOrDefault(g => g.Key.Level == hl && hk.StartsWith(g.Key.Key));
            if (match is not null) units = [match, .. units.Where(g => g != match)];
            else if (hl is not (UnitLevel.Province or UnitLevel.City))
                units = [new[] { (Level: hl, Name: TitleCase(StripTrailingNoise(headerUnit.Groups["name"].Value))) }.GroupBy(u => (u.Level, Key: VietnameseText.Fold(u.Name))).First(), .. units];
            else if (units.Count == 0 || units[0].Count() < 3)
            {
                // A provincial plan: the unit is the province itself.
                var name = TitleCase(headerUnit.Groups["name"].Value);
                units = [new[] { (Level: hl, Name: name) }.GroupBy(u => (u.Level, Key: VietnameseText.Fold(u.Name))).First()];
            }
        }
        if (seg.Source.Lines.Any(l => l.RepairConfidence is not null))
        {
            // Repaired OCR text: a name whose letters stand in the raw scan ("XA NGUYEN GIAP") beats
            // variants the repair stage made up by changing letters ("Nguyện Giúp" from "Nguyén Gidp").
            var rawFolded = " " + Regex.Replace(VietnameseText.Fold(string.Join(" ", seg.Source.Lines.Select(l => l.Raw))), @"[^a-z0-9]+", " ") + " ";
            units = [.. units.OrderByDescending(g => rawFolded.Contains(" " + g.Key.Key + " ", StringComparison.Ordinal))];
        }
        var unit = units.FirstOrDefault();
        var provinces = ProvinceRx().Matches(fullText)
            .Select(m => (Level: LevelOf(m.Groups["lvl"].Value), Name: TitleCase(m.Groups["name"].Value)))
            .Where(p => p.Name.Length > 1 && !StopName(p.Name))
            .GroupBy(p => VietnameseText.Fold(p.Name))
            .OrderByDescending(g => g.Count())
            .ToList();
        string? commune = unit?.First().Name;
        string? province = provinces.FirstOrDefault()?.First().Name ?? CentralCity(fullText);
        // A provincial department's own plan ("UBND TỈNH QUẢNG TRỊ" / "SỞ TƯ PHÁP"): no commune; its province is the header's.
        if (seg.HeaderLines.Take(6).SelectMany(l => Cells(l.Text)).FirstOrDefault(c => DepartmentRx().IsMatch(c)) is { } department)
        {
            var headerProvince = headerUnit is not null && LevelOf(headerUnit.Groups["lvl"].Value) is UnitLevel.Province or UnitLevel.City
                ? TitleCase(headerUnit.Groups["name"].Value) : province;
            return Finish(UnitLevel.Department, null, headerProvince, TitleCase(department));
        }
        if (province is not null && commune is not null && VietnameseText.Fold(province) == VietnameseText.Fold(commune)
            && unit!.Key.Level is not (UnitLevel.Province or UnitLevel.City))
            province = provinces.Skip(1).FirstOrDefault()?.First().Name;
        var level = unit?.Key.Level ?? (provinces.Count > 0 ? provinces[0].First().Level : UnitLevel.Unknown);
        return Finish(commune is null ? UnitLevel.Unknown : level, commune, province, commune is null ? null : $"UBND {LevelWord(level)} {commune}");

        DocumentMetadata Finish(UnitLevel unitLevel, string? commune, string? province, string? issuing)
        {
            var period = Period(title ?? "") ?? Period(header) ?? Period(string.Join("\n", all.Take(60)));

            return new DocumentMetadata
            {
                DocumentType = type.Length > 0 ? type : "Kế hoạch",
                IssuedDocumentType = issued.Length > 0 ? issued : null,
                Number = number,
                IssueDate = issueDate,
                IssuingUnit = issuing,
                UnitLevel = unitLevel,
                Commune = commune,
                Province = province,
                Period = period,
                Title = title,
                Signer = Signer(seg, out var signerTitle),
                SignerTitle = signerTitle,
                LegalBases = LegalBases(headerText),
            };
        }
    }

    [GeneratedRegex(@"^SỞ\s+[\p{Lu}][\p{Lu}\s,&-]{2,60}$")]
    private static partial Regex DepartmentRx();

    // "NGUYÊN GIÁP ĐỘC LẬP" when the national motto shares the line.
    private static string StripTrailingNoise(string name)
    {
        int i = name.IndexOf(" ĐỘC LẬP", StringComparison.Ordinal);
        return i > 0 ? name[..i] : name;
    }

    private static readonly string[] CentralCities = ["Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế"];

    /// <summary>A centrally governed city named anywhere ("Hà Nội, ngày…", "TP. Hồ Chí Minh"), for plans that never write "thành phố X".</summary>
    private static string? CentralCity(string text) =>
        CentralCities.Select(c => (City: c, Count: Regex.Matches(text, Regex.Escape(c)).Count)).Where(x => x.Count > 0)
            .OrderByDescending(x => x.Count).Select(x => x.City).FirstOrDefault();

    private static bool IsUpperStart(string line, string type) =>
        line.Length >= type.Length && line[..type.Length].ToUpperInvariant() == line[..type.Length];

    private static readonly HashSet<string> StopWords = ["uy", "ubnd", "nhan", "trung", "ban", "so", "phong", "chu", "cac", "nhung", "moi", "trong", "tren", "ve", "theo", "va", "tai", "nam", "giai", "ke", "quyet", "bao", "tong", "tm", "kt", "noi", "luu", "thuong", "dang", "hoi", "doan", "cong", "van", "thu", "tu", "de", "khi", "neu", "sau", "cap", "den"];

    private static bool StopName(string name) => StopWords.Contains(VietnameseText.Fold(name.Split(' ')[0]));

    private static UnitLevel LevelOf(string word) => VietnameseText.Fold(word) switch
    {
        "xa" => UnitLevel.Commune,
        "phuong" => UnitLevel.Ward,
        "thi tran" => UnitLevel.Township,
        "huyen" or "quan" or "thi xa" => UnitLevel.District,
        "tinh" => UnitLevel.Province,
        "thanh pho" => UnitLevel.City,
        _ => UnitLevel.Unknown,
    };

    private static string LevelWord(UnitLevel l) => l switch
    {
        UnitLevel.Commune => "xã",
        UnitLevel.Ward => "phường",
        UnitLevel.Township => "thị trấn",
        UnitLevel.District => "huyện",
        UnitLevel.Province => "tỉnh",
        UnitLevel.City => "thành phố",
        _ => "",
    };

    private static string TitleCase(string name)
    {
        if (name.Any(char.IsLower)) return name.Trim();
        return string.Join(" ", name.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w[..1] + w[1..].ToLower(CultureInfo.GetCultureInfo("vi-VN"))));
    }

    private static PlanPeriod? Period(string text)
    {
        if (text.Length == 0) return null;
        if (StageRx().Match(text) is { Success: true } s)
        {
            int a = int.Parse(s.Groups["a"].Value), b = int.Parse(s.Groups["b"].Value);
            if (b >= a) return new PlanPeriod(s.Value, new DateOnly(a, 1, 1), new DateOnly(b, 12, 31));
        }
        if (HalfRx().Match(text) is { Success: true } h)
        {
            int y = int.Parse(h.Groups["y"].Value);
            bool first = VietnameseText.Fold(h.Groups["half"].Value) == "dau";
            return new PlanPeriod(h.Value, new DateOnly(y, first ? 1 : 7, 1), new DateOnly(y, first ? 6 : 12, first ? 30 : 31));
        }
        if (YearRx().Match(text) is { Success: true } y1)
        {
            int y = int.Parse(y1.Groups["y"].Value);
            return new PlanPeriod(y1.Value, new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));
        }
        return null;
    }

    [GeneratedRegex(@"^(?:[\p{Lu}][\p{Ll}]*)(?:\s+[\p{Lu}][\p{Ll}]*){1,4}$")]
    private static partial Regex PersonRx();

    /// <summary>
    /// The cells of a letterhead or signature line: split at tabs, pipe-table bars and gaps of three or
    /// more spaces, each cell's line breaks (<c>&lt;br&gt;</c>) kept apart; markup removed, empty cells dropped.
    /// </summary>
    private static IEnumerable<string> Cells(string line) =>
        ColumnGapRx().Split(line)
            .SelectMany(c => BreakRx().Split(c))
            .Select(c => Markup.Strip(c).Trim())
            .Where(c => c.Length > 0 && !c.All(ch => ch is '-' or ':' or '|'));

    [GeneratedRegex(@"\t|\s*\|\s*|\s{3,}")]
    private static partial Regex ColumnGapRx();

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex BreakRx();

    /// <summary>
    /// The lines of the signature column: a signature block printed beside the list of recipients
    /// (Nơi nhận) as a second column or table cell, read top to bottom — the last cell of each line that
    /// has several, and lines indented into that column on their own (the name under the blank for the seal).
    /// </summary>
    private static IEnumerable<string> RightColumn(IEnumerable<SourceLine> lines)
    {
        foreach (var l in lines)
        {
            var parts = ColumnGapRx().Split(l.Text).Where(p => Markup.Strip(p).Trim().Length > 0).ToList();
            bool indented = parts.Count == 1 && (l.Text.StartsWith('\t') || l.Text.StartsWith("          ", StringComparison.Ordinal));
            if (parts.Count < 2 && !indented) continue;
            foreach (var sub in BreakRx().Split(parts[^1])) yield return Markup.Strip(sub).Trim();
        }
    }

    private static string? Signer(SegmentedDocument seg, out string? signerTitle)
    {
        var found = Signer(seg.TrailerLines.Concat(seg.HeaderLines).Select(l => Markup.Strip(l.Text)), out signerTitle);
        return found ?? Signer(RightColumn(seg.TrailerLines.Concat(seg.HeaderLines)), out signerTitle);
    }

    private static string? Signer(IEnumerable<string> text, out string? signerTitle)
    {
        signerTitle = null;
        // The signer's name follows a line naming the position (CHỦ TỊCH, PHÓ CHỦ TỊCH…), in the trailer or header.
        var lines = text.Where(s => s.Length > 0).ToList();
        for (int i = 0; i < lines.Count - 1; i++)
        {
            var f = VietnameseText.Fold(lines[i]);
            if (!(f.EndsWith("chu tich") || f.EndsWith("giam doc") || f.EndsWith("truong phong"))) continue;
            if (lines[i] != lines[i].ToUpperInvariant()) continue;
            for (int j = i + 1; j < Math.Min(lines.Count, i + 4); j++)
            {
                if (PersonRx().IsMatch(lines[j]) && lines[j] != lines[j].ToUpperInvariant())
                {
                    signerTitle = lines[i].Split('\n')[^1].Trim();
                    return lines[j];
                }
            }
        }
        return null;
    }

    private static IReadOnlyList<LegalReference> LegalBases(IReadOnlyList<string> header)
    {
        var text = string.Join(" ", header);
        var refs = new List<LegalReference>();
        foreach (Match m in LegalRx().Matches(text))
        {
            DateOnly? d = Dates.TryDate(m, out var dd) ? dd : null;
            var by = m.Groups["by"].Success ? m.Groups["by"].Value.Trim() : null;
            var number = m.Groups["num"].Value.Trim('.', '-');
            if (refs.Any(r => r.Number == number)) continue;
            refs.Add(new LegalReference(m.Groups["kind"].Value, number, d, by, m.Value.Trim()));
        }
        foreach (Match m in LawRx().Matches(text))
        {
            DateOnly? d = Dates.TryDate(m, out var dd) ? dd : null;
            refs.Add(new LegalReference("Luật", "", d, null, m.Value.Trim()));
        }
        return refs;
    }

}
