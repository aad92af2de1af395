using CchcExtract.Model;
using CchcExtract.Segmentation;

namespace CchcExtract.Extraction;

/// <summary>
/// Builds the <see cref="PlanDocument"/> from a segmented document: metadata, outline, paragraphs
/// and task records. A plan with an appendix yields its appendix rows as tasks; a plan without one
/// yields its body tasks and agency duties.
/// </summary>
public static class PlanExtractor
{
    /// <summary>Extracts everything from <paramref name="seg"/>.</summary>
    public static PlanDocument Extract(SegmentedDocument seg)
    {
        var metadata = MetadataExtractor.Extract(seg);
        var sections = seg.Items
            .Where(i => i.Kind is not (MarkerKind.None or MarkerKind.Dash or MarkerKind.Plus) || i.Children.Count > 0)
            .Select(i => new Section(i.Path, i.Marker, i.Kind, i.Level, i.Text, i.Source))
            .ToList();
        var paragraphs = seg.Items.Select(i => new Paragraph(i.ParentPath, i.Text, i.Source)).ToList();
        int? year = metadata.Period is { } p && p.Start.Year == p.End.Year ? p.Start.Year : null;
        var appendix = seg.Tables.SelectMany(t => AppendixTaskExtractor.Extract(t, year)).ToList();
        var tasks = appendix.Count > 0
            ? appendix
            : BodyTaskExtractor.Tasks(seg, year).Concat(BodyTaskExtractor.Duties(seg)).ToList();
        return new PlanDocument(seg.Source, metadata, sections, paragraphs, tasks);
    }
}
