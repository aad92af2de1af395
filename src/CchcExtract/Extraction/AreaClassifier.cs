using CchcExtract.Model;
using CchcExtract.Text;

namespace CchcExtract.Extraction;

/// <summary>
/// Classifies a heading or task into a <see cref="ReformArea"/> by keywords on the accent-folded
/// text (so OCR text with lost accents classifies the same way).
/// </summary>
public static class AreaClassifier
{
    private static readonly (ReformArea Area, string[] Keys)[] Rules =
    [
        (ReformArea.DigitalGovernment, ["chinh quyen dien tu", "chinh quyen so", "chuyen doi so", "chinh phu dien tu", "chinh phu so", "hien dai hoa hanh chinh"]),
        (ReformArea.Procedures, ["thu tuc hanh chinh", "tthc", "mot cua"]),
        (ReformArea.Organisation, ["to chuc bo may", "bo may hanh chinh", "bo may"]),
        (ReformArea.CivilService, ["che do cong vu", "cong chuc cong vu", "cai cach cong vu", "cong vu"]),
        (ReformArea.PublicFinance, ["tai chinh cong", "tai chinh"]),
        (ReformArea.Institutions, ["the che"]),
        (ReformArea.Direction, ["chi dao dieu hanh", "chi dao, dieu hanh", "chi dao", "dieu hanh"]),
    ];

    private static readonly (ReformArea Area, string[] Keys)[] Labels =
    [
        (ReformArea.Direction, ["chi dao, dieu hanh", "chi dao dieu hanh"]),
        (ReformArea.Institutions, ["the che"]),
        (ReformArea.Procedures, ["thu tuc hanh chinh", "mot cua", "tthc"]),
        (ReformArea.Organisation, ["to chuc bo may"]),
        (ReformArea.CivilService, ["che do cong vu", "cai cach cong vu"]),
        (ReformArea.PublicFinance, ["tai chinh cong"]),
        (ReformArea.DigitalGovernment, ["chinh quyen dien tu", "chinh quyen so", "chuyen doi so"]),
    ];

    /// <summary>
    /// The area a sentence explicitly names by its label (<c>… các nội dung về cải cách thể chế</c>);
    /// when it names several, the first one mentioned. Other for none. Stricter than
    /// <see cref="ClassifyHeading"/>: loose words such as "chỉ đạo" alone do not count.
    /// </summary>
    public static ReformArea ClassifyMention(string text)
    {
        var f = VietnameseText.Fold(text);
        var best = (Index: int.MaxValue, Area: ReformArea.Other);
        foreach (var (area, keys) in Labels)
            foreach (var k in keys)
            {
                int i = f.IndexOf(k, StringComparison.Ordinal);
                if (i >= 0 && i < best.Index) best = (i, area);
            }
        return best.Area;
    }

    /// <summary>The area a heading names, or <see cref="ReformArea.Other"/>.</summary>
    public static ReformArea ClassifyHeading(string heading)
    {
        var f = VietnameseText.Fold(heading);
        if (f.Length > 160) f = f[..160];
        foreach (var (area, keys) in Rules)
            foreach (var k in keys)
                if (f.Contains(k)) return area;
        return ReformArea.Other;
    }
}
