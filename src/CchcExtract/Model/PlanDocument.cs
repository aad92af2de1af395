namespace CchcExtract.Model;

/// <summary>
/// A fully processed plan: header metadata, outline, body paragraphs and extracted task records,
/// plus the text document they were read from (for provenance).
/// </summary>
public sealed record PlanDocument(
    TextDocument Source,
    DocumentMetadata Metadata,
    IReadOnlyList<Section> Sections,
    IReadOnlyList<Paragraph> Paragraphs,
    IReadOnlyList<TaskRecord> Tasks)
{
    /// <summary>The source file name.</summary>
    public string FileName => Source.FileName;
}
