using CchcExtract.Text;
using Shouldly;

namespace CchcExtract.Tests.Text;

public class VietnameseTextTests
{
    [Theory]
    [InlineData("hoá", "hóa")]
    [InlineData("Thuỷ Nguyên", "Thủy Nguyên")]
    [InlineData("khoẻ", "khỏe")]
    [InlineData("xã hội hoá", "xã hội hóa")]
    [InlineData("HOÁ", "HÓA")]
    [InlineData("hoàn thành", "hoàn thành")]
    [InlineData("quý", "quý")]
    [InlineData("người", "người")]
    [InlineData("thuyết", "thuyết")]
    [InlineData("ngoài", "ngoài")]
    [InlineData("giữa", "giữa")]
    [InlineData("3470/QĐ-UBND", "3470/QĐ-UBND")]
    public void Normalize_ToneConventions_Traditional(string input, string expected) =>
        VietnameseText.Normalize(input).ShouldBe(expected);

    [Fact]
    public void Normalize_DecomposedInput_BecomesNfc()
    {
        var nfd = "Ủy ban".Normalize(System.Text.NormalizationForm.FormD);
        VietnameseText.Normalize(nfd).ShouldBe("Ủy ban");
    }

    [Theory]
    [InlineData("Ủy ban nhân dân xã Đại Sơn", "uy ban nhan dan xa dai son")]
    [InlineData("Khảo sát sự hài lòng", "khao sat su hai long")]
    public void Fold_RemovesDiacriticsAndDStroke(string input, string expected) =>
        VietnameseText.Fold(input).ShouldBe(expected);
}
