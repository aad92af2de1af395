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
