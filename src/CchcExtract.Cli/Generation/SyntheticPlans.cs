using System.Text;

namespace CchcExtract.Cli.Generation;

/// <summary>
/// Writes synthetic CCHC plans for scale tests: invented communes and wards across real provinces,
/// a shared pool of commitments reworded per plan (synonym swaps, reordered clauses, optional
/// qualifiers), shuffled and sampled, varied deadlines, and three layouts — a 6-column appendix table,
/// an 8-column Mục tiêu/Nhiệm vụ/Hoạt động table, or a body-only plan with agency duties. Deterministic
/// for a given seed. The text is made up from the genre's conventions; it copies no real plan.
/// </summary>
public sealed class SyntheticPlans(int seed = 1)
{
    private static readonly string[] Provinces =
    [
        "Hải Phòng", "Đồng Nai", "Lâm Đồng", "Vĩnh Long", "Nghệ An", "Thanh Hóa", "Quảng Ninh", "Bắc Ninh", "Phú Thọ",
        "Gia Lai", "Đắk Lắk", "Khánh Hòa", "Cần Thơ", "An Giang", "Tây Ninh", "Cà Mau", "Quảng Trị", "Huế",
        "Lào Cai", "Tuyên Quang", "Thái Nguyên", "Ninh Bình", "Hưng Yên", "Đồng Tháp", "Quảng Ngãi", "Sơn La",
    ];

    private static readonly string[] Syllables =
    [
        "Tân", "Phú", "Hòa", "An", "Bình", "Thạnh", "Long", "Vĩnh", "Đông", "Tây", "Nam", "Bắc", "Xuân", "Hưng", "Phước",
        "Thuận", "Minh", "Quang", "Đại", "Hồng", "Kim", "Ngọc", "Thái", "Trung", "Cát", "Lạc", "Yên", "Mỹ", "Hiệp", "Thịnh",
        "Sơn", "Lâm", "Hải", "Thành", "Phong", "Điền", "Lộc", "Khánh", "Nghĩa", "Đức",
    ];

    private sealed record Commitment(string Area, string[] Variants, string[] Leads, string Product, string Objective);

    private static readonly string[] AreaTitles =
    [
        "Công tác chỉ đạo, điều hành", "Cải cách thể chế", "Cải cách thủ tục hành chính", "Cải cách tổ chức bộ máy",
        "Cải cách chế độ công vụ", "Cải cách tài chính công", "Xây dựng chính quyền điện tử, chính quyền số",
    ];

    private const string Vhxh = "Phòng Văn hóa - Xã hội", Vp = "Văn phòng HĐND và UBND", Tt = "Trung tâm Phục vụ hành chính công",
        Kt = "Phòng Kinh tế", Ca = "Công an", Dtn = "Đoàn Thanh niên";

    private static readonly Commitment[] Pool =
    [
        new("0", ["Ban hành Kế hoạch cải cách hành chính năm {Y} của {u}", "Xây dựng, ban hành Kế hoạch CCHC năm {Y}"], [Vhxh], "Kế hoạch", "Hoàn thành 100% nhiệm vụ CCHC được giao"),
        new("0", ["Ban hành Kế hoạch tuyên truyền cải cách hành chính năm {Y}", "Xây dựng kế hoạch thông tin, tuyên truyền về CCHC"], [Vhxh], "Kế hoạch", "Nâng cao nhận thức về CCHC"),
        new("0", ["Kiểm tra công tác cải cách hành chính tại các cơ quan, đơn vị", "Tổ chức kiểm tra việc thực hiện nhiệm vụ CCHC tại các cơ quan, đơn vị thuộc {u}"], [Vhxh, Vp], "Thông báo kết luận kiểm tra", "Hoàn thành 100% nhiệm vụ CCHC được giao"),
        new("0", ["Tổng hợp, báo cáo kết quả thực hiện công tác cải cách hành chính định kỳ", "Xây dựng báo cáo CCHC hằng quý, 6 tháng và năm"], [Vhxh], "Báo cáo", "Hoàn thành 100% nhiệm vụ CCHC được giao"),
        new("0", ["Triển khai thực hiện khảo sát đo lường sự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính", "Tổ chức khảo sát sự hài lòng của người dân, doanh nghiệp về chất lượng phục vụ hành chính", "Khảo sát, đo lường mức độ hài lòng của tổ chức, cá nhân đối với sự phục vụ của chính quyền {u}"], [Vhxh, Tt], "Báo cáo kết quả khảo sát", "Mức độ hài lòng của người dân đạt trên 90%"),
        new("0", ["Tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm {Y}", "Thực hiện tự đánh giá Chỉ số CCHC theo hướng dẫn của tỉnh"], [Vhxh], "Báo cáo tự đánh giá", "Cải thiện Chỉ số CCHC"),
        new("1", ["Rà soát, hệ thống hóa văn bản quy phạm pháp luật do HĐND, UBND {u} ban hành", "Rà soát văn bản quy phạm pháp luật để kịp thời sửa đổi, bổ sung, bãi bỏ"], [Vp], "Danh mục văn bản", "Hệ thống văn bản đồng bộ, thống nhất"),
        new("1", ["Tổ chức phổ biến các luật mới cho cán bộ, công chức và người dân", "Tuyên truyền, phổ biến giáo dục pháp luật trên địa bàn"], [Vp, Vhxh], "Hội nghị", "Nâng cao hiểu biết pháp luật"),
        new("1", ["Theo dõi tình hình thi hành pháp luật trên địa bàn {u}", "Kiểm tra tình hình thi hành pháp luật trên địa bàn"], [Vp], "Báo cáo", "Hệ thống văn bản đồng bộ, thống nhất"),
        new("2", ["Rà soát, đề xuất đơn giản hóa thủ tục hành chính thuộc thẩm quyền giải quyết của {u}", "Rà soát, đơn giản hóa thủ tục hành chính trong lĩnh vực đất đai, hộ tịch"], [Tt, Vp], "Phương án đơn giản hóa", "Đơn giản hóa thủ tục hành chính"),
        new("2", ["Công khai đầy đủ, kịp thời thủ tục hành chính tại Trung tâm Phục vụ hành chính công và trên Trang thông tin điện tử", "Niêm yết, công khai thủ tục hành chính tại bộ phận một cửa"], [Tt], "TTHC được công khai", "100% TTHC được công khai"),
        new("2", ["Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", "Thực hiện số hóa hồ sơ, giấy tờ, kết quả giải quyết TTHC theo quy định"], [Tt], "Hồ sơ được số hóa", "100% hồ sơ được số hóa"),
        new("2", ["Theo dõi, giải quyết hồ sơ thủ tục hành chính đúng hạn, xin lỗi người dân khi trễ hẹn", "Giải quyết hồ sơ TTHC đúng hạn; gửi thư xin lỗi khi hồ sơ trễ hạn"], [Tt], "Hồ sơ được giải quyết đúng hạn", "100% hồ sơ được giải quyết đúng hạn"),
        new("2", ["Hỗ trợ người dân nộp hồ sơ trực tuyến, thanh toán trực tuyến phí, lệ phí", "Hướng dẫn người dân sử dụng dịch vụ công trực tuyến toàn trình"], [Tt, Dtn], "Hồ sơ trực tuyến", "Tối thiểu 60% hồ sơ được nộp trực tuyến"),
        new("2", ["Tiếp nhận, xử lý phản ánh, kiến nghị của người dân về quy định hành chính", "Xử lý phản ánh, kiến nghị của cá nhân, tổ chức về thủ tục hành chính"], [Tt], "Báo cáo", "Đơn giản hóa thủ tục hành chính"),
        new("3", ["Rà soát chức năng, nhiệm vụ của các phòng chuyên môn sau sắp xếp", "Rà soát, kiện toàn tổ chức bộ máy các cơ quan chuyên môn thuộc UBND {u}"], [Vhxh], "Quyết định kiện toàn", "Bộ máy tinh gọn, hiệu quả"),
        new("3", ["Thực hiện quy chế làm việc của UBND {u} nhiệm kỳ mới", "Ban hành quy chế làm việc của Ủy ban nhân dân"], [Vp], "Quy chế", "Bộ máy tinh gọn, hiệu quả"),
        new("4", ["Rà soát, điều chỉnh danh mục vị trí việc làm của các cơ quan chuyên môn", "Hoàn thiện vị trí việc làm, bố trí công chức theo đúng vị trí việc làm"], [Vhxh], "Quyết định phê duyệt", "Công chức được bố trí đúng vị trí việc làm"),
        new("4", ["Cử công chức tham gia các lớp bồi dưỡng kỹ năng số, kỹ năng giao tiếp với người dân", "Đào tạo, bồi dưỡng nâng cao năng lực cho cán bộ, công chức"], [Vhxh], "Danh sách công chức được cử đi học", "Nâng cao chất lượng đội ngũ"),
        new("4", ["Kiểm tra đột xuất việc chấp hành kỷ luật, kỷ cương hành chính của công chức", "Tăng cường kỷ luật, kỷ cương hành chính trong thi hành công vụ"], [Vp, Vhxh], "Biên bản kiểm tra", "Thực hiện nghiêm kỷ luật, kỷ cương hành chính"),
        new("4", ["Đánh giá, xếp loại công chức hằng tháng dựa trên kết quả, sản phẩm cụ thể", "Thực hiện đánh giá, xếp loại cán bộ, công chức theo kết quả công việc"], [Vhxh], "Kết quả đánh giá", "Công chức được bố trí đúng vị trí việc làm"),
        new("5", ["Công khai dự toán, quyết toán ngân sách {u} năm {Y}", "Thực hiện công khai tài chính, ngân sách theo quy định"], [Kt], "Thông báo công khai", "Quản lý ngân sách minh bạch"),
        new("5", ["Quản lý, sử dụng ngân sách tiết kiệm, hiệu quả; thực hành tiết kiệm, chống lãng phí", "Thực hiện cơ chế tự chủ tài chính tại các đơn vị sự nghiệp công lập"], [Kt], "Báo cáo", "Quản lý ngân sách minh bạch"),
        new("6", ["Duy trì xử lý văn bản, hồ sơ công việc và ký số trên phần mềm quản lý văn bản", "Sử dụng chữ ký số trong toàn bộ văn bản đi của Ủy ban nhân dân"], [Vp], "Văn bản điện tử có ký số", "100% hồ sơ công việc được xử lý trên môi trường mạng"),
        new("6", ["Kiện toàn tổ công nghệ số cộng đồng tại các thôn, khu phố", "Phát triển tổ công nghệ số cộng đồng; tập huấn kỹ năng số cho thành viên"], [Vhxh, Dtn], "Quyết định kiện toàn", "Người dân được hỗ trợ kỹ năng số"),
        new("6", ["Hướng dẫn người dân cài đặt, sử dụng ứng dụng định danh điện tử VNeID", "Tuyên truyền, hỗ trợ người dân kích hoạt tài khoản định danh điện tử"], [Ca, Dtn], "Tài khoản được kích hoạt", "Người dân được hỗ trợ kỹ năng số"),
        new("6", ["Cập nhật tin bài, thông tin chỉ đạo điều hành trên Trang thông tin điện tử", "Duy trì, nâng cấp Trang thông tin điện tử của {u}"], [Vp], "Tin, bài được đăng tải", "Chính quyền minh bạch"),
        new("6", ["Nâng cấp đường truyền, thiết bị tại bộ phận tiếp nhận và trả kết quả", "Đầu tư hạ tầng số, camera giám sát tại Trung tâm Phục vụ hành chính công"], [Kt, Vp], "Hạ tầng được nâng cấp", "Hạ tầng số được đầu tư đồng bộ"),
    ];

    private static readonly (string From, string To)[] Synonyms =
    [
        ("Tổ chức ", "Triển khai "), ("Triển khai ", "Tổ chức triển khai "), ("Rà soát, ", "Kiểm tra, rà soát, "), ("người dân", "người dân, doanh nghiệp"),
        ("công khai", "niêm yết, công khai"), ("cán bộ, công chức", "cán bộ, công chức, viên chức"), ("kịp thời", "đầy đủ, kịp thời"),
        ("Thực hiện ", "Tiếp tục thực hiện "), ("Hướng dẫn ", "Hỗ trợ, hướng dẫn "), ("hằng quý", "định kỳ hằng quý"),
    ];

    private static readonly string[] Supports = ["Các cơ quan, đơn vị có liên quan", "Các phòng chuyên môn", "Văn phòng HĐND và UBND", "Các thôn, khu phố", "Ủy ban MTTQ Việt Nam"];

    private readonly Random _rng = new(seed);

    private T Pick<T>(IReadOnlyList<T> xs) => xs[_rng.Next(xs.Count)];

    /// <summary>Writes <paramref name="count"/> plans to <paramref name="dir"/> (subfolders of 1,000); returns the file paths.</summary>
    public IReadOnlyList<string> WriteAll(string dir, int count)
    {
        var files = new List<string>(count);
        for (int i = 0; i < count; i++)
        {
            var sub = Path.Combine(dir, (i / 1000).ToString("D4"));
            Directory.CreateDirectory(sub);
            var (name, text) = Plan(i);
            var path = Path.Combine(sub, name);
            File.WriteAllText(path, text, new UTF8Encoding(false));
            files.Add(path);
        }
        return files;
    }

    /// <summary>The file name and text of plan number <paramref name="index"/>.</summary>
    public (string FileName, string Text) Plan(int index)
    {
        bool ward = _rng.Next(4) == 0;
        var commune = Pick(Syllables) + " " + Pick(Syllables);
        var province = Pick(Provinces);
        int year = 2024 + _rng.Next(4);
        bool half = _rng.Next(5) == 0;
        var unitWord = ward ? "phường" : "xã";
        var layout = _rng.Next(3); // 0: 6-column appendix, 1: 8-column appendix, 2: body only
        var tasks = Pool.OrderBy(_ => _rng.Next()).Take(_rng.Next(12, Pool.Length + 1))
            .OrderBy(c => c.Area, StringComparer.Ordinal).ThenBy(_ => _rng.Next()).ToList();

        var sb = new StringBuilder();
        void L(string s = "") => sb.Append(s).Append('\n');
        int number = _rng.Next(1, 250);
        L("ỦY BAN NHÂN DÂN");
        L($"{unitWord.ToUpperInvariant()} {commune.ToUpperInvariant()}");
        L();
        L($"Số: {number:D2}/KH-UBND");
        L();
        L("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        L("Độc lập - Tự do - Hạnh phúc");
        L();
        int month = half ? 7 : 1 + _rng.Next(2);
        L($"{commune}, ngày {1 + _rng.Next(28):D2} tháng {month:D2} năm {year}");
        L();
        L("KẾ HOẠCH");
        L(half ? $"Cải cách hành chính 6 tháng cuối năm {year}" : $"Cải cách hành chính năm {year}");
        L();
        L("Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030;");
        L();
        L($"Thực hiện Kế hoạch cải cách hành chính năm {year} của Ủy ban nhân dân tỉnh {province};");
        L();
        L($"Ủy ban nhân dân {unitWord} {commune} ban hành Kế hoạch cải cách hành chính năm {year} như sau:");
        L();
        L("I. MỤC ĐÍCH, YÊU CẦU");
        L();
        L("1. Mục đích");
        L();
        L($"- Nâng cao chất lượng phục vụ người dân, doanh nghiệp; lấy sự hài lòng của người dân làm thước đo hiệu quả hoạt động của chính quyền {unitWord}.");
        L();
        L("2. Yêu cầu");
        L();
        L("- Mỗi nhiệm vụ có cơ quan chủ trì, thời hạn và sản phẩm cụ thể.");
        L();
        string u = $"{unitWord} {commune}";
        if (layout == 2)
        {
            L("II. NHIỆM VỤ, GIẢI PHÁP");
            L();
            int sec = 0;
            foreach (var group in tasks.GroupBy(t => t.Area))
            {
                L($"{++sec}. {AreaTitles[int.Parse(group.Key)]}");
                L();
                foreach (var c in group)
                {
                    var lead = Pick(c.Leads);
                    var text = Reword(Pick(c.Variants), u, year);
                    L(_rng.Next(3) == 0
                        ? $"- {lead} chủ trì {char.ToLowerInvariant(text[0])}{text[1..]}; thời gian hoàn thành: {Deadline(year, half)}."
                        : $"- {text}.");
                    L();
                }
            }
            L("III. TỔ CHỨC THỰC HIỆN");
            L();
            L("1. Phân công trách nhiệm");
            L();
            int k = 0;
            foreach (var lead in tasks.SelectMany(t => t.Leads.Take(1)).Distinct())
            {
                L($"1.{++k}. {lead} {unitWord}:");
                L();
                foreach (var c in tasks.Where(t => t.Leads[0] == lead).Take(3))
                {
                    L($"- Chủ trì {char.ToLowerInvariant(c.Variants[0][0])}{Reword(c.Variants[0], u, year)[1..]}.");
                    L();
                }
            }
        }
        else
        {
            L("II. NHIỆM VỤ TRỌNG TÂM");
            L();
            L("(Nhiệm vụ cụ thể tại Phụ lục kèm theo Kế hoạch này)");
            L();
            L("III. TỔ CHỨC THỰC HIỆN");
            L();
            L("Thủ trưởng các cơ quan, đơn vị chủ động triển khai các nhiệm vụ được giao; báo cáo kết quả định kỳ hằng quý.");
            L();
        }
        L("Nơi nhận:");
        L($"- UBND tỉnh {province};");
        L("- Sở Nội vụ;");
        L("- Lưu: VT.");
        L();
        L("TM. ỦY BAN NHÂN DÂN");
        L("CHỦ TỊCH");
        L();
        L(Pick(["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ"]) + " " + Pick(["Văn", "Thị", "Đức", "Minh"]) + " " + Pick(Syllables));
        L();
        if (layout != 2)
        {
            L("PHỤ LỤC");
            L($"NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM {year}");
            L($"(Kèm theo Kế hoạch số {number:D2}/KH-UBND của UBND {u})");
            L();
            if (layout == 0) SixColumns(L, tasks, u, year, half);
            else EightColumns(L, tasks, u, year, half);
        }
        var file = $"{(ward ? "phuong" : "xa")}_{Slug(commune)}_{Slug(province)}_{year}{(half ? "h2" : "")}_{index:D6}.txt";
        return (file, sb.ToString());
    }

    private void SixColumns(Action<string> L, List<Commitment> tasks, string u, int year, bool half)
    {
        L("TT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\tSản phẩm");
        int n = 0, roman = 0;
        foreach (var group in tasks.GroupBy(t => t.Area))
        {
            L($"{Roman(++roman)}\t{AreaTitles[int.Parse(group.Key)]}\t\t\t\t");
            foreach (var c in group)
                L($"{++n}\t{Reword(Pick(c.Variants), u, year)}\t{Pick(c.Leads)}\t{Pick(Supports)}\t{Deadline(year, half)}\t{c.Product}");
        }
    }

    private void EightColumns(Action<string> L, List<Commitment> tasks, string u, int year, bool half)
    {
        L("STT\tMục tiêu\tNhiệm vụ\tHoạt động\tKết quả/sản phẩm\tChủ trì\tPhối hợp\tThời gian");
        int roman = 0;
        foreach (var group in tasks.GroupBy(t => t.Area))
        {
            L($"{Roman(++roman)}\t{AreaTitles[int.Parse(group.Key)].ToUpperInvariant()}\t\t\t\t\t\t");
            int n = 0;
            foreach (var byObjective in group.GroupBy(c => c.Objective))
            {
                bool first = true;
                foreach (var c in byObjective)
                {
                    var activity = Reword(Pick(c.Variants), u, year);
                    var parent = c.Variants[0].Split(',')[0].Replace("{u}", u).Replace("{Y}", year.ToString());
                    L($"{(first ? (++n).ToString() : "")}\t{(first ? c.Objective : "")}\t{parent}\t{activity}\t{c.Product}\t{Pick(c.Leads)}\t{Pick(Supports)}\t{Deadline(year, half)}");
                    first = false;
                }
            }
        }
    }

    private string Reword(string text, string u, int year)
    {
        var s = text.Replace("{u}", u).Replace("{Y}", year.ToString());
        foreach (var (from, to) in Synonyms)
            if (_rng.Next(3) == 0 && s.Contains(from, StringComparison.Ordinal)) { s = s.Replace(from, to); break; }
        // Reordered clauses: "A, B và C; D" → swap the two halves around ';' sometimes.
        var semi = s.IndexOf("; ", StringComparison.Ordinal);
        if (semi > 0 && _rng.Next(3) == 0)
        {
            var b = s[(semi + 2)..];
            s = char.ToUpperInvariant(b[0]) + b[1..] + "; " + char.ToLowerInvariant(s[0]) + s[1..semi];
        }
        if (_rng.Next(4) == 0) s += Pick([" trên địa bàn", $" năm {year}", " theo quy định", " theo hướng dẫn của cấp trên"]);
        return s;
    }

    private string Deadline(int year, bool half) => _rng.Next(10) switch
    {
        0 => $"Tháng {(half ? 7 + _rng.Next(6) : 1 + _rng.Next(12))}/{year}",
        1 => $"Quý {Roman(half ? 3 + _rng.Next(2) : 1 + _rng.Next(4))}/{year}",
        2 => half ? $"Quý III-IV/{year}" : $"Quý II-III/{year}",
        3 => $"trước ngày {1 + _rng.Next(28):D2}/{(half ? 7 + _rng.Next(6) : 1 + _rng.Next(12)):D2}/{year}",
        4 or 5 => "Thường xuyên",
        6 => $"Cả năm {year}",
        7 => "Hằng quý",
        8 => "Theo hướng dẫn của Sở Nội vụ",
        _ => $"{year} - {year + 4}",
    };

    private static string Roman(int n) => n switch { 1 => "I", 2 => "II", 3 => "III", 4 => "IV", 5 => "V", 6 => "VI", 7 => "VII", _ => n.ToString() };

    private static string Slug(string s) => Text.VietnameseText.Fold(s).ToLowerInvariant().Replace(' ', '_');
}
