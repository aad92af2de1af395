using CchcExtract.Model;
using CchcExtract.Repair;
using CchcExtract.Text;

namespace CchcExtract.Pipeline;

/// <summary>Applies a line repairer to a text document, keeping each raw line for provenance.</summary>
public static class RepairStage
{
    /// <summary>
    /// Repairs the document's lines (the repairer decides per document whether they need it); a
    /// changed line gets the repaired text and its confidence, and keeps the raw text in
    /// <see cref="SourceLine.Raw"/>. An unchanged document is returned as it is.
    /// </summary>
    public static TextDocument Apply(TextDocument doc, ILineRepairer repairer)
    {
        var repaired = repairer.RepairDocument(doc.Lines.Select(l => l.Text).ToList());
        if (!repaired.Any(r => r.Changed)) return doc;
        var lines = doc.Lines.Select((l, i) => repaired[i].Changed
            ? l with { Text = VietnameseText.Normalize(repaired[i].Text), RepairConfidence = repaired[i].Confidence }
            : l).ToList();
        return doc with { Lines = lines };
    }
}
