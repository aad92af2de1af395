using System.Text.RegularExpressions;

namespace CchcExtract.Extraction;

/// <summary>Date helpers shared by the parsers.</summary>
internal static class Dates
{
    /// <summary>Builds a date from a match with groups <c>d</c>, <c>m</c>, <c>y</c>; false when absent or not a real day.</summary>
    public static bool TryDate(Match m, out DateOnly date)
    {
        date = default;
        if (!m.Groups["d"].Success || !m.Groups["m"].Success || !m.Groups["y"].Success) return false;
        int d = int.Parse(m.Groups["d"].Value), mo = int.Parse(m.Groups["m"].Value), y = int.Parse(m.Groups["y"].Value);
        if (mo is < 1 or > 12 || y is < 1900 or > 2200 || d < 1 || d > DateTime.DaysInMonth(y, mo)) return false;
        date = new DateOnly(y, mo, d);
        return true;
    }

    /// <summary>Builds a date from a match with groups <c>d</c> and <c>m</c> in the given year; false when not a real day.</summary>
    public static bool TryDayMonth(Match m, int year, out DateOnly date)
    {
        date = default;
        int d = int.Parse(m.Groups["d"].Value), mo = int.Parse(m.Groups["m"].Value);
        if (mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(year, mo)) return false;
        date = new DateOnly(year, mo, d);
        return true;
    }

    /// <summary>Last day of a month.</summary>
    public static DateOnly EndOfMonth(int y, int m) => new(y, m, DateTime.DaysInMonth(y, m));
}
