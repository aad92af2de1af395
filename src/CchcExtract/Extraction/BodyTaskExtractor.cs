using CchcExtract.Model;
using CchcExtract.Segmentation;
using System.Text.RegularExpressions;
using CchcExtract.Text;

namespace CchcExtract.Extraction;

/// <summary>
/// Extracts tasks from the body of plans that have no appendix: items under the "Nhiệm vụ"
/// section (only its "Nhiệm vụ" sub-sections when it separates "Mục tiêu" from "Nhiệm vụ"), and
/// agency duties under "Tổ chức thực hiện" / "Phân công trách nhiệm".
/// </summary>
public static partial class BodyTaskExtractor
{
    /// <summary>
    /// Body task records. An item written as an assignment (<c>Giao X chủ trì, phối hợp với Y …;
    /// thời gian hoàn thành: D</c>) gives its lead, support and deadline; a pure lead-in (<c>… thực hiện:</c>)
    /// is no task but hands X and Y to its items.
    /// </summary>
    /// <param name="seg">The segmented plan.</param>
    /// <param name="contextYear">The plan's year, for deadlines printed without one.</param>
    public static IEnumerable<TaskRecord> Tasks(SegmentedDocument seg, int? contextYear = null)
    {
        // A part titled as the tasks ("B. NỘI DUNG NHIỆM VỤ") holds them under its Roman area sections.
        var parts = seg.Items.Where(i => i.Kind == MarkerKind.Part && IsTaskSection(i.Text) && i.Children.Any(c => c.Kind == MarkerKind.Roman)).ToList();
        var inParts = parts.SelectMany(Descendants).ToHashSet();
        foreach (var root in parts.Concat(TopSections(seg).Where(i => IsTaskSection(i.Text) && !inParts.Contains(i))))
            foreach (var r in FromTaskSection(root, ReformArea.Other, insideNhiemVu: !HasObjectiveSplit(root), null, contextYear))
                yield return r;
    }

    /// <summary>Roman sections, and Parts (<c>A.</c>, <c>Phần thứ hai</c>) that hold no Roman section with the same role.</summary>
    private static IEnumerable<OutlineItem> TopSections(SegmentedDocument seg) =>
        seg.Items.Where(i => i.Kind == MarkerKind.Roman || i.Kind == MarkerKind.Part && !i.Children.Any(c => c.Kind == MarkerKind.Roman));

    private static bool IsDutySection(string folded) =>
        folded.Contains("to chuc thuc hien") || folded.Contains("trach nhiem thuc hien") || folded.StartsWith("phan cong");

    private static bool IsTaskSection(string title)
    {
        var f = VietnameseText.Fold(title);
        return f.Contains("nhiem vu") && !f.Contains("to chuc thuc hien");
    }

    /// <summary>"Mục tiêu", "Chỉ tiêu…" sub-headings: their items are targets, not tasks.</summary>
    private static bool IsObjectiveHeading(OutlineItem i) => i.Children.Count > 0 && ShortTitle(i) is { } t && (t.StartsWith("muc tieu") || t.StartsWith("chi tieu"));

    /// <summary>"Nhiệm vụ", "Nhiệm vụ, giải pháp trọng tâm", "Giải pháp…" sub-headings.</summary>
    private static bool IsTaskHeading(OutlineItem i) => i.Children.Count > 0 && ShortTitle(i) is { } t && (t.StartsWith("nhiem vu") || t.StartsWith("giai phap") || t.StartsWith("cac nhiem vu"));

    private static string? ShortTitle(OutlineItem i)
    {
        var t = VietnameseText.Fold(i.Text).TrimEnd(':', '.').Trim();
        return t.Length <= 60 ? t : null;
    }

    private static bool HasObjectiveSplit(OutlineItem root) => Descendants(root).Any(IsObjectiveHeading);

    private static IEnumerable<OutlineItem> Descendants(OutlineItem i) => i.Children.SelectMany(c => Descendants(c).Prepend(c));

    private static IEnumerable<TaskRecord> FromTaskSection(OutlineItem node, ReformArea area, bool insideNhiemVu, AgencyClause.Assignment? inherited, int? year)
    {
        // Text pasted from Word with its list numbering lost: no markers at all, area titles as short lines.
        if (node.Children.Count >= 3 && node.Children.All(c => c.Kind == MarkerKind.None) && node.Children.Any(IsPlainAreaTitle))
        {
            foreach (var r in FromUnmarked(node.Children, area, year)) yield return r;
            yield break;
        }
        // "Giao: X chủ trì; Y phối hợp thực hiện các nội dung trên; thời gian: D." after a list assigns its items
        // (the outline hangs that plain line under the list's last item).
        var closing = node.Children.Concat(node.Children.LastOrDefault()?.Children ?? []).Where(c => c.Kind == MarkerKind.None);
        if (closing.Select(c => AgencyClause.Covering(c.Text)).LastOrDefault(a => a is not null) is { } covering)
            inherited = covering;
        foreach (var child in node.Children)
        {
            if (IsObjectiveHeading(child) || IsFieldLine(child)) continue;
            if (IsTaskHeading(child))
            {
                foreach (var r in FromTaskSection(child, area, true, inherited, year)) yield return r;
                continue;
            }
            var own = AgencyClause.FromTask(child.Text);
            // Field lines under the task ("- Cơ quan chủ trì: …", "- Thời gian thực hiện: …", "- Sản phẩm: …").
            if (child.Children.Where(IsFieldLine).Select(f => f.Text).ToList() is { Count: > 0 } fields && AgencyClause.FromFields(fields) is { } byFields)
                own = byFields;
            // "Giao X chủ trì, phối hợp với Y thực hiện:" only hands its items to X and Y: not a task itself.
            if (child.Children.Count > 0 && own?.Lead is not null && IsLeadIn(own))
            {
                foreach (var r in FromTaskSection(child, area, insideNhiemVu, own, year)) yield return r;
                continue;
            }
            // A numbered item with sub-items is a heading when it names a reform area (or is a part/Roman
            // section); otherwise it is a task that introduces sub-tasks, and both count.
            // A bullet in capitals over its own bullets ("• CẢI CÁCH THỂ CHẾ" / "○ …") is a heading too.
            bool isHeading = child.Children.Any(c => !IsFieldLine(c)) && (child.Kind is MarkerKind.Part or MarkerKind.Roman
                || child.Kind is MarkerKind.Dash && child.Text.Length <= 100 && child.Text == child.Text.ToUpperInvariant() && child.Text.Any(char.IsLetter)
                || child.Kind is MarkerKind.Arabic or MarkerKind.Dotted && (AreaClassifier.ClassifyHeading(child.Text) != ReformArea.Other || child.Text.Length == 0 || ShortTitle(child) is { Length: <= 40 }));
            if (isHeading)
            {
                var a = AreaClassifier.ClassifyHeading(child.Text);
                foreach (var r in FromTaskSection(child, a != ReformArea.Other ? a : area, insideNhiemVu, inherited, year)) yield return r;
                continue;
            }
            if (insideNhiemVu && child.Kind is MarkerKind.Letter or MarkerKind.Dash or MarkerKind.Plus or MarkerKind.Arabic or MarkerKind.Dotted)
                yield return BodyTask(child, area, own, inherited, year);
            if (child.Children.Count > 0)
                foreach (var r in FromTaskSection(child, area, insideNhiemVu, inherited, year)) yield return r;
        }
    }

    // A short line without a final full stop that names a reform area ("Cải cách thể chế", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH").
    private static bool IsPlainAreaTitle(OutlineItem i) =>
        i.Text.Length <= 80 && !i.Text.TrimEnd().EndsWith('.') && AreaClassifier.ClassifyHeading(i.Text) != ReformArea.Other;

    // Unmarked paragraphs: each area title sets the area; the paragraphs after one are its tasks.
    private static IEnumerable<TaskRecord> FromUnmarked(IEnumerable<OutlineItem> paragraphs, ReformArea area, int? year)
    {
        bool underTitle = false;
        foreach (var p in paragraphs)
        {
            if (IsPlainAreaTitle(p))
            {
                area = AreaClassifier.ClassifyHeading(p.Text);
                underTitle = true;
                continue;
            }
            if (!underTitle) continue;
            yield return BodyTask(p, area, AgencyClause.FromTask(p.Text), null, year);
        }
    }

    /// <summary>
    /// A body task: its own lead (and support) first, else the agency it names as subject, else its
    /// lead-in's; its own deadline, else the lead-in's; the task wording and product its fields name.
    /// </summary>
    private static TaskRecord BodyTask(OutlineItem item, ReformArea area, AgencyClause.Assignment? own, AgencyClause.Assignment? inherited, int? year)
    {
        var lead = own?.Lead is { } l ? AgencyResolver.Resolve(l) : LeadNamedIn(item.Text);
        var support = own?.Lead is not null ? own.Support : lead is null ? inherited?.Support : null;
        if (lead is null && inherited?.Lead is { } il) lead = AgencyResolver.Resolve(il);
        return Record(item, area, TaskOrigin.BodyTask, lead) with
        {
            Text = own?.Task ?? item.Text,
            Support = AgencyResolver.ResolveList(support),
            Deadline = DeadlineParser.Parse(own?.Deadline ?? inherited?.Deadline, year),
            Product = own?.Product,
        };
    }

    private static bool IsFieldLine(OutlineItem i) => i.Kind is MarkerKind.Dash or MarkerKind.Plus or MarkerKind.None && AgencyClause.IsField(i.Text);

    /// <summary>An assignment whose remaining words only say "do the following" (<c>thực hiện:</c>, <c>triển khai các nội dung sau:</c>).</summary>
    private static bool IsLeadIn(AgencyClause.Assignment a) =>
        a.Rest.TrimEnd().EndsWith(':') && a.Rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 6;

    /// <summary>Duties of named agencies under "Tổ chức thực hiện".</summary>
    public static IEnumerable<TaskRecord> Duties(SegmentedDocument seg)
    {
        foreach (var root in TopSections(seg).Where(i => IsDutySection(VietnameseText.Fold(i.Text))))
            foreach (var r in DutiesUnder(root)) yield return r;
    }

    private static IEnumerable<TaskRecord> DutiesUnder(OutlineItem node)
    {
        foreach (var child in node.Children)
        {
            // Marked items, or unmarked lines "Agency: duty" (list numbering lost) naming the duty inline.
            if ((child.Kind is MarkerKind.Arabic or MarkerKind.Dotted or MarkerKind.Letter or MarkerKind.Plus or MarkerKind.Dash
                 || child.Kind == MarkerKind.None && child.Text.Contains(':'))
                && NamesAgency(child.Text, out var agencyText, out var inline) && (child.Kind != MarkerKind.None || inline.Length > 0))
            {
                var agency = AgencyResolver.Resolve(agencyText);
                if (inline.Length > 0)
                    yield return Record(child, AreaClassifier.ClassifyMention(child.Text), TaskOrigin.AgencyDuty, agency) with { Number = "" };
                foreach (var duty in Leaves(child))
                    yield return Record(duty, AreaClassifier.ClassifyMention(duty.Text), TaskOrigin.AgencyDuty, agency) with { Number = "" };
                continue;
            }
            if (child.Kind is not (MarkerKind.Dash or MarkerKind.Plus or MarkerKind.None))
                foreach (var r in DutiesUnder(child)) yield return r;
        }
    }

    /// <summary>The duties listed under an agency heading: its bullets, or its plain paragraph when it has none.</summary>
    private static IEnumerable<OutlineItem> Leaves(OutlineItem heading, bool top = true)
    {
        bool hasBullets = heading.Children.Any(c => c.Kind != MarkerKind.None);
        if (!hasBullets && top)
        {
            if (heading.Children.FirstOrDefault() is { } para) yield return para;
            yield break;
        }
        foreach (var c in heading.Children)
        {
            if (c.Kind == MarkerKind.None) continue;
            if (c.Kind is MarkerKind.Plus or MarkerKind.Dash && NamesAgency(c.Text, out _, out var inl) && inl.Length == 0 && c.Text.TrimEnd().EndsWith(':')) continue;
            yield return c;
            foreach (var d in Leaves(c, top: false)) yield return d;
        }
    }

    private static readonly string[] AgencyHeads = ["phong ", "van phong", "trung tam", "ban ", "tram ", "cong an", "doan ", "cong thong tin", "chi huy", "quan su", "hoi ", "cac co quan", "cac don vi", "cac phong", "cac thanh vien", "ubnd ", "uy ban nhan dan ", "so ", "cong chuc", "bo phan", "hoi ", "cac ban", "cac to", "cac khu", "cac ap", "cac thon", "truong ", "can bo"];

    private static readonly string[] NotAgency = ["de nghi", "trong qua trinh", "giao ", "yeu cau", "kinh phi", "che do", "trach nhiem chung", "thoi gian", "noi dung", "muc tieu", "nhiem vu", "ket qua", "can cu", "tren day"];

    private static readonly string[] SubjectVerbs = [" trien khai ", " chu tri ", " thuc hien ", " tham muu ", " phoi hop ", " co trach nhiem ", " chiu trach nhiem ", " tap trung ", " chu dong "];

    /// <summary>
    /// True when an item assigns duties to an agency: <c>a) Phòng Văn hóa - Xã hội xã:</c> (duties follow),
    /// <c>Các cơ quan …: tập trung …</c> (duty inline after the colon) or <c>Các thành viên Ban chỉ đạo … triển khai …</c>
    /// (the agency is the subject before the verb). <paramref name="inline"/> is the inline duty, if any.
    /// </summary>
    private static bool NamesAgency(string text, out string agency, out string inline)
    {
        var t = text.Trim();
        int colon = t.IndexOf(':');
        agency = (colon >= 0 ? t[..colon] : t).Trim();
        inline = colon >= 0 ? t[(colon + 1)..].Trim() : "";
        agency = Regex.Replace(agency, @"\s+(có|chịu)\s+trách\s+nhiệm$", "", RegexOptions.IgnoreCase);
        var f = VietnameseText.Fold(agency) + " ";
        if (NotAgency.Any(h => f.StartsWith(h))) return false;
        // "Công chức Tư pháp - Hộ tịch: Chủ trì …" — a short name before a colon is an agency even without a known head word.
        if (colon >= 0 && agency.Split(' ').Length <= 12 && char.IsUpper(agency.FirstOrDefault())) return true;
        if (!AgencyHeads.Any(h => f.StartsWith(h))) return false;
        if (colon >= 0) return agency.Length <= 200;
        if (t.Length <= 90) return true;
        // No colon and a long item: the agency is the subject before the first duty verb.
        var ft = " " + VietnameseText.Fold(t) + " ";
        int cut = SubjectVerbs.Select(v => ft.IndexOf(v, StringComparison.Ordinal)).Where(i => i > 0).DefaultIfEmpty(-1).Min();
        if (cut <= 0 || cut > 200) return false;
        agency = t[..(cut - 1)].Trim().TrimEnd(',');
        inline = t;
        return true;
    }

    [GeneratedRegex(@"^(?<a>(?:Phòng|Văn phòng|Trung tâm|Ban|Công an|Trạm|Đoàn|Công chức|Bộ phận|Hội|Sở|UBND|Ủy ban|Uỷ ban)\s[^;:()]{2,80}?)\s+(?:chủ trì|có trách nhiệm|chịu trách nhiệm)\b")]
    private static partial Regex LeadRx();

    /// <summary>The agency a task names as its lead (<c>Văn phòng HĐND và UBND phường chủ trì rà soát…</c>), if any.</summary>
    private static AgencyRef? LeadNamedIn(string text) =>
        LeadRx().Match(text) is { Success: true } m ? AgencyResolver.Resolve(m.Groups["a"].Value) : null;

    private static TaskRecord Record(OutlineItem item, ReformArea area, TaskOrigin origin, AgencyRef? lead) => new()
    {
        Number = item.Kind is MarkerKind.Letter or MarkerKind.Arabic or MarkerKind.Dotted ? item.Marker : "",
        Text = item.Text,
        Lead = lead,
        Targets = Targets.Find(item.Text),
        Area = area,
        SectionPath = item.ParentPath,
        Origin = origin,
        Source = item.Source,
    };
}
