namespace CchcExtract.Model;

/// <summary>How a deadline is expressed.</summary>
public enum DeadlineKind
{
    /// <summary>No deadline printed, or one we could not read.</summary>
    Unspecified,
    /// <summary>A day: <c>trước ngày 10/12/2025</c>, <c>ngày 15/7/2025</c>.</summary>
    Date,
    /// <summary>A month: <c>Tháng 7/2025</c>.</summary>
    Month,
    /// <summary>One or more quarters: <c>Quý III/2025</c>, <c>Quý III-IV/2025</c>.</summary>
    Quarter,
    /// <summary>A year: <c>Cả năm 2025</c>, <c>Năm 2026</c>.</summary>
    Year,
    /// <summary>A span of years or months: <c>2026 - 2030</c>, <c>Giai đoạn 2026-2030</c>.</summary>
    Range,
    /// <summary>Repeats on a schedule: <c>Trước ngày 10 của tháng cuối quý</c>, <c>Hàng năm</c>, <c>Định kỳ</c>.</summary>
    Recurring,
    /// <summary>Ongoing: <c>Thường xuyên</c>.</summary>
    Continuous,
    /// <summary>Depends on an event: <c>Khi có quy định, hướng dẫn…</c>, <c>Theo lộ trình…</c>.</summary>
    Conditional,
}

/// <summary>
/// A deadline as printed and as normalised. <see cref="Start"/>/<see cref="End"/> are inclusive ISO
/// dates where the text fixes them: <c>Quý III-IV/2025</c> → 2025-07-01..2025-12-31;
/// <c>trước ngày 10/12/2025</c> → end 2025-12-10 (no start).
/// </summary>
public sealed record Deadline(string Raw, DeadlineKind Kind, DateOnly? Start = null, DateOnly? End = null)
{
    /// <summary>The empty deadline.</summary>
    public static Deadline None { get; } = new("", DeadlineKind.Unspecified);

    /// <inheritdoc/>
    public override string ToString() =>
        Start is null && End is null ? $"{Kind}" : $"{Kind} [{Start:yyyy-MM-dd}..{End:yyyy-MM-dd}]";
}
