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

    /// <summary>Task wordings typical of each area, most specific area first (a task about digitising procedure files is digital government).</summary>
    private static readonly (ReformArea Area, string[] Keys)[] TaskWords =
    [
        (ReformArea.DigitalGovernment, ["chinh quyen dien tu", "chinh quyen so", "chuyen doi so", "dich vu cong truc tuyen", "truc tuyen toan trinh", "so hoa",
            "chu ky so", "ky so", "de an 06", "dinh danh dien tu", "cong nghe thong tin", "tro ly ao", "co so du lieu", "phan mem", "thanh toan truc tuyen"]),
        (ReformArea.Institutions, ["the che", "van ban quy pham phap luat", "pho bien, giao duc phap luat", "pho bien giao duc phap luat", "thi hanh phap luat", "ngay phap luat"]),
        (ReformArea.PublicFinance, ["tai chinh", "ngan sach", "tai san cong", "dau tu cong", "kinh phi"]),
        (ReformArea.CivilService, ["che do cong vu", "van hoa cong vu", "ky luat, ky cuong", "ky luat ky cuong", "cong chuc", "vien chuc", "vi tri viec lam", "cong vu"]),
        (ReformArea.Organisation, ["to chuc bo may", "bo may", "sap xep", "kien toan", "sap nhap", "don vi su nghiep"]),
        (ReformArea.Procedures, ["thu tuc hanh chinh", "tthc", "mot cua", "ho so", "phan anh, kien nghi", "phan anh kien nghi"]),
        (ReformArea.Direction, ["cai cach hanh chinh", "kiem tra", "tuyen truyen", "chi dao", "dieu hanh", "bao cao"]),
    ];

    /// <summary>
    /// The area a task's own wording points to (<c>Kiểm tra việc số hóa hồ sơ thủ tục hành chính</c> →
    /// digital government), for tasks listed without an area heading; Other when nothing points anywhere.
    /// </summary>
    public static ReformArea ClassifyTask(string text)
    {
        var f = VietnameseText.Fold(text);
        foreach (var (area, keys) in TaskWords)
            foreach (var k in keys)
                if (f.Contains(k, StringComparison.Ordinal)) return area;
        return ReformArea.Other;
    }

    /// <summary>Every area a heading names by label (<c>Cải cách tổ chức bộ máy và chế độ công vụ</c> names two).</summary>
    public static IReadOnlyList<ReformArea> AreasNamed(string heading)
    {
        var f = VietnameseText.Fold(heading);
        return Labels.Where(l => l.Keys.Any(k => f.Contains(k, StringComparison.Ordinal))).Select(l => l.Area).Distinct().ToList();
    }
}
