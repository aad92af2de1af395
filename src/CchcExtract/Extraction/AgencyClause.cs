using System.Text.RegularExpressions;
using CchcExtract.Text;

namespace CchcExtract.Extraction;

/// <summary>
/// Lead (chủ trì) and support (phối hợp) agencies — and the deadline — named together in one text with
/// their role words: a table cell (<c>Phòng Văn hóa - Xã hội chủ trì; Văn phòng HĐND và UBND xã phối hợp</c>,
/// <c>Chủ trì: Phòng Kinh tế. Phối hợp: Phòng Văn hóa - Xã hội</c>), a task written as an assignment
/// (<c>Giao Công an xã chủ trì, phối hợp với Đoàn Thanh niên xã tuyên truyền …; thời gian hoàn thành: Quý III/2026</c>),
/// its closing bracket or labelled fields (<c>(Cơ quan chủ trì: …; thời gian: …)</c>, <c>Nội dung: …; Chủ trì: …</c>),
/// field lines under it (<c>- Cơ quan chủ trì: …</c>) or a closing sentence for a list (<c>Giao: X chủ trì; …</c>).
/// </summary>
public static partial class AgencyClause
{
    /// <summary>The agencies (as printed) and deadline an assignment names.</summary>
    /// <param name="Lead">The lead agency, or null.</param>
    /// <param name="Support">The support agencies as printed (one mention, possibly a list), or null.</param>
    /// <param name="Deadline">The deadline after <c>thời gian hoàn thành:</c> / <c>thời hạn:</c>, or null.</param>
    /// <param name="Rest">What the text asks once the assignment words are taken out (<c>thực hiện:</c> for a lead-in).</param>
    /// <param name="Task">The task wording when the item labels it (<c>Nội dung: …; Chủ trì: …</c>), else null.</param>
    /// <param name="Product">The expected product when a field names it (<c>Sản phẩm: …</c>), else null.</param>
    public sealed record Assignment(string? Lead, string? Support, string? Deadline, string Rest, string? Task = null, string? Product = null);

    [GeneratedRegex(@"^\s*chủ\s+trì\s*:\s*(?<lead>.+?)\s*(?:[.;,]\s*phối\s+hợp\s*:\s*(?<sup>.+?))?\s*\.?\s*$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex LabelledCellRx();

    [GeneratedRegex(@"^(?<lead>.+?)\s*\(?\s*chủ\s+trì\s*\)?\s*(?:[,;.]\s*(?:phối\s+hợp\s+(?:với\s+)?(?<sup>.+?)|(?<sup>.+?)\s*\(?\s*phối\s+hợp\s*\)?))?\s*\.?\s*$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex SuffixCellRx();

    [GeneratedRegex(@"\s*\([^()]*\)\s*$")]
    private static partial Regex TrailingNoteRx();

    /// <summary>
    /// Splits a lead cell that names roles (<c>X chủ trì; Y phối hợp</c>, <c>Chủ trì: X. Phối hợp: Y</c>,
    /// <c>X (chủ trì)</c>) into lead and support; a trailing note in brackets (<c>(Trưởng đoàn: …)</c>) is
    /// dropped from the lead. A cell without role words is returned as the lead, note dropped.
    /// </summary>
    public static (string Lead, string? Support) FromCell(string cell)
    {
        var text = cell.Replace('\n', ' ').Trim();
        var m = LabelledCellRx().Match(text);
        if (!m.Success) m = SuffixCellRx().Match(text);
        if (m.Success && m.Groups["lead"].Value.Trim().Length > 0)
        {
            var sup = m.Groups["sup"].Success ? m.Groups["sup"].Value.Trim() : null;
            return (DropNote(m.Groups["lead"].Value), string.IsNullOrEmpty(sup) ? null : sup);
        }
        return (DropNote(text), null);
    }

    private static string DropNote(string lead)
    {
        var t = lead.Trim().TrimEnd('.', ',', ';').Trim();
        var dropped = TrailingNoteRx().Replace(t, "");
        return dropped.Length > 0 ? dropped : t;
    }

    [GeneratedRegex(@"^(?:giao\s+(?:cho\s+)?)?(?<lead>\p{L}[^;:]{1,100}?)\s+(?:chủ\s+trì|làm\s+đầu\s+mối)\b\s*,?\s*(?:(?:và\s+)?phối\s+hợp\s+với\s+(?<after>.*))?(?<rest>.*)$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex AssignmentRx();

    [GeneratedRegex(@"[;,.]\s*(?:thời\s+gian|thời\s+hạn)(?:\s+(?:hoàn\s+thành|thực\s+hiện))?\s*:\s*(?<d>[^;:]+?)\s*[.;]?\s*$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex DeadlineClauseRx();

    /// <summary>
    /// Verbs (accent-folded, one or two words) that start what the support agencies are asked to do: the
    /// agency list ends before the first of them written in lower case (names are capitalised).
    /// </summary>
    private static readonly HashSet<string> Verbs =
    [
        "tham muu", "ra soat", "to chuc", "tuyen truyen", "thuc hien", "xay dung", "trien khai", "tiep tuc", "huong dan",
        "quan ly", "ban hanh", "kiem tra", "tong hop", "theo doi", "cap nhat", "cong khai", "giai quyet", "so hoa", "duy tri",
        "nang cao", "day manh", "de xuat", "bao cao", "hoan thanh", "hoan thien", "chuan bi", "tap huan", "don doc", "danh gia",
        "sap xep", "kien toan", "bo tri", "van hanh", "ung dung", "nghien cuu", "pho bien", "boi duong", "dao tao", "thong ke",
        "lua chon", "khao sat", "do luong", "tang cuong", "rut gon", "cai cach", "sua doi", "bo sung", "chi dao", "cung cap",
        "giam sat", "phat dong", "tien hanh", "tham dinh", "tiep nhan", "xu ly", "quan triet", "thuong xuyen", "tiep can",
        "lap", "trinh", "gui", "de", "nham", "trong", "tai",
    ];

    [GeneratedRegex(@"^(?:giao\s+(?:cho\s+)?)?(?<lead>\p{L}[^;:]{1,100}?)\s+(?:thực\s+hiện|triển\s+khai|có\s+trách\s+nhiệm|chịu\s+trách\s+nhiệm)(?:\s+(?:các|những)\s+(?:nội\s+dung|nhiệm\s+vụ)(?:\s+sau)?)?\s*:$", RegexOptions.IgnoreCase)]
    private static partial Regex LeadInRx();

    // "(Cơ quan chủ trì: X; cơ quan phối hợp: Y; thời gian: Z)" closing an item.
    [GeneratedRegex(@"\s*\((?<inner>[^()]*?(?:chủ\s+trì|thời\s+gian|thời\s+hạn)\s*:[^()]*)\)\s*[.;]?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex RoleNoteRx();

    // "(hoàn thành trước ngày 30/6/2026)" closing an item: its own deadline.
    [GeneratedRegex(@"\((?:hoàn\s+thành\s+)?(?<d>(?:trước|trong|chậm\s+nhất|đến)\s[^()]*)\)\s*[.;]?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex DeadlineNoteRx();

    // "… phối hợp thực hiện các nội dung trên": the closing words of an assignment covering the items above.
    [GeneratedRegex(@"\s+(?:tổ\s+chức\s+)?thực\s+hiện\s+(?:các|những)\s+nội\s+dung\s+(?:nêu\s+)?trên\s*\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex CoversAboveRx();

    private static readonly string[] FieldLabels =
    [
        "co quan chu tri", "don vi chu tri", "chu tri", "co quan phoi hop", "don vi phoi hop", "phoi hop",
        "thoi gian thuc hien", "thoi gian hoan thanh", "thoi gian", "thoi han", "san pham", "ket qua",
    ];

    /// <summary>True for a field line under a task (<c>- Cơ quan chủ trì: …</c>, <c>- Thời gian thực hiện: …</c>, <c>- Sản phẩm: …</c>).</summary>
    public static bool IsField(string text)
    {
        var f = VietnameseText.Fold(text).TrimStart('-', '+', ' ');
        int colon = f.IndexOf(':');
        return colon > 0 && FieldLabels.Contains(f[..colon].Trim());
    }

    /// <summary>The assignment a task's field lines make, or null when they name no lead or deadline.</summary>
    public static Assignment? FromFields(IEnumerable<string> fieldLines) =>
        Labelled(string.Join(";", fieldLines.Select(l => l.TrimStart('-', '+', '•', ' ').Replace(";", ","))), "");

    /// <summary>
    /// A closing sentence that assigns every item above it (<c>Giao: X chủ trì; Y phối hợp thực hiện các nội
    /// dung trên; thời gian: năm 2026.</c>), or null.
    /// </summary>
    public static Assignment? Covering(string text)
    {
        var t = text.Replace('\n', ' ').Trim();
        if (!VietnameseText.Fold(t).StartsWith("giao:", StringComparison.Ordinal)) return null;
        t = t[5..].Trim();
        var deadline = CutDeadline(DeadlineClauseRx(), ref t);
        t = CoversAboveRx().Replace(t, "");
        var (lead, support) = FromCell(t);
        return StartsLikeAgency(lead) ? new Assignment(lead, support, deadline, "") : null;
    }

    // The deadline a closing clause or note names (its "d" group), cut from the end of the text; null when none.
    private static string? CutDeadline(Regex rx, ref string text)
    {
        if (rx.Match(text) is not { Success: true } m) return null;
        text = text[..m.Index].TrimEnd();
        return m.Groups["d"].Value.Trim();
    }

    [GeneratedRegex(@"(?<=[.;])\s+")]
    private static partial Regex ClauseBreakRx();

    // Fields end at ";" — or at "," when a label follows ("Chủ trì: X, thời gian: Y").
    [GeneratedRegex(@";|,\s*(?=(?:cơ\s+quan\s+|đơn\s+vị\s+)?(?:chủ\s+trì|phối\s+hợp|thời\s+gian|thời\s+hạn|sản\s+phẩm|kết\s+quả)[^:,;]{0,20}:)", RegexOptions.IgnoreCase)]
    private static partial Regex FieldBreakRx();

    // "… Đơn vị thực hiện: X (chủ trì), Y, Z (phối hợp)" closing a task.
    [GeneratedRegex(@"[.;]\s*(?:đơn\s+vị|cơ\s+quan)\s+thực\s+hiện\s*:\s*(?<list>.+?)\s*\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex DoersRx();

    [GeneratedRegex(@"\s*\((?<role>chủ\s+trì|phối\s+hợp)\)\s*,?\s*", RegexOptions.IgnoreCase)]
    private static partial Regex RoleMarkRx();

    /// <summary>
    /// "X (chủ trì), Y, Z (phối hợp)": the agencies before "(chủ trì)" lead, those up to "(phối hợp)" support;
    /// a list without marks: the first leads, the others support.
    /// </summary>
    private static (string? Lead, string? Support) Doers(string list)
    {
        var marks = RoleMarkRx().Matches(list);
        if (marks.Count == 0)
        {
            var names = AgencyResolver.Split(list);
            return names.Count == 0 ? (null, null) : (names[0], names.Count > 1 ? string.Join("; ", names.Skip(1)) : null);
        }
        string? lead = null, support = null;
        int from = 0;
        foreach (Match m in marks)
        {
            var names = list[from..m.Index].Trim().Trim(',').Trim();
            if (VietnameseText.Fold(m.Groups["role"].Value).StartsWith("chu")) lead ??= names;
            else support = support is null ? names : support + "; " + names;
            from = m.Index + m.Length;
        }
        return (lead, support);
    }

    /// <summary>
    /// Fields written as labels (<c>Nội dung: X; Chủ trì: A; Phối hợp: B; Thời hạn: C</c>, also inside a
    /// closing bracket); null unless a lead or deadline label is among them. "Phối hợp: không" names none.
    /// </summary>
    private static Assignment? Labelled(string fields, string rest)
    {
        string? lead = null, support = null, deadline = null, task = null, product = null;
        foreach (var part in FieldBreakRx().Split(fields))
        {
            int colon = part.IndexOf(':');
            if (colon < 0)
            {
                // "(X chủ trì, Y phối hợp; thời gian: …)": roles written after the names.
                if (lead is null && VietnameseText.Fold(part).Contains("chu tri", StringComparison.Ordinal) && FromCell(part) is { } roles && roles.Lead.Length > 0)
                    (lead, support) = (roles.Lead, roles.Support);
                continue;
            }
            var label = VietnameseText.Fold(part[..colon]).Trim();
            var value = part[(colon + 1)..].Trim().TrimEnd('.', ')').Trim();
            if (label.EndsWith("chu tri")) lead = value;
            else if (label.EndsWith("phoi hop")) support = VietnameseText.Fold(value) is "khong" or "khong co" ? null : value;
            else if (label.StartsWith("thoi gian") || label.StartsWith("thoi han")) deadline = value;
            else if (label == "noi dung") task = value;
            else if (label.StartsWith("san pham") || label.StartsWith("ket qua")) product = value;
        }
        return lead is null && deadline is null ? null : new Assignment(lead, support, deadline, rest, task, product);
    }

    /// <summary>
    /// The assignment a task text makes (<c>Giao X chủ trì, phối hợp với Y &lt;verb&gt; …; thời gian hoàn thành: D</c>,
    /// or <c>X chủ trì …</c> at its start), or null when it names no lead with <c>chủ trì</c>. The support list ends
    /// at the first lower-case verb after it.
    /// </summary>
    public static Assignment? FromTask(string text)
    {
        var t = text.Replace('\n', ' ').Trim();
        if (RoleNoteRx().Match(t) is { Success: true } note && Labelled(note.Groups["inner"].Value, "") is { } inBrackets)
            return inBrackets;
        if (VietnameseText.Fold(t).StartsWith("noi dung") && Labelled(t, "") is { Task: not null } labelled)
            return labelled;
        if (LeadInRx().Match(t) is { Success: true } leadIn && StartsLikeAgency(leadIn.Groups["lead"].Value)
            && !VietnameseText.Fold(leadIn.Groups["lead"].Value).Contains("chu tri", StringComparison.Ordinal))
            return new Assignment(leadIn.Groups["lead"].Value.Trim(), null, null, "thực hiện:");
        var deadline = CutDeadline(DeadlineClauseRx(), ref t) ?? CutDeadline(DeadlineNoteRx(), ref t);
        if (DoersRx().Match(t) is { Success: true } doers && Doers(doers.Groups["list"].Value) is { Lead: not null } named)
            return new Assignment(named.Lead, named.Support, deadline, "");
        // The assignment opens the item, or a later clause ("…; công chức Tư pháp chủ trì, phối hợp với …").
        var m = ClauseBreakRx().Split(t).Select(c => AssignmentRx().Match(c)).FirstOrDefault(x => x.Success && StartsLikeAgency(x.Groups["lead"].Value));
        if (m is null)
            return deadline is null ? null : new Assignment(null, null, deadline, t);
        var lead = m.Groups["lead"].Value.Trim();
        string? support = null;
        var rest = m.Groups["rest"].Value;
        if (m.Groups["after"].Success)
        {
            var words = m.Groups["after"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            int cut = 0;
            while (cut < words.Length)
            {
                if (cut > 0 && IsVerbAt(words, cut)) break;
                if (words[cut++].EndsWith(':')) break;
            }
            support = string.Join(' ', words.Take(cut)).TrimEnd(',', ':', ';', '.').Trim();
            rest = string.Join(' ', words.Skip(cut));
            if (support.Length == 0) support = null;
        }
        // "… chủ trì, thực hiện thường xuyên.", "… hoàn thành trong Quý I/2026.": a time phrase closing the assignment.
        if (deadline is null && TrailingTimeRx().Match(rest) is { Success: true } tm
            && DeadlineParser.Parse(tm.Groups["d"].Value).Kind != Model.DeadlineKind.Unspecified)
            deadline = tm.Groups["d"].Value.Trim();
        return new Assignment(lead, support, deadline, rest.Trim());
    }

    [GeneratedRegex(@"(?:^|[\s,])(?:thời\s+gian\s+)?(?:thực\s+hiện|hoàn\s+thành)\s+(?<d>(?:trong|trước|từ|khi|hằng|hàng|thường|định|theo|chậm)\b[^.;]*?)\s*[.;]?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingTimeRx();

    private static bool IsVerbAt(string[] words, int i)
    {
        if (!char.IsLower(words[i][0])) return false;
        var one = VietnameseText.Fold(words[i].TrimEnd(',', ':', ';'));
        if (Verbs.Contains(one)) return true;
        return i + 1 < words.Length && Verbs.Contains(one + " " + VietnameseText.Fold(words[i + 1].TrimEnd(',', ':', ';')).ToLowerInvariant());
    }

    private static readonly string[] AgencyStarts =
    [
        "phong ", "van phong", "trung tam", "ban ", "tram ", "cong an", "doan ", "hoi ", "uy ban", "ubnd", "cong chuc", "bo phan",
        "so ", "truong ", "chi huy", "quan su", "cac ", "dai ", "to ", "thanh tra", "chu tich", "lanh dao", "can bo", "mat tran", "ubmttq",
    ];

    private static bool StartsLikeAgency(string name)
    {
        var f = VietnameseText.Fold(name.Trim()) + " ";
        if (f.StartsWith("to chuc ", StringComparison.Ordinal)) return false; // "Tổ chức …" is the verb "organise"
        return AgencyStarts.Any(s => f.StartsWith(s, StringComparison.Ordinal));
    }
}
