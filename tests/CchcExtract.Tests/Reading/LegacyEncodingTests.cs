using System.Text;
using CchcExtract.Reading;
using CchcExtract.Reading.Legacy;
using CchcExtract.Tests.Support;
using Shouldly;

namespace CchcExtract.Tests.Reading;

public class LegacyEncodingTests
{
    // Text written for these tests (not taken from any plan).
    private const string Sample =
        "Ủy ban nhân dân tỉnh Bình Định\n" +
        "Kế hoạch cải cách hành chính năm 2026\n" +
        "1. Rà soát, đơn giản hóa thủ tục hành chính; chủ trì: Sở Tư pháp; phối hợp: các sở, ngành.\n" +
        "2. Nâng cao chất lượng dịch vụ công trực tuyến, thời hạn: Quý IV năm 2026.\n" +
        "Đẩy mạnh ứng dụng công nghệ thông tin, xây dựng chính quyền số; khuyến khích người dân góp ý kiến.\n" +
        "Tiếp tục kiện toàn tổ chức bộ máy, tinh giản biên chế gắn với cơ cấu lại đội ngũ viên chức.";

    [Theory]
    [InlineData(LegacyEncoding.Tcvn3)]
    [InlineData(LegacyEncoding.Vni)]
    [InlineData(LegacyEncoding.Viscii)]
    [InlineData(LegacyEncoding.Windows1258)]
    public void Decode_EncodedSample_RoundTrips(LegacyEncoding encoding)
    {
        var bytes = LegacyCodec.Encode(Sample, encoding);
        var back = LegacyCodec.Decode(bytes, encoding);
        // TCVN3 has no capital toned letters: compare case-insensitively there.
        if (encoding == LegacyEncoding.Tcvn3) back.ToLowerInvariant().ShouldBe(Sample.ToLowerInvariant());
        else back.ShouldBe(Sample.Normalize(NormalizationForm.FormC));
    }

    [Theory]
    [InlineData(LegacyEncoding.Tcvn3)]
    [InlineData(LegacyEncoding.Vni)]
    [InlineData(LegacyEncoding.Viscii)]
    [InlineData(LegacyEncoding.Windows1258)]
    public void DetectBytes_LegacyFile_PicksEncoding(LegacyEncoding encoding)
    {
        var decoded = LegacyDetector.DetectBytes(LegacyCodec.Encode(Sample, encoding));
        decoded.ShouldNotBeNull();
        decoded.Encoding.ShouldBe(encoding);
        decoded.Text.ToLowerInvariant().ShouldBe(Sample.ToLowerInvariant());
    }

    [Fact]
    public void Tcvn3_KnownBytes_DecodeToStandardLetters()
    {
        // "Céng hoµ x· héi chñ nghÜa ViÖt Nam" is how TCVN3 bytes look in Windows-1252.
        var bytes = Encoding.Latin1.GetBytes("Céng hoµ x· héi chñ nghÜa ViÖt Nam");
        LegacyCodec.Decode(bytes, LegacyEncoding.Tcvn3).ShouldBe("Cộng hoà xã hội chủ nghĩa Việt Nam");
    }

    [Fact]
    public void Vni_KnownBytes_DecodeToStandardLetters()
    {
        var bytes = Encoding.Latin1.GetBytes("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam, ñòa phöông");
        LegacyCodec.Decode(bytes, LegacyEncoding.Vni).ShouldBe("Cộng hòa xã hội chủ nghĩa Việt Nam, địa phương");
    }

    [Theory]
    [InlineData(LegacyEncoding.Tcvn3)]
    [InlineData(LegacyEncoding.Vni)]
    public void FixMojibake_Utf8SavedLegacyText_Converts(LegacyEncoding encoding)
    {
        var mojibake = Encoding.Latin1.GetString(LegacyCodec.Encode(Sample, encoding));
        var fixedText = LegacyDetector.FixMojibake(mojibake);
        fixedText.Encoding.ShouldBe(encoding);
        fixedText.Text.ToLowerInvariant().ShouldBe(Sample.ToLowerInvariant());
    }

    [Fact]
    public void FixMojibake_GoodUnicode_Unchanged()
    {
        var r = LegacyDetector.FixMojibake(Sample);
        r.Encoding.ShouldBeNull();
        r.Text.ShouldBe(Sample);
    }

    [Theory]
    [InlineData(LegacyEncoding.Tcvn3)]
    [InlineData(LegacyEncoding.Vni)]
    [InlineData(LegacyEncoding.Viscii)]
    [InlineData(LegacyEncoding.Windows1258)]
    public void PlainTextReader_LegacyFile_ReadsUnicodeLines(LegacyEncoding encoding)
    {
        var path = Path.Combine(Path.GetTempPath(), $"cchc-legacy-{encoding}-{Guid.NewGuid():N}.txt");
        File.WriteAllBytes(path, LegacyCodec.Encode(Sample, encoding));
        try
        {
            var doc = new PlainTextReader().Read(path);
            doc.Lines.Count.ShouldBe(6);
            doc.Lines[3].Text.ToLowerInvariant().ShouldBe("2. nâng cao chất lượng dịch vụ công trực tuyến, thời hạn: quý iv năm 2026.");
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void PlainTextReader_RandomHighBytes_RefusedClearly()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cchc-bad-{Guid.NewGuid():N}.txt");
        var rnd = new Random(7);
        var bytes = new byte[3000];
        for (int i = 0; i < bytes.Length; i++) bytes[i] = (byte)(i % 5 == 0 ? ' ' : rnd.Next(0x80, 0x100));
        File.WriteAllBytes(path, bytes);
        try
        {
            var e = Should.Throw<DocumentReadException>(() => new PlainTextReader().Read(path));
            e.Problem.ShouldContain("invalid UTF-8");
        }
        finally { File.Delete(path); }
    }

    [Theory]
    [InlineData("hoàn", true)]
    [InlineData("nghiêng", true)]
    [InlineData("khuyến", true)]
    [InlineData("quyết", true)]
    [InlineData("héi", false)]
    [InlineData("chñ", false)]
    [InlineData("nghÜa", false)]
    public void IsSyllable_Words_Classified(string word, bool expected) =>
        VietnameseSyllables.IsSyllable(word).ShouldBe(expected);
}

public class LegacyDetectionOnRealTextTests
{
    [SharedFact]
    public void FixMojibake_RealUnicodeCorpus_NeverConverts()
    {
        var files = Directory.GetFiles(Path.Combine(CchcExtract.Tests.Support.Shared.Dir!, "corpora", "vietnamese-laws"), "*", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Path.Combine(CchcExtract.Tests.Support.Shared.Dir!, "seeds"), "*.txt")).ToList();
        files.Count.ShouldBeGreaterThan(5);
        foreach (var f in files)
            LegacyDetector.FixMojibake(File.ReadAllText(f)).Encoding.ShouldBeNull(f);
    }

    [SharedFact]
    public void DetectBytes_SeedInTcvn3_RecoversSeed()
    {
        var text = new string(File.ReadAllText(CchcExtract.Tests.Support.Shared.Seed("001")).Normalize(NormalizationForm.FormC)
            .Select(c => LegacyCodec.CanEncode(c, LegacyEncoding.Tcvn3) ? c : '?').ToArray());
        var decoded = LegacyDetector.DetectBytes(LegacyCodec.Encode(text, LegacyEncoding.Tcvn3));
        decoded.ShouldNotBeNull();
        decoded.Encoding.ShouldBe(LegacyEncoding.Tcvn3);
        decoded.Text.ToLowerInvariant().ShouldBe(text.Normalize(NormalizationForm.FormC).ToLowerInvariant());
    }
}
