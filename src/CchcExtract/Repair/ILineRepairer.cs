namespace CchcExtract.Repair;

/// <summary>The repaired form of one line and how sure the repairer is.</summary>
/// <param name="Text">Repaired text; same spacing and punctuation as the input.</param>
/// <param name="Confidence">Mean confidence over changed tokens, 1.0 when nothing changed.</param>
/// <param name="Changed">True when any token changed.</param>
public sealed record RepairedLine(string Text, double Confidence, bool Changed);

/// <summary>
/// Restores diacritics and undoes OCR damage in a line of Vietnamese text
/// (<c>Thyc hién Quyét dinh s6</c> → <c>Thực hiện Quyết định số</c>).
/// </summary>
public interface ILineRepairer
{
    /// <summary>Repairs one line, keeping its layout (spacing, punctuation, case pattern).</summary>
    RepairedLine Repair(string line);

    /// <summary>
    /// Repairs a whole document. Implementations may decide over all lines at once whether and how
    /// to repair (a scan damaged throughout is repaired line by line even where a line looks valid);
    /// the default repairs each line alone.
    /// </summary>
    IReadOnlyList<RepairedLine> RepairDocument(IReadOnlyList<string> lines) => lines.Select(Repair).ToList();
}
