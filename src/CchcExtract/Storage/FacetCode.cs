using System.Globalization;
using CchcExtract.Model;

namespace CchcExtract.Storage;

/// <summary>
/// The small integer codes of the task facets kept on <c>items</c> (area, deadline kind) and the one
/// number a matched item's facets are packed into when a result set is counted:
/// <c>area + 32·kind + 1024·deadline year + 2²⁴·lead agency id</c>. Packing lets a whole result set
/// cross from SQLite as one string instead of one row per item (a row costs far more than its digits).
/// Codes are 1 + the position in the lists below, 0 = none (a paragraph); the lists are append-only
/// because the numbers are stored.
/// </summary>
internal static class FacetCode
{
    private static readonly string[] AreaCodes =
        ["other", "direction", "institutions", "procedures", "organisation", "civil_service", "public_finance", "digital_government"];

    private static readonly string[] KindNames =
        ["unspecified", "date", "month", "quarter", "year", "range", "recurring", "continuous", "conditional"];

    /// <summary>The SQL expression packing item <c>i</c>'s facets (see the type's summary).</summary>
    public const string PackedSql =
        "(coalesce(i.area, 0) + 32 * coalesce(i.deadline_kind, 0) + 1024 * coalesce(i.deadline_year, 0) + 16777216 * coalesce(i.lead_agency_id, 0))";

    public static int Area(ReformArea area) => Array.IndexOf(AreaCodes, area.Code()) + 1;

    public static int Kind(DeadlineKind kind) => Array.IndexOf(KindNames, Codec.Name(kind)) + 1;

    /// <summary>The facet fields of one packed number; <c>AreaCode</c> is null for a paragraph.</summary>
    public static (string? AreaCode, string? KindName, string? Year, long? Lead) Unpack(long packed)
    {
        int area = (int)(packed % 32), kind = (int)(packed / 32 % 32), year = (int)(packed / 1024 % 16384);
        long lead = packed / 16777216;
        return (area == 0 ? null : AreaCodes[area - 1],
                kind == 0 ? null : KindNames[kind - 1],
                year == 0 ? null : year.ToString("D4", CultureInfo.InvariantCulture),
                lead == 0 ? null : lead);
    }
}
