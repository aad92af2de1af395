using System.Globalization;
using System.Text.Json;
using CchcExtract.Model;

namespace CchcExtract.Storage;

/// <summary>How model values are written to and read from SQLite columns (ISO dates, lower-case enum names).</summary>
internal static class Codec
{
    public static object Db(string? s) => s is null ? DBNull.Value : s;
    public static object Db(int? i) => i is null ? DBNull.Value : i.Value;
    public static object Db(double? d) => d is null ? DBNull.Value : d.Value;
    public static object Db(DateOnly? d) => d is null ? DBNull.Value : d.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    public static object Db(BoundingBox? b) => b is null ? DBNull.Value
        : string.Create(CultureInfo.InvariantCulture, $"{b.Value.Left} {b.Value.Top} {b.Value.Width} {b.Value.Height}");

    public static DateOnly? Date(object v) =>
        v is string s ? DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;

    public static BoundingBox? Box(object v)
    {
        if (v is not string s) return null;
        var p = s.Split(' ').Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray();
        return new BoundingBox(p[0], p[1], p[2], p[3]);
    }

    public static string? Str(object v) => v as string;
    public static int? Int(object v) => v is long l ? (int)l : null;
    public static double? Real(object v) => v is double d ? d : null;

    public static string Name<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();
    public static T Enum<T>(string s) where T : struct, Enum => System.Enum.Parse<T>(s, ignoreCase: true);

    public static string Origin(TaskOrigin o) => o switch
    {
        TaskOrigin.AppendixRow => "appendix",
        TaskOrigin.BodyTask => "body",
        _ => "duty",
    };

    public static TaskOrigin Origin(string s) => s switch
    {
        "appendix" => TaskOrigin.AppendixRow,
        "body" => TaskOrigin.BodyTask,
        _ => TaskOrigin.AgencyDuty,
    };

    public static ReformArea Area(string code) => ReformAreas.TryParse(code, out var a) ? a : ReformArea.Other;

    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string ToJson<T>(T value) => JsonSerializer.Serialize(value, Json);
    public static T FromJson<T>(string json) => JsonSerializer.Deserialize<T>(json, Json)!;

    /// <summary>Folded key for accent-insensitive equality of names (commune, province, agency).</summary>
    public static string? NameKey(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var k = Text.VietnameseText.Fold(name).Trim();
        foreach (var prefix in (string[])["xa ", "phuong ", "thi tran ", "tinh ", "thanh pho ", "tp. ", "tp ", "huyen ", "quan ", "thi xa "])
            if (k.StartsWith(prefix, StringComparison.Ordinal)) { k = k[prefix.Length..].Trim(); break; }
        return string.Join(' ', k.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
