namespace CchcExtract.Model;

/// <summary>How a section heading or list item is numbered.</summary>
public enum MarkerKind
{
    /// <summary>No marker: a plain paragraph.</summary>
    None,
    /// <summary>Roman numeral: <c>I.</c>, <c>II.</c></summary>
    Roman,
    /// <summary>Arabic: <c>1.</c></summary>
    Arabic,
    /// <summary>Dotted arabic: <c>1.1.</c>, <c>2.2</c></summary>
    Dotted,
    /// <summary>Letter: <c>a)</c>, <c>đ)</c></summary>
    Letter,
    /// <summary>Dash bullet: <c>-</c></summary>
    Dash,
    /// <summary>Plus bullet: <c>+</c></summary>
    Plus,
    /// <summary>A part above Roman sections: <c>A.</c>, <c>B.</c>, <c>Phần thứ hai</c>.</summary>
    Part,
}

/// <summary>
/// A node of the document outline. <see cref="Path"/> joins the numbers of its ancestors:
/// <c>II/1/1.2</c>. Headings have a title; bullets and lettered items are leaves whose text is the item.
/// </summary>
/// <param name="Path">Section path, e.g. <c>III/3/b</c>.</param>
/// <param name="Marker">The number as printed (<c>III</c>, <c>1.2</c>, <c>b</c>), empty for bullets.</param>
/// <param name="Kind">Marker kind.</param>
/// <param name="Level">Depth in the tree, 1 = top.</param>
/// <param name="Title">Heading text or item text, markup removed.</param>
/// <param name="Source">Where it starts.</param>
public sealed record Section(string Path, string Marker, MarkerKind Kind, int Level, string Title, SourceRef Source);

/// <summary>A paragraph of body text, with the path of the section it belongs to.</summary>
public sealed record Paragraph(string SectionPath, string Text, SourceRef Source);
