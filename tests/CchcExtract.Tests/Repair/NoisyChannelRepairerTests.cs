using System.Diagnostics;
using CchcExtract.Repair;
using CchcExtract.Tests.Support;
using Shouldly;

namespace CchcExtract.Tests.Repair;

/// <summary>Behaviour of the committed model (models/repair.bin) on sentences written for these tests.</summary>
public class NoisyChannelRepairerTests
{
    private static readonly NoisyChannelRepairer R = new(RepairModel.LoadDefaultModel());

    [Fact]
    public void Load_CommittedModel_UnderOneSecond()
    {
        var path = RepairModel.FindDefaultPath();
        path.ShouldNotBeNull();
        var sw = Stopwatch.StartNew();
        var m = RepairModel.Load(path);
        sw.Elapsed.TotalSeconds.ShouldBeLessThan(1.0);
        m.Lm.TrigramCount.ShouldBeGreaterThan(10_000);
        new FileInfo(path).Length.ShouldBeLessThan(50L * 1024 * 1024);
    }

    [Theory]
    [InlineData("Uy ban nhan dan xa ban hanh ke hoach cai cach hanh chinh nam 2026.",
                "Ủy ban nhân dân xã ban hành kế hoạch cải cách hành chính năm 2026.")]
    [InlineData("Nang cao chat luong phuc vu nguoi dan va doanh nghiep.",
                "Nâng cao chất lượng phục vụ người dân và doanh nghiệp.")]
    [InlineData("Day manh chuyen doi so trong co quan nha nuoc.",
                "Đẩy mạnh chuyển đổi số trong cơ quan nhà nước.")]
    public void Repair_StrippedSentence_DiacriticsRestored(string input, string expected) =>
        R.Repair(input).Text.ShouldBe(expected);

    [Fact]
    public void Repair_EnglishOcrLine_WordsAndCodeFixed()
    {
        var r = R.Repair("Thyc hién Quyét dinh s6 3470/QD-UBND ngay 27/8/2025 cta Uy ban", RepairMode.Ocr);
        r.Text.ShouldBe("Thực hiện Quyết định số 3470/QĐ-UBND ngày 27/8/2025 của Ủy ban");
        r.Changed.ShouldBeTrue();
        r.Confidence.ShouldBeInRange(0.0, 1.0);
    }

    [Theory]
    [InlineData("Thực hiện Kế hoạch số 12/KH-UBND, rà soát thủ tục hành chính trước ngày 30/6/2026.")]
    [InlineData("UBND xã chủ trì, phối hợp với các ban, ngành; nâng Chỉ số PAR Index, SIPAS, PCI.")]
    [InlineData("Cổng dịch vụ công: https://dichvucong.gov.vn (100% hồ sơ trực tuyến)")]
    [InlineData("UBND, HĐND, PAR Index 2025")]
    public void Repair_CleanLine_Unchanged(string line)
    {
        var r = R.Repair(line);
        r.Text.ShouldBe(line);
        r.Changed.ShouldBeFalse();
        r.Confidence.ShouldBe(1.0);
    }

    [Fact]
    public void Repair_StrippedLine_KeepsLayoutCodesAcronymsAndCase()
    {
        var r = R.Repair("  KE HOACH  so 15/KH-UBND:   UBND xa,  HDND  (PAR Index)…  ");
        r.Text.ShouldBe("  KẾ HOẠCH  số 15/KH-UBND:   UBND xã,  HĐND  (PAR Index)…  ");
    }

    [Fact]
    public void Repair_ListMarkers_Kept()
    {
        R.Repair("b) To chuc thuc hien").Text.ShouldBe("b) Tổ chức thực hiện");
        R.Repair("c) Ra soat thu tuc hanh chinh").Text.ShouldStartWith("c) ");
    }

    [Fact]
    public void Repair_OcrTokensNeverSeenInTraining_CharacterChannelRepairs()
    {
        foreach (var unseen in new[] { "tr4ch", "nhi€m", "dtmg" }) R.Model.Confusions.ContainsKey(unseen).ShouldBeFalse(unseen);
        R.Repair("nang cao tr4ch nhi€m cta ngudi dtmg dau", RepairMode.Ocr).Text.ShouldBe("nâng cao trách nhiệm của người đứng đầu");
    }

    [Fact]
    public void Repair_LatinWordsInDamagedLine_Kept()
    {
        R.Repair("Tuyén truyén qua Zalo, Facebook, website va email cta x4; ho tro online, Internet", RepairMode.Ocr).Text
            .ShouldBe("Tuyên truyền qua Zalo, Facebook, website và email của xã; hỗ trợ online, Internet");
    }

    [Fact]
    public void RepairDocument_StrippedPlan_LoneConsonantsKeptAndHeadingNameFollowsText()
    {
        string[] lines =
        [
            "UY BAN NHAN DAN PHUONG THACH HA",
            "Uy ban nhan dan phuong Thach Ha ban hanh ke hoach cai cach hanh chinh nam 2026.",
            "Noi nhan:",
            "- UBND Thanh pho (b/c);",
            "- Luu: VT, x.",
        ];
        var r = R.RepairDocument(lines);
        r[1].Text.ShouldBe("Ủy ban nhân dân phường Thạch Hà ban hành kế hoạch cải cách hành chính năm 2026.");
        // The heading alone reads "THÁCH HẠ"; the document's own reading of the name wins.
        R.Repair(lines[0], RepairMode.Stripped).Text.ShouldNotBe("ỦY BAN NHÂN DÂN PHƯỜNG THẠCH HÀ");
        r[0].Text.ShouldBe("ỦY BAN NHÂN DÂN PHƯỜNG THẠCH HÀ");
        r[3].Text.ShouldBe("- UBND Thành phố (b/c);");
        r[4].Text.ShouldBe("- Lưu: VT, x.");
    }

    [Fact]
    public void RepairDocument_StrippedTableRows_CellsDecodedApart()
    {
        string[] lines =
        [
            "Ke hoach cai cach hanh chinh cua phuong nam 2026",
            "1\tRa soat thu tuc hanh chinh\tVan phong HDND va UBND phuong\tPhong Van hoa - Xa hoi\tTrong thang 3/2026",
        ];
        R.RepairDocument(lines)[1].Text
            .ShouldBe("1\tRà soát thủ tục hành chính\tVăn phòng HĐND và UBND phường\tPhòng Văn hóa - Xã hội\tTrong tháng 3/2026");
    }

    [Fact]
    public void CapitalShare_NameSyllableVersusCommonWord_NameHigher()
    {
        var m = R.Model;
        m.CapitalShare[m.IdOf("tân")].ShouldBeGreaterThan(m.CapitalShare[m.IdOf("tán")]);
        m.CapitalShare[m.IdOf("hà")].ShouldBeGreaterThan(m.CapitalShare[m.IdOf("hạ")]);
        m.CapitalShare[m.IdOf("của")].ShouldBeLessThan(-3);
    }

    [SharedFact]
    public void RepairDocument_StrippedPlansNeverTrainedOn_AtLeast985Percent()
    {
        var files = new[] { "blind", "blind2" }.SelectMany(d => Directory.GetFiles(Shared.Corpus(d), "*.txt")).Order().ToList();
        files.Count.ShouldBeGreaterThanOrEqualTo(10);
        RepairEvaluator.Stripped(R, files).Value.ShouldBeGreaterThanOrEqualTo(0.985);
    }

    [Theory]
    [InlineData("Ra soat thu tuc hanh chinh cua xa", RepairMode.Stripped)]
    [InlineData("Thyc hién ra soat thi tuc hanh chinh ctia x4", RepairMode.Ocr)]
    [InlineData("Rà soát thủ tục hành chính của xã", RepairMode.None)]
    [InlineData("UBND, HĐND và Sở Nội vụ, TTHC năm 2025", RepairMode.None)]
    public void Decide_Line_Mode(string line, RepairMode expected) =>
        RepairDecision.Decide(R.Model, line).ShouldBe(expected);

    [SharedFact]
    public void RepairDocument_Seed003GoldLines_AtLeast92Percent()
    {
        var (raw, repaired, lines) = RepairEvaluator.Gold(R, Shared.Corpus("repair", "003.gold.txt"), Shared.Seed("003"));
        lines.ShouldBeGreaterThanOrEqualTo(60);
        raw.Value.ShouldBeLessThan(0.3);
        repaired.Value.ShouldBeGreaterThanOrEqualTo(0.92);
    }

    [SharedFact]
    public void RepairDocument_StrippedHeldOutPlans_AtLeast985Percent() =>
        RepairEvaluator.Stripped(R, RepairCorpus.Seeds(Shared.Dir!, RepairCorpus.HeldOutSeeds)).Value.ShouldBeGreaterThanOrEqualTo(0.985);

    [SharedFact]
    public void RepairDocument_CleanHeldOutPlans_AtLeast995PercentUnchanged() =>
        RepairEvaluator.Clean(R, RepairCorpus.Seeds(Shared.Dir!, RepairCorpus.HeldOutSeeds)).Value.ShouldBeGreaterThanOrEqualTo(0.995);

    [SharedFact]
    public void DocumentMode_Seeds_OcrForScanNoneForCleanPlans()
    {
        var m = RepairModel.LoadDefaultModel();
        RepairDecision.DocumentMode(m, File.ReadAllLines(Shared.Seed("003"))).ShouldBe(RepairMode.Ocr);
        foreach (var s in new[] { "000", "001", "002", "004" })
            RepairDecision.DocumentMode(m, File.ReadAllLines(Shared.Seed(s))).ShouldBe(RepairMode.None);
    }
}
