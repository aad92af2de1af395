using CchcExtract.Repair;
using Shouldly;

namespace CchcExtract.Tests.Repair;

public class SyllableLmTests
{
    // A toy vocabulary: ids 0..3 are the specials, then these words.
    private static readonly string[] Words = ["<unk>", "<s>", "</s>", "<num>", "cải", "cách", "hành", "chính", "cái", "cạch", "nhà", "nước"];

    private static SyllableLm Toy(int minTrigram = 1)
    {
        var b = new SyllableLmBuilder(Words.Length);
        int Id(string w) => Array.IndexOf(Words, w);
        foreach (var s in new[] { "cải cách hành chính", "cải cách hành chính nhà nước", "nhà nước", "cái cạch", "hành chính nhà nước" })
            b.Add(s.Split(' ').Select(Id).ToArray());
        return b.Build(minTrigram);
    }

    [Fact]
    public void Score_SeenTrigram_BeatsUnseenAlternative()
    {
        var lm = Toy();
        lm.Score(4, 5, 6).ShouldBeGreaterThan(lm.Score(4, 9, 6)); // cải cách hành  >  cải cạch hành
        lm.Score(SyllableLm.Bos, 4).ShouldBeGreaterThan(lm.Score(SyllableLm.Bos, 9)); // sentence starts with cải, not cạch
    }

    [Fact]
    public void Score_AnyContext_DistributionSumsToAboutOne()
    {
        var lm = Toy();
        foreach (var (a, b) in new[] { (4, 5), (6, 7), (10, 11), (8, 9) })
        {
            double sum = 0;
            for (int w = 0; w < Words.Length; w++) if (w != SyllableLm.Bos) sum += Math.Exp(lm.Score(a, b, w));
            sum.ShouldBeInRange(0.9, 1.1);
        }
    }

    [Fact]
    public void WriteRead_RoundTrip_SameScores()
    {
        var lm = Toy();
        using var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms, System.Text.Encoding.UTF8, leaveOpen: true)) lm.Write(w);
        ms.Position = 0;
        var back = SyllableLm.Read(new BinaryReader(ms));
        back.Score(4, 5, 6).ShouldBe(lm.Score(4, 5, 6), 1e-3);
        back.Score(10, 11, SyllableLm.Eos).ShouldBe(lm.Score(10, 11, SyllableLm.Eos), 1e-3);
    }
}
