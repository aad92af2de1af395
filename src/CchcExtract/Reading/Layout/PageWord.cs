namespace CchcExtract.Reading.Layout;

/// <summary>One word on a page with its box (points for PDF, pixels for scans), the engine's confidence in [0,1] (1 for a text layer)
/// and the engine's own line id (<see cref="LineKey"/>, used to estimate skew).</summary>
public sealed record PageWord(int Page, double Left, double Top, double Right, double Bottom, string Text, double Confidence = 1, int LineKey = 0)
{
    /// <summary>Height of the box.</summary>
    public double Height => Bottom - Top;
    /// <summary>Vertical centre.</summary>
    public double MidY => (Top + Bottom) / 2;
}

/// <summary>A page's size, in the unit of its words.</summary>
public sealed record PageSize(int Page, double Width, double Height);

/// <summary>A line of reader output built from word boxes: text (table rows tab-separated), page, box, mean confidence.</summary>
public sealed record LayoutLine(string Text, int Page, Model.BoundingBox? Box, double Confidence);
