using CchcExtract.Repair;
using Shouldly;

namespace CchcExtract.Tests.Repair;

public class RepairTokenizerTests
{
    [Theory]
    [InlineData("3470/QD-UBND", TokenKind.Code)]
    [InlineData("45-NQ/TW", TokenKind.Code)]
    [InlineData("27/8/2025", TokenKind.Number)]
    [InlineData("2026", TokenKind.Number)]
    [InlineData("https://dichvucong.gov.vn", TokenKind.Url)]
    [InlineData("s6", TokenKind.Word)]
    [InlineData("x4y", TokenKind.Word)]
    public void Tokenize_SingleChunk_Kind(string chunk, TokenKind kind)
    {
        var t = RepairTokenizer.Tokenize(chunk);
        t.Count.ShouldBe(1);
        t[0].Kind.ShouldBe(kind);
    }

    [Theory]
    [InlineData("  - Thyc hién Quyét dinh s6 3470/QD-UBND ngay 27/8/2025 (cta Uy ban);  x4y dung…")]
    [InlineData("a) Muc tieu:\tbao dam 100% ho so \"dung han\".")]
    [InlineData("")]
    public void Tokenize_AnyLine_ConcatenatesBackToInput(string line) =>
        RepairTokenizer.Join(RepairTokenizer.Tokenize(line)).ShouldBe(line);

    [Fact]
    public void Tokenize_Punctuation_MarksContextBoundaries()
    {
        var t = RepairTokenizer.Tokenize("tinh gon, hieu luc");
        t.Where(x => x.Kind == TokenKind.Word).Select(x => x.Text).ShouldBe(["tinh", "gon", "hieu", "luc"]);
        t.Single(x => x.Text == ",").Boundary.ShouldBeTrue();
        t.Where(x => x.Text == " ").ShouldAllBe(x => !x.Boundary);
    }

    [Fact]
    public void Tokenize_RomanNumeral_Number()
    {
        var t = RepairTokenizer.Tokenize("quy III nam 2026, Phan IV");
        t.Where(x => x.Kind == TokenKind.Number).Select(x => x.Text).ShouldBe(["III", "2026", "IV"]);
        t.Where(x => x.Kind == TokenKind.Word).Select(x => x.Text).ShouldBe(["quy", "nam", "Phan"]);
    }

    [Fact]
    public void Tokenize_TableCellTab_MarksContextBoundary()
    {
        var t = RepairTokenizer.Tokenize("UBND phuong\tPhong Van hoa");
        t.Single(x => x.Text == "\t").Boundary.ShouldBeTrue();
        t.Where(x => x.Text == " ").ShouldAllBe(x => !x.Boundary);
    }

    [Theory]
    [InlineData("hoach", 0, "hoạch", "hoạch")]
    [InlineData("Ke", 1, "kế", "Kế")]
    [InlineData("HOACH", 2, "hoạch", "HOẠCH")]
    [InlineData("PiCH", 2, "đích", "ĐÍCH")]
    public void CasePattern_Word_RestoredOnRepair(string word, int pattern, string repaired, string expected)
    {
        RepairTokenizer.CasePattern(word).ShouldBe(pattern);
        RepairTokenizer.ApplyCase(repaired, pattern).ShouldBe(expected);
    }
}
