using System.Text.RegularExpressions;
using CchcExtract.Model;
using CchcExtract.Text;

namespace CchcExtract.Extraction;

/// <summary>
/// Normalises a printed deadline (thời gian hoàn thành) into a <see cref="Deadline"/>.
/// </summary>
/// <remarks>
/// Worked examples: <c>Tháng 7/2025</c> → month 2025-07-01..2025-07-31;
/// <c>Quý III-IV/2025</c> and <c>Quý III, IV/2025</c> → quarter 2025-07-01..2025-12-31;
/// <c>trước ngày 10/12/2025</c>, <c>Đến hết ngày 31/01/2027</c> → date, end only; <c>Tháng 10-11/2026</c> → months; <c>Cả năm 2025</c> → year;
/// <c>2026 - 2030</c> → range 2026-01-01..2030-12-31; <c>Thường xuyên</c> → continuous;
/// <c>Trước ngày 10 của tháng cuối quý</c>, <c>Hàng năm</c> → recurring;
/// <c>Khi có quy định…</c>, <c>Theo lộ trình…</c>, <c>Đột xuất</c> → conditional. Matching runs on the
/// accent-folded text, so OCR text with lost accents parses the same.
/// </remarks>
public static partial class DeadlineParser
{
    // One separator throughout ("10/12/2025", "10.12.2025"): "Tháng 10-11/2026" is two months, not a day.
    [GeneratedRegex(@"(?<pre>truoc|den|trong|tu|sau|vao)?\s*(?:het\s+)?(?:ngay\s*)?(?<d>\d{1,2})\s*(?<s>[/.-])\s*(?<m>\d{1,2})\s*\k<s>\s*(?<y>\d{4})")]
    private static partial Regex DateRx();

    [GeneratedRegex(@"ngay\s+(?<d>\d{1,2})\s+thang\s+(?<m>\d{1,2})\s+nam\s+(?<y>\d{4})")]
    private static partial Regex LongDateRx();

    [GeneratedRegex(@"quy\s+(?<q>[ivx]+|\d)(?:\s*(?:-|–|,|va|den)\s*(?:quy\s*)?(?<q2>[ivx]+|\d))*(?:\s*(?:/|nam)\s*(?<y>\d{4}))?")]
    private static partial Regex QuarterRx();

    [GeneratedRegex(@"thang\s+(?<m>\d{1,2})(?:\s*(?:-|–|den|va|,)\s*(?:thang\s*)?(?<m2>\d{1,2}))*\s*(?:/|nam)\s*(?<y>\d{4})")]
    private static partial Regex MonthRx();

    [GeneratedRegex(@"(?<a>(?:19|20)\d{2})\s*(?:-|–|den)\s*(?<b>(?:19|20)\d{2})")]
    private static partial Regex RangeRx();

    [GeneratedRegex(@"(?:^|\D)(?<y>(?:19|20)\d{2})(?:\D|$)")]
    private static partial Regex YearRx();

    /// <summary>Parses <paramref name="raw"/>; an empty or unreadable text gives kind Unspecified.</summary>
    /// <param name="raw">The deadline as printed.</param>
    /// <param name="contextYear">The plan's year, used when the text names a quarter, month or "cả năm"
    /// without a year (<c>Quý I</c> in a plan for 2026 is 2026-01-01..2026-03-31).</param>
    public static Deadline Parse(string? raw, int? contextYear = null)
    {
        var printed = Markup.Strip(raw ?? "");
        if (printed.Length == 0) return Deadline.None;
        var f = VietnameseText.Fold(printed).Trim();

        if (f.StartsWith("thuong xuyen") || f == "lien tuc") return new(printed, DeadlineKind.Continuous);
        if (f.Contains("cuoi quy") || f.Contains("hang quy") || f.Contains("hang nam") || f.Contains("hang thang")
            || f.StartsWith("dinh ky") || f.Contains("moi quy") || f.Contains("hang tuan") || f.Contains("6 thang/lan")
            || f.Contains("cuoi thang") || Regex.IsMatch(f, @"^(?:it nhat|toi thieu)?\s*\d{1,2}\s*lan\s*/\s*(?:nam|quy|thang|tuan)"))
            return new(printed, DeadlineKind.Recurring);
        if (f.StartsWith("khi ") || f.StartsWith("theo ") || f.StartsWith("dot xuat") || f.Contains(" ke tu khi ") || f.Contains(" ke tu ngay co ") || f.StartsWith("sau khi") || f.StartsWith("tuy ") || f.StartsWith("ngay khi"))
            return new(printed, DeadlineKind.Conditional);

        Match m;
        // "Từ 01/3/2026 đến 30/6/2026": two days make a span.
        if (DateRx().Matches(f) is { Count: 2 } two && Dates.TryDate(two[0], out var from) && Dates.TryDate(two[1], out var to) && to > from)
            return new(printed, DeadlineKind.Range, from, to);
        if ((m = DateRx().Match(f)).Success || (m = LongDateRx().Match(f)).Success)
        {
            if (Dates.TryDate(m, out var d))
            {
                var pre = m.Groups["pre"].Value;
                bool before = pre is "truoc" or "den" || SaysBefore(f);
                bool after = pre is "tu" or "sau";
                return new(printed, DeadlineKind.Date, before ? null : d, after ? null : d);
            }
        }
        if ((m = QuarterRx().Match(f)).Success && Quarter(m.Groups["q"].Value) is int q1)
        {
            // Group.Value is the last capture: "Quý I, II và III" ends in quarter III.
            int q2 = m.Groups["q2"].Success && Quarter(m.Groups["q2"].Value) is int qq ? Math.Max(q1, qq) : q1;
            if ((YearOf(m, f) ?? contextYear) is int y)
                return new(printed, DeadlineKind.Quarter, new DateOnly(y, (q1 - 1) * 3 + 1, 1), Dates.EndOfMonth(y, q2 * 3));
            return new(printed, DeadlineKind.Quarter);
        }
        if ((m = MonthRx().Match(f)).Success)
        {
            int y = int.Parse(m.Groups["y"].Value), mo = int.Parse(m.Groups["m"].Value);
            int mo2 = m.Groups["m2"].Success ? int.Parse(m.Groups["m2"].Value) : mo;
            if (mo is >= 1 and <= 12 && mo2 is >= 1 and <= 12 && mo2 >= mo)
                return new(printed, DeadlineKind.Month, new DateOnly(y, mo, 1), Dates.EndOfMonth(y, mo2));
        }
        if ((m = RangeRx().Match(f)).Success)
        {
            int a = int.Parse(m.Groups["a"].Value), b = int.Parse(m.Groups["b"].Value);
            if (b >= a) return new(printed, DeadlineKind.Range, new DateOnly(a, 1, 1), new DateOnly(b, 12, 31));
        }
        if (f.Contains("6 thang cuoi nam") && YearRx().Match(f) is { Success: true } h2)
        {
            int y = int.Parse(h2.Groups["y"].Value);
            return new(printed, DeadlineKind.Range, new DateOnly(y, 7, 1), new DateOnly(y, 12, 31));
        }
        if (f.Contains("6 thang dau nam") && YearRx().Match(f) is { Success: true } h1)
        {
            int y = int.Parse(h1.Groups["y"].Value);
            return new(printed, DeadlineKind.Range, new DateOnly(y, 1, 1), new DateOnly(y, 6, 30));
        }
        if ((m = YearRx().Match(f)).Success)
        {
            int y = int.Parse(m.Groups["y"].Value);
            bool before = f.StartsWith("truoc");
            return new(printed, DeadlineKind.Year, before ? null : new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));
        }
        if (contextYear is int cy)
        {
            // Day and month without a year ("Trước 15/12", "Từ 01/3 đến 30/6"): the plan's year.
            var days = DayMonthRx().Matches(f).Select(x => (Ok: Dates.TryDayMonth(x, cy, out var d), Day: d)).Where(x => x.Ok).Select(x => x.Day).ToList();
            if (days.Count == 2 && days[1] > days[0]) return new(printed, DeadlineKind.Range, days[0], days[1]);
            if (days.Count == 1)
            {
                bool before = SaysBefore(f) || f.StartsWith("den");
                return new(printed, DeadlineKind.Date, before ? null : days[0], days[0]);
            }
            if (f.Contains("6 thang dau nam")) return new(printed, DeadlineKind.Range, new DateOnly(cy, 1, 1), new DateOnly(cy, 6, 30));
            if (f.Contains("6 thang cuoi nam")) return new(printed, DeadlineKind.Range, new DateOnly(cy, 7, 1), new DateOnly(cy, 12, 31));
            if (MonthSpanNoYearRx().Match(f) is { Success: true } ms && int.Parse(ms.Groups["a"].Value) is >= 1 and <= 12 and var ma
                && int.Parse(ms.Groups["b"].Value) is >= 1 and <= 12 and var mb && mb >= ma)
                return new(printed, DeadlineKind.Month, new DateOnly(cy, ma, 1), Dates.EndOfMonth(cy, mb));
            if (f is "ca nam" or "trong nam" or "nam" || f.StartsWith("ca nam ") || f.StartsWith("trong nam "))
                return new(printed, DeadlineKind.Year, new DateOnly(cy, 1, 1), new DateOnly(cy, 12, 31));
            if (MonthNoYearRx().Match(f) is { Success: true } mm && int.Parse(mm.Groups["m"].Value) is >= 1 and <= 12 and var mo)
                return new(printed, DeadlineKind.Month, new DateOnly(cy, mo, 1), Dates.EndOfMonth(cy, mo));
        }
        return new(printed, DeadlineKind.Unspecified);
    }

    /// <summary>
    /// A deadline printed in two columns, start and end (<c>Quý IV/2026</c> | <c>Quý I/2027</c>): raw
    /// <c>start - end</c>, from the start's first day to the end's last; the kind both share, or range.
    /// Either column alone is parsed as it stands.
    /// </summary>
    public static Deadline ParseSpan(string? start, string? end, int? contextYear = null)
    {
        if (string.IsNullOrWhiteSpace(start)) return Parse(end, contextYear);
        if (string.IsNullOrWhiteSpace(end)) return Parse(start, contextYear);
        var s = Parse(start, contextYear);
        var e = Parse(end, contextYear);
        var raw = $"{s.Raw} - {e.Raw}";
        var from = s.Start ?? s.End;
        var until = e.End ?? e.Start;
        if (from is null || until is null || until < from) return new(raw, DeadlineKind.Unspecified);
        var kind = s.Kind == e.Kind && s.Kind != DeadlineKind.Date ? s.Kind : DeadlineKind.Range;
        return new(raw, kind, from, until);
    }

    // "Trước …", "Chậm nhất …", "Hoàn thành trước …": the day is the end, no start.
    private static bool SaysBefore(string folded) =>
        folded.StartsWith("truoc") || folded.StartsWith("cham nhat") || folded.StartsWith("hoan thanh truoc");

    [GeneratedRegex(@"(?<!\d)(?<d>\d{1,2})\s*/\s*(?<m>\d{1,2})(?![\d/])")]
    private static partial Regex DayMonthRx();

    [GeneratedRegex(@"^(?:tu\s+)?thang\s+(?<a>\d{1,2})\s*(?:-|–|den)\s*(?:thang\s+)?(?<b>\d{1,2})$")]
    private static partial Regex MonthSpanNoYearRx();

    [GeneratedRegex(@"^(?:trong\s+)?thang\s+(?<m>\d{1,2})$")]
    private static partial Regex MonthNoYearRx();

    /// <summary>True when the text reads as a deadline of a known kind (used to realign shifted table rows).</summary>
    public static bool LooksLikeDeadline(string text)
    {
        var d = Parse(text);
        if (d.Kind == DeadlineKind.Unspecified) return false;
        // Conditional phrases are long sentences elsewhere too; accept only short ones.
        return d.Kind != DeadlineKind.Conditional || text.Length <= 80;
    }


    private static int? YearOf(Match m, string f)
    {
        if (m.Groups["y"].Success) return int.Parse(m.Groups["y"].Value);
        var rest = f[(m.Index + m.Length)..];
        var y = YearRx().Match(rest);
        return y.Success ? int.Parse(y.Groups["y"].Value) : null;
    }

    private static int? Quarter(string s) => s switch
    {
        "i" or "1" => 1,
        "ii" or "2" => 2,
        "iii" or "3" => 3,
        "iv" or "4" => 4,
        _ => null,
    };

}
