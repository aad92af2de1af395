namespace CchcExtract.Model;

/// <summary>A rectangle on a page image, in pixels (scans) or points (PDF).</summary>
public readonly record struct BoundingBox(double Left, double Top, double Width, double Height);

/// <summary>
/// Where a piece of text came from: the source file, its 1-based line in the text the reader
/// produced, and (for paged formats) the 1-based page and the box on it.
/// </summary>
public readonly record struct SourceRef(string File, int Line, int? Page = null, BoundingBox? Box = null)
{
    /// <inheritdoc/>
    public override string ToString() => Page is { } p ? $"{File}:p{p}:{Line}" : $"{File}:{Line}";
}
