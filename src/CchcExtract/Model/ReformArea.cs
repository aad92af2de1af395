namespace CchcExtract.Model;

/// <summary>
/// The standard areas of administrative reform (cải cách hành chính, CCHC) that every plan
/// is organised by (Nghị quyết 76/NQ-CP).
/// </summary>
public enum ReformArea
{
    /// <summary>Khác — none of the areas below.</summary>
    Other,
    /// <summary>Chỉ đạo, điều hành — steering and direction of the reform.</summary>
    Direction,
    /// <summary>Cải cách thể chế — institutional (legal framework) reform.</summary>
    Institutions,
    /// <summary>Cải cách thủ tục hành chính — administrative procedures (TTHC).</summary>
    Procedures,
    /// <summary>Cải cách tổ chức bộ máy — organisation of the apparatus.</summary>
    Organisation,
    /// <summary>Cải cách chế độ công vụ — civil service.</summary>
    CivilService,
    /// <summary>Cải cách tài chính công — public finance.</summary>
    PublicFinance,
    /// <summary>Chính quyền điện tử / chính quyền số — e-government and digital government.</summary>
    DigitalGovernment,
}

/// <summary>Names of <see cref="ReformArea"/> values.</summary>
public static class ReformAreas
{
    /// <summary>Stable machine code used in JSON and the store (e.g. <c>procedures</c>).</summary>
    public static string Code(this ReformArea area) => area switch
    {
        ReformArea.Direction => "direction",
        ReformArea.Institutions => "institutions",
        ReformArea.Procedures => "procedures",
        ReformArea.Organisation => "organisation",
        ReformArea.CivilService => "civil_service",
        ReformArea.PublicFinance => "public_finance",
        ReformArea.DigitalGovernment => "digital_government",
        _ => "other",
    };

    /// <summary>The Vietnamese name printed in plans.</summary>
    public static string VietnameseName(this ReformArea area) => area switch
    {
        ReformArea.Direction => "Chỉ đạo điều hành",
        ReformArea.Institutions => "Cải cách thể chế",
        ReformArea.Procedures => "Cải cách thủ tục hành chính",
        ReformArea.Organisation => "Cải cách tổ chức bộ máy",
        ReformArea.CivilService => "Cải cách chế độ công vụ",
        ReformArea.PublicFinance => "Cải cách tài chính công",
        ReformArea.DigitalGovernment => "Chính quyền điện tử, chính quyền số",
        _ => "Khác",
    };

    /// <summary>Parses a code or a Vietnamese name (accent-insensitive) back to the area.</summary>
    public static bool TryParse(string text, out ReformArea area)
    {
        foreach (var a in Enum.GetValues<ReformArea>())
        {
            if (string.Equals(a.Code(), text, StringComparison.OrdinalIgnoreCase)
                || Text.VietnameseText.Fold(a.VietnameseName()) == Text.VietnameseText.Fold(text))
            {
                area = a;
                return true;
            }
        }
        area = ReformArea.Other;
        return false;
    }
}
