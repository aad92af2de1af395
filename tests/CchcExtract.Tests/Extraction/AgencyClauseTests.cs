using CchcExtract.Extraction;
using Shouldly;

namespace CchcExtract.Tests.Extraction;

public class AgencyClauseTests
{
    [Theory]
    [InlineData("Phòng Văn hóa - Xã hội chủ trì; Văn phòng HĐND và UBND xã phối hợp", "Phòng Văn hóa - Xã hội", "Văn phòng HĐND và UBND xã")]
    [InlineData("Chủ trì: Phòng Kinh tế. Phối hợp: Phòng Văn hóa - Xã hội", "Phòng Kinh tế", "Phòng Văn hóa - Xã hội")]
    [InlineData("Công an xã chủ trì", "Công an xã", null)]
    [InlineData("Đoàn kiểm tra công vụ của xã (Trưởng đoàn: Chủ tịch UBND xã)", "Đoàn kiểm tra công vụ của xã", null)]
    [InlineData("Phòng Kinh tế", "Phòng Kinh tế", null)]
    [InlineData("Chủ tịch UBND xã", "Chủ tịch UBND xã", null)]
    public void FromCell_RoleWords_SplitIntoLeadAndSupport(string cell, string lead, string? support)
    {
        var (l, s) = AgencyClause.FromCell(cell);
        l.ShouldBe(lead);
        s.ShouldBe(support);
    }

    [Fact]
    public void FromTask_Assignment_LeadSupportAndDeadline()
    {
        var a = AgencyClause.FromTask("Giao Công an xã chủ trì, phối hợp với Đoàn Thanh niên xã tuyên truyền pháp luật về phòng, chống tội phạm; thời gian thực hiện: thường xuyên.")
            .ShouldNotBeNull();
        a.Lead.ShouldBe("Công an xã");
        a.Support.ShouldBe("Đoàn Thanh niên xã");
        a.Deadline.ShouldBe("thường xuyên");
    }

    [Fact]
    public void FromTask_SupportListWithLowerCaseNouns_EndsAtTheVerb()
    {
        var a = AgencyClause.FromTask("Giao Trung tâm Phục vụ hành chính công xã chủ trì, phối hợp với các phòng, ban chuyên môn thực hiện:").ShouldNotBeNull();
        a.Support.ShouldBe("các phòng, ban chuyên môn");
        a.Rest.ShouldBe("thực hiện:");
    }

    [Fact]
    public void FromTask_NoAgency_OnlyTheDeadline()
    {
        var a = AgencyClause.FromTask("Số hóa 100% kết quả giải quyết thủ tục hành chính; thời gian hoàn thành: trước ngày 15/12/2026.").ShouldNotBeNull();
        a.Lead.ShouldBeNull();
        a.Deadline.ShouldBe("trước ngày 15/12/2026");
        AgencyClause.FromTask("Tăng cường kỷ luật, kỷ cương hành chính.").ShouldBeNull();
    }
}
