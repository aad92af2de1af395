using CchcExtract.Reading.Ocr;
using Shouldly;

namespace CchcExtract.Tests.Reading;

public class QuarterNumeralTests
{
    [Theory]
    [InlineData("Phòng Kinh tế\tQuý IH-IV/2025", "Phòng Kinh tế\tQuý III-IV/2025")]
    [InlineData("Quý IIH-IV/2025", "Quý III-IV/2025")]
    [InlineData("Quý 11/2026", "Quý II/2026")]
    [InlineData("Quý 1V/2026", "Quý IV/2026")]
    [InlineData("Quý 1/2026", "Quý 1/2026")]          // a lone digit 1 is also how quarters are written
    [InlineData("Quý II-IV/2025", "Quý II-IV/2025")]  // readable numerals are left alone
    [InlineData("Hoàn thành 11 hồ sơ", "Hoàn thành 11 hồ sơ")]
    public void QuarterNumeralsInText_MisreadNumeralAfterQuy_Restored(string line, string expected) =>
        TesseractOcr.QuarterNumeralsInText(line).ShouldBe(expected);
}
