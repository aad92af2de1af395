namespace CchcExtract.Model;

/// <summary>Administrative level of the issuing unit.</summary>
public enum UnitLevel
{
    /// <summary>Not stated.</summary>
    Unknown,
    /// <summary>Xã — rural commune.</summary>
    Commune,
    /// <summary>Phường — urban ward.</summary>
    Ward,
    /// <summary>Thị trấn — township.</summary>
    Township,
    /// <summary>Huyện / quận / thị xã — district.</summary>
    District,
    /// <summary>Tỉnh — province.</summary>
    Province,
    /// <summary>Thành phố — city (centrally governed or provincial).</summary>
    City,
    /// <summary>Sở / ban / ngành — a provincial department issuing its own plan (no commune).</summary>
    Department,
}

/// <summary>A legal document cited as a basis (Căn cứ / Thực hiện …).</summary>
/// <param name="Kind">Document type as printed: <c>Nghị quyết</c>, <c>Quyết định</c>, <c>Kế hoạch</c>, <c>Luật</c>…</param>
/// <param name="Number">The document code, e.g. <c>76/NQ-CP</c>; empty for laws cited by name.</param>
/// <param name="Date">Issue date when printed.</param>
/// <param name="Issuer">Who issued it when printed (<c>Chính phủ</c>, <c>UBND tỉnh</c>…).</param>
/// <param name="Raw">The citation as printed.</param>
public sealed record LegalReference(string Kind, string Number, DateOnly? Date, string? Issuer, string Raw);

/// <summary>The period a plan covers: <c>6 tháng cuối năm 2025</c>, <c>năm 2026</c>, <c>giai đoạn 2026 - 2030</c>.</summary>
public sealed record PlanPeriod(string Raw, DateOnly Start, DateOnly End)
{
    /// <summary>Compact label: <c>2026</c>, <c>2025-H2</c>, <c>2026–2030</c>.</summary>
    public string Label => Start.Year == End.Year
        ? (Start.Month == 1 && End.Month == 12 ? $"{Start.Year}" : Start.Month == 7 && End.Month == 12 ? $"{Start.Year}-H2" : Start.Month == 1 && End.Month == 6 ? $"{Start.Year}-H1" : $"{Start:yyyy-MM}..{End:yyyy-MM}")
        : $"{Start.Year}–{End.Year}";
}

/// <summary>Header facts of a plan document.</summary>
public sealed record DocumentMetadata
{
    /// <summary>Document type: <c>Kế hoạch</c>, <c>Quyết định</c>, <c>Báo cáo</c>…</summary>
    public string DocumentType { get; init; } = "";
    /// <summary>When a decision (Quyết định) issues a plan, the type of the issued document (<c>Kế hoạch</c>).</summary>
    public string? IssuedDocumentType { get; init; }
    /// <summary>Document number as printed, normalised: <c>15/KH-UBND</c>, <c>/KH-UBND</c> when the number is blank.</summary>
    public string? Number { get; init; }
    /// <summary>Issue date when the header states a full date.</summary>
    public DateOnly? IssueDate { get; init; }
    /// <summary>Issuing unit: <c>UBND xã Đại Sơn</c>.</summary>
    public string? IssuingUnit { get; init; }
    /// <summary>Level of the issuing unit.</summary>
    public UnitLevel UnitLevel { get; init; }
    /// <summary>Commune or ward name (<c>Đại Sơn</c>) — for district/provincial plans, the unit's name.</summary>
    public string? Commune { get; init; }
    /// <summary>City or province when the text states it (<c>Hải Phòng</c>, <c>Đồng Nai</c>).</summary>
    public string? Province { get; init; }
    /// <summary>The period the plan covers.</summary>
    public PlanPeriod? Period { get; init; }
    /// <summary>Plan title line(s) after the document type.</summary>
    public string? Title { get; init; }
    /// <summary>Name of the signer.</summary>
    public string? Signer { get; init; }
    /// <summary>Signer's position (<c>CHỦ TỊCH</c>, <c>PHÓ CHỦ TỊCH</c>).</summary>
    public string? SignerTitle { get; init; }
    /// <summary>Cited legal bases.</summary>
    public IReadOnlyList<LegalReference> LegalBases { get; init; } = [];
}
