namespace CchcExtract.Model;

/// <summary>Where a task record was found.</summary>
public enum TaskOrigin
{
    /// <summary>A row of an appendix table (Phụ lục).</summary>
    AppendixRow,
    /// <summary>A bullet or lettered item under a "Nhiệm vụ" heading in the body.</summary>
    BodyTask,
    /// <summary>A duty listed for an agency under "Tổ chức thực hiện" / "Phân công trách nhiệm".</summary>
    AgencyDuty,
}

/// <summary>
/// One extracted commitment: what is to be done, by whom, with whom, by when, producing what.
/// </summary>
public sealed record TaskRecord
{
    /// <summary>Number as printed (<c>14</c>, <c>3.2</c>), empty when the row has none.</summary>
    public string Number { get; init; } = "";
    /// <summary>The task text (for 8-column appendices, the activity — Hoạt động).</summary>
    public required string Text { get; init; }
    /// <summary>Objective (Mục tiêu) the task serves, when the table has that column.</summary>
    public string? Objective { get; init; }
    /// <summary>Parent task (Nhiệm vụ) when the table separates tasks from activities.</summary>
    public string? ParentTask { get; init; }
    /// <summary>Lead agency (cơ quan chủ trì).</summary>
    public AgencyRef? Lead { get; init; }
    /// <summary>Co-operating agencies (cơ quan phối hợp), one entry per agency.</summary>
    public IReadOnlyList<AgencyRef> Support { get; init; } = [];
    /// <summary>Deadline (thời gian hoàn thành).</summary>
    public Deadline Deadline { get; init; } = Deadline.None;
    /// <summary>Expected product or result (sản phẩm / kết quả).</summary>
    public string? Product { get; init; }
    /// <summary>Numeric targets stated in the task or its objective (<c>100%</c>, <c>tối thiểu 95%</c>).</summary>
    public IReadOnlyList<string> Targets { get; init; } = [];
    /// <summary>Reform area the task belongs to.</summary>
    public ReformArea Area { get; init; }
    /// <summary>Section path in the outline (<c>III/3</c>), or the appendix section (<c>Phụ lục/II</c>).</summary>
    public string SectionPath { get; init; } = "";
    /// <summary>Where it was found.</summary>
    public TaskOrigin Origin { get; init; }
    /// <summary>Source file and first line.</summary>
    public required SourceRef Source { get; init; }
}
