using CchcExtract.Model;

namespace CchcExtract.Segmentation;

/// <summary>
/// One logical item of the body: a heading, a numbered or bulleted item, or a plain paragraph,
/// with its wrapped continuation lines already joined.
/// </summary>
/// <param name="Kind">Marker kind.</param>
/// <param name="Marker">Marker as printed (<c>II</c>, <c>1.2</c>, <c>b</c>), empty for bullets and paragraphs.</param>
/// <param name="Text">Item text without the marker and markup.</param>
/// <param name="Path">Section path of the item itself (<c>II/1/a</c>; bullets get <c>-1</c>, <c>-2</c>… ).</param>
/// <param name="ParentPath">Path of the heading that contains it ("" at top level).</param>
/// <param name="Level">Depth in the outline, 1 = top.</param>
/// <param name="Emphasised">The line was bold or a Markdown heading.</param>
/// <param name="Source">First line of the item.</param>
public sealed record OutlineItem(MarkerKind Kind, string Marker, string Text, string Path, string ParentPath, int Level, bool Emphasised, SourceRef Source)
{
    /// <summary>Items nested directly under this one (filled by the segmenter).</summary>
    public List<OutlineItem> Children { get; init; } = [];
}

/// <summary>The header row of an appendix table and the column each role sits in (-1 when absent).</summary>
public sealed record TableColumns(IReadOnlyList<string> Header, int Number, int Objective, int Task, int Activity, int Product, int Lead, int Support, int Deadline)
{
    /// <summary>True for the multi-level layout (objective → task → activity rows).</summary>
    public bool IsMultiLevel => Activity >= 0;

    /// <summary>A second time column giving the end (<c>Thời gian kết thúc</c>) when <see cref="Deadline"/> gives the start; -1 when absent.</summary>
    public int DeadlineEnd { get; init; } = -1;

    /// <summary>Column holding the text of each record: the activity when present, else the task.</summary>
    public int RecordText => Activity >= 0 ? Activity : Task;
}

/// <summary>What a logical table row is.</summary>
public enum TableRowKind
{
    /// <summary>A reform-area section row (<c>I  CẢI CÁCH THỂ CHẾ</c>).</summary>
    Section,
    /// <summary>A numbered group heading with no activity of its own.</summary>
    Group,
    /// <summary>A record row.</summary>
    Record,
}

/// <summary>
/// A logical appendix row after page-break repair: repeated headers dropped, continuation
/// fragments joined onto the cells they continue, shifted rows realigned. Cells are markup-free.
/// </summary>
public sealed record TableRow(TableRowKind Kind, IReadOnlyList<string> Cells, SourceRef Source);

/// <summary>An appendix table.</summary>
public sealed record AppendixTable(TableColumns Columns, IReadOnlyList<TableRow> Rows, SourceRef Source);

/// <summary>The output of segmentation.</summary>
/// <param name="Source">The text document.</param>
/// <param name="HeaderLines">Lines before the body (plan header: unit, number, date, title, legal bases).</param>
/// <param name="Items">Body items in reading order (tree via <see cref="OutlineItem.Children"/>; roots have Level 1).</param>
/// <param name="Tables">Appendix tables.</param>
/// <param name="TrailerLines">Signature block and recipients ("Nơi nhận").</param>
public sealed record SegmentedDocument(
    TextDocument Source,
    IReadOnlyList<SourceLine> HeaderLines,
    IReadOnlyList<OutlineItem> Items,
    IReadOnlyList<AppendixTable> Tables,
    IReadOnlyList<SourceLine> TrailerLines);
