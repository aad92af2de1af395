using System.Text.RegularExpressions;

namespace CchcExtract.Extraction;

/// <summary>Finds numeric targets in a text: <c>100%</c>, <c>tối thiểu 95%</c>, <c>từ 80% trở lên</c>.</summary>
public static partial class Targets
{
    [GeneratedRegex(@"(?:(?:tối thiểu|ít nhất|từ|đạt|trên|dưới|không quá|tối đa)\s+)?\d{1,3}(?:[.,]\d+)?\s?%(?:\s+trở lên)?", RegexOptions.IgnoreCase)]
    private static partial Regex TargetRx();

    /// <summary>All distinct targets in order of appearance.</summary>
    public static IReadOnlyList<string> Find(string text) =>
        TargetRx().Matches(text).Select(m => m.Value.Trim()).Distinct().ToList();
}
