using CchcExtract.Model;
using CchcExtract.Repair;
using CchcExtract.Text;

namespace CchcExtract.Pipeline;

/// <summary>Applies a line repairer to a text document, keeping each raw line for provenance.</summary>
public static class RepairStage
{
    /// <summary>Repairs every line the repairer changes; raw text stays in <see cref="SourceLine.Raw"/>.</summary>
    public static TextDocument Apply(TextDocument doc, ILineRepairer repairer)
    {
        var lines = doc.Lines.Select(l =>
        {
            if (string.IsNullOrWhiteSpace(l.Text)) return l;
            var r = repairer.Repair(l.Text);
            return r.Changed ? l with { Text = VietnameseText.Normalize(r.Text), RepairConfidence = r.Confidence } : l;
        }).ToList();
        return doc with { Lines = lines };
    }
}
