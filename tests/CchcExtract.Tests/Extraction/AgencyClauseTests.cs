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

    [Fact]
    public void FromTask_RolesInClosingBrackets_LeadSupportDeadline()
    {
        var a = AgencyClause.FromTask("- Rà soát danh mục văn bản (Cơ quan chủ trì: Văn phòng HĐND và UBND xã; cơ quan phối hợp: Hội Nông dân xã, các ấp; thời gian: Thường xuyên).")
            .ShouldNotBeNull();
        (a.Lead, a.Support, a.Deadline, a.Task).ShouldBe(("Văn phòng HĐND và UBND xã", "Hội Nông dân xã, các ấp", "Thường xuyên", null));
    }

    [Fact]
    public void FromTask_LabelledFields_TaskIsTheContent()
    {
        var a = AgencyClause.FromTask("Nội dung: Rà soát thủ tục hành chính; Chủ trì: Phòng Kinh tế; Phối hợp: không; Thời hạn: Quý I/2026.").ShouldNotBeNull();
        (a.Task, a.Lead, a.Support, a.Deadline).ShouldBe(("Rà soát thủ tục hành chính", "Phòng Kinh tế", null, "Quý I/2026"));
    }

    [Fact]
    public void FromTask_AssignmentInALaterClause_Found()
    {
        var a = AgencyClause.FromTask("Tổ chức tuyên truyền pháp luật tại các bản; công chức Tư pháp - Hộ tịch chủ trì, phối hợp với Công an xã; thời gian: Thường xuyên.")
            .ShouldNotBeNull();
        (a.Lead, a.Support, a.Deadline).ShouldBe(("công chức Tư pháp - Hộ tịch", "Công an xã", "Thường xuyên"));
    }

    [Fact]
    public void FromTask_AgencyDoesTheFollowing_LeadIn()
    {
        var a = AgencyClause.FromTask("Bộ phận Tiếp nhận và trả kết quả xã thực hiện:").ShouldNotBeNull();
        a.Lead.ShouldBe("Bộ phận Tiếp nhận và trả kết quả xã");
        a.Rest.ShouldBe("thực hiện:");
    }

    [Fact]
    public void FromFields_FieldLinesUnderATask_LeadSupportDeadlineProduct()
    {
        string[] lines = ["- Cơ quan chủ trì: Phòng Kinh tế.", "- Cơ quan phối hợp: Trung tâm Phục vụ hành chính công xã.", "- Thời gian thực hiện: Quý II/2026.", "- Sản phẩm: Báo cáo rà soát."];
        lines.ShouldAllBe(l => AgencyClause.IsField(l));
        AgencyClause.IsField("- Rà soát thủ tục hành chính: lĩnh vực đất đai").ShouldBeFalse();
        var a = AgencyClause.FromFields(lines).ShouldNotBeNull();
        (a.Lead, a.Support, a.Deadline, a.Product).ShouldBe(("Phòng Kinh tế", "Trung tâm Phục vụ hành chính công xã", "Quý II/2026", "Báo cáo rà soát"));
    }

    [Fact]
    public void FromTask_DoersSentenceWithRoleMarks_LeadSupportDeadline()
    {
        var a = AgencyClause.FromTask("Rà soát quy trình nội bộ. Đơn vị thực hiện: Phòng Kinh tế (chủ trì), Văn phòng HĐND và UBND xã, Công an xã (phối hợp). Thời hạn: Quý II/2026.")
            .ShouldNotBeNull();
        (a.Lead, a.Support, a.Deadline).ShouldBe(("Phòng Kinh tế", "Văn phòng HĐND và UBND xã, Công an xã", "Quý II/2026"));
    }

    [Fact]
    public void FromTask_BracketFieldsSeparatedByCommas_Split()
    {
        var a = AgencyClause.FromTask("Số hóa hồ sơ (Chủ trì: Trung tâm Phục vụ hành chính công, phối hợp: Công an, các tổ dân phố, thời gian: Quý I/2025)").ShouldNotBeNull();
        (a.Lead, a.Support, a.Deadline).ShouldBe(("Trung tâm Phục vụ hành chính công", "Công an, các tổ dân phố", "Quý I/2025"));
    }
}
