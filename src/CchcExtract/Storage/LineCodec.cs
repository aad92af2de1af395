using System.Text.Json;
using CchcExtract.Model;

namespace CchcExtract.Storage;

/// <summary>
/// Stores a document's source lines as one JSON array per document (one row instead of hundreds):
/// each line is <c>[number, raw, text-or-null, page-or-null, box-or-null, confidence-or-null]</c>, where
/// <c>text</c> is null when the normalised/repaired text equals the raw text.
/// </summary>
internal static class LineCodec
{
    public static string Encode(IReadOnlyList<SourceLine> lines)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartArray();
            foreach (var l in lines)
            {
                w.WriteStartArray();
                w.WriteNumberValue(l.Number);
                w.WriteStringValue(l.Raw);
                if (l.Text == l.Raw) w.WriteNullValue(); else w.WriteStringValue(l.Text);
                if (l.Page is { } p) w.WriteNumberValue(p); else w.WriteNullValue();
                if (l.Box is { } b)
                {
                    w.WriteStartArray();
                    w.WriteNumberValue(b.Left); w.WriteNumberValue(b.Top); w.WriteNumberValue(b.Width); w.WriteNumberValue(b.Height);
                    w.WriteEndArray();
                }
                else w.WriteNullValue();
                if (l.RepairConfidence is { } c) w.WriteNumberValue(c); else w.WriteNullValue();
                w.WriteEndArray();
            }
            w.WriteEndArray();
        }
        return System.Text.Encoding.UTF8.GetString(ms.ToArray());
    }

    public static List<SourceLine> Decode(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var list = new List<SourceLine>(doc.RootElement.GetArrayLength());
        foreach (var e in doc.RootElement.EnumerateArray())
        {
            var raw = e[1].GetString()!;
            BoundingBox? box = e[4].ValueKind == JsonValueKind.Array
                ? new BoundingBox(e[4][0].GetDouble(), e[4][1].GetDouble(), e[4][2].GetDouble(), e[4][3].GetDouble())
                : null;
            list.Add(new SourceLine(
                e[0].GetInt32(), raw,
                e[2].ValueKind == JsonValueKind.Null ? raw : e[2].GetString()!,
                e[3].ValueKind == JsonValueKind.Null ? null : e[3].GetInt32(),
                box,
                e[5].ValueKind == JsonValueKind.Null ? null : e[5].GetDouble()));
        }
        return list;
    }
}
