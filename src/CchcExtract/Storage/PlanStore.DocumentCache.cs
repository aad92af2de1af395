using System.Globalization;
using CchcExtract.Text;

namespace CchcExtract.Storage;

public sealed partial class PlanStore
{
    /// <summary>The fields of one document that facets count (keys folded for grouping, labels as printed).</summary>
    private sealed record DocumentFacetValues(
        string? ProvinceKey, string? Province, string? CommuneKey, string? Commune, string UnitLevel,
        int? FirstYear, int? LastYear, string DocumentTypeKey, string DocumentType);

    // Facet fields by document id, filled on demand. Valid while the database is unchanged: cleared on
    // our own imports and when PRAGMA data_version shows another connection committed.
    private readonly Dictionary<long, DocumentFacetValues> _documentFacets = new();
    private long _documentFacetsVersion = -1;

    /// <summary>The facet fields of the given documents (those still stored), from the cache where it holds them.</summary>
    private IReadOnlyDictionary<long, DocumentFacetValues> DocumentFacetFields(IEnumerable<long> ids)
    {
        var version = (long)Scalar("PRAGMA data_version")!;
        if (version != _documentFacetsVersion)
        {
            _documentFacets.Clear();
            _documentFacetsVersion = version;
        }
        var missing = ids.Where(id => !_documentFacets.ContainsKey(id)).ToList();
        if (missing.Count == 0) return _documentFacets;
        using var cmd = Command("""
            SELECT id, province_key, province, commune_key, commune, unit_level, period_start, period_end, document_type
            FROM documents WHERE id IN (SELECT value FROM json_each($ids))
            """);
        cmd.Parameters.AddWithValue("$ids", Codec.ToJson(missing));
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            int? first = r.IsDBNull(6) ? null : int.Parse(r.GetString(6)[..4], CultureInfo.InvariantCulture);
            int? last = r.IsDBNull(7) ? first : int.Parse(r.GetString(7)[..4], CultureInfo.InvariantCulture);
            var type = r.GetString(8);
            _documentFacets[r.GetInt64(0)] = new DocumentFacetValues(
                r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2),
                r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4),
                r.GetString(5), first, last, VietnameseText.Fold(type).ToLowerInvariant(), type);
        }
        return _documentFacets;
    }

    /// <summary>Forgets cached document fields: called when this store writes.</summary>
    private void DocumentsChanged() => _documentFacets.Clear();
}
