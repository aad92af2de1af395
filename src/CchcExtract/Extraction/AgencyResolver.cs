using System.Text.RegularExpressions;
using CchcExtract.Model;
using CchcExtract.Text;
using FuzzySharp;

namespace CchcExtract.Extraction;

/// <summary>
/// Resolves agency names as printed to canonical gazetteer names, and splits cells that list
/// several agencies.
/// </summary>
/// <remarks>
/// Names are compared on a key: accent-folded, abbreviations expanded (<c>VH-XH</c> → văn hóa xã hội,
/// <c>HCC</c> → hành chính công, <c>HĐND&amp;UBND</c> → hội đồng nhân dân và ủy ban nhân dân),
/// punctuation dropped and the trailing level word (<c>xã</c>, <c>phường</c>…) removed. An exact key
/// match wins; otherwise FuzzySharp's ratio ≥ <see cref="FuzzyThreshold"/> picks the closest entry.
/// Generic mentions (<c>Các phòng, cơ quan liên quan</c>) resolve to <see cref="GenericName"/>.
/// </remarks>
public static partial class AgencyResolver
{
    /// <summary>Canonical name every generic mention resolves to.</summary>
    public const string GenericName = "Các cơ quan, đơn vị liên quan";

    /// <summary>Minimum FuzzySharp ratio for a fuzzy gazetteer match.</summary>
    public const int FuzzyThreshold = 90;

    /// <summary>Canonical agency names found in commune/ward/district plans, each with extra aliases.</summary>
    public static readonly IReadOnlyList<(string Canonical, string[] Aliases)> Gazetteer =
    [
        ("Phòng Văn hóa - Xã hội", ["Phòng VH-XH", "Phòng VHXH", "Phòng Văn hóa và Xã hội"]),
        ("Văn phòng HĐND và UBND", ["Văn phòng HĐND-UBND", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân", "VP HĐND và UBND"]),
        ("Văn phòng UBND", ["Văn phòng Ủy ban nhân dân", "VP UBND"]),
        ("Trung tâm Phục vụ hành chính công", ["Trung tâm Hành chính công", "TT Phục vụ HCC", "Bộ phận một cửa", "Bộ phận tiếp nhận và trả kết quả"]),
        ("Phòng Kinh tế", ["Phòng KT"]),
        ("Phòng Kinh tế, Hạ tầng và Đô thị", ["Phòng Kinh tế - Hạ tầng và Đô thị", "Phòng KT-HT-ĐT", "Phòng KTHTĐT", "Phòng Kinh tế - Hạ tầng - Đô thị"]),
        ("Phòng Nội vụ", []),
        ("Phòng Tư pháp", []),
        ("Phòng Tài chính - Kế hoạch", ["Phòng TC-KH"]),
        ("Phòng Tài nguyên và Môi trường", ["Phòng TN-MT", "Phòng TNMT"]),
        ("Phòng Văn hóa và Thông tin", ["Phòng VH&TT", "Phòng VHTT", "Phòng Văn hóa - Thông tin"]),
        ("Sở Nội vụ", ["SNV"]),
        ("Sở Tư pháp", []),
        ("Sở Tài chính", []),
        ("Sở Kế hoạch và Đầu tư", ["Sở KH&ĐT", "Sở KHĐT"]),
        ("Sở Thông tin và Truyền thông", ["Sở TT&TT", "Sở TTTT"]),
        ("Sở Tài nguyên và Môi trường", ["Sở TN&MT", "Sở TNMT"]),
        ("Sở Khoa học và Công nghệ", ["Sở KH&CN", "Sở KHCN"]),
        ("Sở Giáo dục và Đào tạo", ["Sở GD&ĐT", "Sở GDĐT"]),
        ("Sở Y tế", []),
        ("Sở Văn hóa, Thể thao và Du lịch", ["Sở VH-TT-DL", "Sở VHTTDL"]),
        ("Ủy ban nhân dân các xã, thị trấn", ["UBND các xã, thị trấn", "UBND các xã", "UBND các xã, phường, thị trấn", "Ủy ban nhân dân các xã"]),
        ("Ủy ban nhân dân các xã, phường", ["UBND các xã, phường", "UBND các phường, xã"]),
        ("Ủy ban nhân dân các huyện, thị xã, thành phố", ["UBND các huyện, thị xã, thành phố", "UBND cấp huyện", "UBND các huyện"]),
        ("Trạm Y tế", ["Trạm Y tế xã", "Trạm y tế"]),
        ("Đoàn Thanh niên", ["Đoàn Thanh niên Cộng sản Hồ Chí Minh", "Đoàn TNCS Hồ Chí Minh", "Huyện đoàn", "Đoàn TN"]),
        ("Công an", ["Công an xã", "Công an phường", "CA"]),
        ("Ban Chỉ huy Quân sự", ["Ban CHQS", "BCHQS", "BCH Quân sự", "Quân sự"]),
        ("Trung tâm Dịch vụ tổng hợp", ["Trung tâm DVTH"]),
        ("Trung tâm Văn hóa, Thể thao và Truyền thông", ["Trung tâm VH TT & TT", "Trung tâm VHTT&TT", "Trung tâm VH-TT-TT"]),
        ("Trung tâm dịch vụ sự nghiệp công", []),
        ("Ban Biên tập Cổng thông tin điện tử", ["Ban Biên tập Cổng TTĐT", "Ban biên tập Trang thông tin điện tử"]),
        ("Cổng thông tin điện tử", ["Cổng TTĐT", "Trang thông tin điện tử"]),
        ("Ủy ban Mặt trận Tổ quốc Việt Nam", ["UBMTTQVN", "UBMTTQ Việt Nam", "Ủy ban MTTQ Việt Nam", "Ủy ban MTTQ", "Mặt trận Tổ quốc Việt Nam", "MTTQ"]),
        ("Ủy ban nhân dân", ["UBND"]),
    ];

    // Built on first use: the key function needs the static tables declared below.
    private static readonly Lazy<Dictionary<string, string>> LazyKeys = new(BuildKeys);
    private static Dictionary<string, string> ExactKeys => LazyKeys.Value;
    private static readonly Lazy<string[]> LazyAllKeys = new(() => LazyKeys.Value.Keys.ToArray());
    private static string[] AllKeys => LazyAllKeys.Value;

    private static Dictionary<string, string> BuildKeys()
    {
        var d = new Dictionary<string, string>();
        foreach (var (canonical, aliases) in Gazetteer)
            foreach (var name in aliases.Prepend(canonical))
                d.TryAdd(Key(name), canonical);
        return d;
    }

    private static readonly (string From, string To)[] Abbreviations =
    [
        ("vh-xh", "van hoa xa hoi"), ("vhxh", "van hoa xa hoi"), ("vh xh", "van hoa xa hoi"),
        ("hdnd", "hoi dong nhan dan"), ("ubnd", "uy ban nhan dan"), ("hcc", "hanh chinh cong"),
        ("ttdt", "thong tin dien tu"), ("tt ", "trung tam "), ("vp ", "van phong "), ("kt-ht-dt", "kinh te ha tang va do thi"),
        ("cntt", "cong nghe thong tin"), ("ttpvhcc", "trung tam phuc vu hanh chinh cong"), ("pvhcc", "phuc vu hanh chinh cong"),
        ("mttq", "mat tran to quoc"), ("&", " va "),
    ];

    private static readonly (string From, string To)[] AbbreviationsLongestFirst = [.. Abbreviations.OrderByDescending(a => a.From.Length)];

    [GeneratedRegex(@"[^\p{L}\p{N} ]+")]
    private static partial Regex NonWord();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\s+(xa|phuong|thi tran|huyen|quan|thi xa|tinh|thanh pho)$")]
    private static partial Regex LevelSuffix();

    /// <summary>The comparison key of a name (see remarks on the class).</summary>
    public static string Key(string name)
    {
        var f = " " + VietnameseText.Fold(Markup.Strip(name)) + " ";
        foreach (var (from, to) in AbbreviationsLongestFirst) f = f.Replace(from, " " + to + " ");
        f = NonWord().Replace(f, " ");
        f = Spaces().Replace(f, " ").Trim();
        // Collective names ("UBND các xã, phường") and places ("trên địa bàn xã") keep their level words.
        if (!f.Contains(" dia ban ") && !f.StartsWith("cac ") && !f.Contains(" cac ")) f = LevelSuffix().Replace(f, "");
        return f.Replace(" va ", " ");
    }

    private static readonly HashSet<string> GenericWords =
        ["cac", "phong", "ban", "co", "quan", "don", "vi", "nganh", "lien", "va", "chuyen", "mon", "thuoc", "truc", "doan", "the", "to", "chuc", "dia", "phuong", "xa", "nhan", "dan", "uy", "tren", "ban", "co so", "huu", "khac", "chu", "tri", "so", "du", "toan", "cap", "doan", "the", "hoi", "thi", "tran", "huyen", "tinh", "thanh", "pho"];

    /// <summary>True for a mention that names no particular agency (<c>Các cơ quan, đơn vị có liên quan</c>).</summary>
    public static bool IsGeneric(string printed)
    {
        var f = NonWord().Replace(VietnameseText.Fold(Markup.Strip(printed)), " ");
        var words = f.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var joined = string.Join(" ", words);
        if (joined.StartsWith("cac co quan don vi") || joined.StartsWith("cac phong ban") || joined.StartsWith("cac co quan chuyen mon")
            || joined.StartsWith("cac cong chuc chuyen mon")) return true;
        if (words.Length < 2 || words[0] != "cac") return false;
        if (!(f.Contains("co quan") || f.Contains("don vi") || f.Contains("phong") || f.Contains("nganh") || words.Contains("so") || words.Contains("ban"))) return false;
        return words.All(GenericWords.Contains);
    }

    /// <summary>Resolves one agency mention.</summary>
    public static AgencyRef Resolve(string printed)
    {
        var p = Tidy(printed);
        if (IsGeneric(p)) return new AgencyRef(p, GenericName, true);
        var key = Key(p);
        if (ExactKeys.TryGetValue(key, out var canonical)) return new AgencyRef(p, canonical);
        if (key.Length >= 6)
        {
            string? best = null;
            int bestScore = 0;
            var head = key.Split(' ')[0];
            foreach (var k in AllKeys)
            {
                if (!k.StartsWith(head + " ", StringComparison.Ordinal)) continue; // never match a Sở to a Phòng
                int score = Fuzz.Ratio(key, k);
                if (score > bestScore) { bestScore = score; best = k; }
            }
            if (best is not null && bestScore >= FuzzyThreshold) return new AgencyRef(p, ExactKeys[best]);
        }
        return new AgencyRef(p, CleanName(p));
    }

    /// <summary>Splits a cell listing several agencies and resolves each.</summary>
    /// <example><c>"Các phòng, cơ quan liên quan; các thôn, các trường học, trạm Y tế"</c> →
    /// Các phòng, cơ quan liên quan | các thôn | các trường học | trạm Y tế.</example>
    public static IReadOnlyList<AgencyRef> ResolveList(string? cell)
    {
        if (string.IsNullOrWhiteSpace(cell)) return [];
        return Split(cell).Select(Resolve).ToList();
    }

    /// <summary>Splits a cell into agency mentions (see <see cref="ResolveList"/>).</summary>
    public static IReadOnlyList<string> Split(string cell)
    {
        var result = new List<string>();
        // "… và các …", and "Công an xã và Đoàn Thanh niên xã" (a name ending in its level word, then another name).
        foreach (var part in Regex.Split(Markup.Strip(cell), @"\s*[;\n]\s*|\s+và\s+(?=các\s)|(?<=\s(?:xã|phường|thị trấn|huyện))\s+và\s+(?=\p{Lu})"))
        {
            var pieces = part.Split(',').Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
            var cur = "";
            foreach (var piece in pieces)
            {
                if (cur.Length == 0) { cur = piece; continue; }
                // "Các thôn, bản", "các thôn, buôn": a single lower-case word continues the group name.
                bool oneWord = !piece.Contains(' ') && char.IsLower(piece[0]);
                if (IsGeneric(cur + ", " + piece) || oneWord || !StartsAgency(piece)) cur += ", " + piece;
                else { result.Add(cur); cur = piece; }
            }
            if (cur.Length > 0) result.Add(cur);
        }
        return result.Select(Tidy).Where(s => s.Length > 0).ToList();
    }

    private static readonly string[] Heads =
    [
        "phong ", "van phong", "trung tam", "ban ", "tram ", "cong an", "quan su", "cac ", "doan ", "hoi ", "uy ban", "ubnd", "ubmttq",
        "mat tran", "truong ", "bao hiem", "chi cuc", "kho bac", "so ", "dang uy", "thon", "to ", "cong thong tin", "dai ", "hop tac xa",
        "chi nhanh", "buu dien", "vien ", "bo ", "thanh tra", "cong chuc", "lanh dao", "chu tich", "khu pho", "ap ", "hdnd", "uy vien",
        "ca ", "bchqs", "ttpvhcc", "vp ", "hat ", "ban quan ly",
    ];

    private static bool StartsAgency(string piece)
    {
        var f = VietnameseText.Fold(piece) + " ";
        return Heads.Any(h => f.StartsWith(h));
    }

    private static string Tidy(string s) => Regex.Replace(Markup.Strip(s), @"\s+", " ").Trim().TrimEnd(':', '.', ',', ';').Trim();

    /// <summary>A printed name cleaned for use as canonical: first letter upper-case, trailing level word removed, dashes spaced.</summary>
    public static string CleanName(string printed)
    {
        var s = Tidy(printed);
        // "… thuộc phường", "… của xã": the plan's own unit, not part of the name.
        s = Regex.Replace(s, @"\s+(thuộc|của)\s+(UBND\s+|Ủy ban nhân dân\s+)?(xã|phường|thị trấn|thị xã|huyện|quận|tỉnh|thành phố)$", "", RegexOptions.IgnoreCase);
        // The trailing level word goes ("Công an huyện" → "Công an"), except in collective names
        // ("UBND các xã, thị trấn") and places ("trên địa bàn xã").
        if (!Regex.IsMatch(s, @"\b(các|địa bàn)\s", RegexOptions.IgnoreCase))
            s = Regex.Replace(s, @"\s+(xã|phường|thị trấn|thị xã|huyện|quận|tỉnh|thành phố)(?=,|$)", "", RegexOptions.IgnoreCase);
        s = Regex.Replace(s, @"\s*[-–]\s*", " - ");
        return s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
    }
}
