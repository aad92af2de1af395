namespace CchcExtract.Model;

/// <summary>
/// An agency (cơ quan, đơn vị) named in a plan. <see cref="Printed"/> is the text as printed
/// (markup removed); <see cref="Canonical"/> is the gazetteer name it resolves to
/// (<c>Phòng VH-XH</c> → <c>Phòng Văn hóa - Xã hội</c>), or the cleaned printed text when it
/// matches no gazetteer entry. Generic mentions (<c>Các cơ quan, đơn vị</c>) have
/// <see cref="IsGeneric"/> set; they are kept, not dropped.
/// </summary>
public sealed record AgencyRef(string Printed, string Canonical, bool IsGeneric = false);
