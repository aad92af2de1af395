using System.Text.Json;
using System.Text.Json.Serialization;

namespace CchcExtract.Model;

/// <summary>
/// The stable, flat JSON shape of one task record (<c>cchc export --format json</c>); other tools
/// rely on these names. Dates are ISO <c>yyyy-MM-dd</c>.
/// </summary>
public sealed record TaskExport
{
    [JsonPropertyName("document")] public required string Document { get; init; }
    [JsonPropertyName("commune")] public string? Commune { get; init; }
    [JsonPropertyName("unit_level")] public string? UnitLevel { get; init; }
    [JsonPropertyName("province")] public string? Province { get; init; }
    [JsonPropertyName("number")] public string Number { get; init; } = "";
    [JsonPropertyName("area")] public string Area { get; init; } = "other";
    [JsonPropertyName("section")] public string Section { get; init; } = "";
    [JsonPropertyName("task")] public required string Task { get; init; }
    [JsonPropertyName("origin")] public string Origin { get; init; } = "";
    [JsonPropertyName("lead")] public string? Lead { get; init; }
    [JsonPropertyName("lead_canonical")] public string? LeadCanonical { get; init; }
    [JsonPropertyName("support")] public IReadOnlyList<string> Support { get; init; } = [];
    [JsonPropertyName("support_canonical")] public IReadOnlyList<string> SupportCanonical { get; init; } = [];
    [JsonPropertyName("deadline")] public DeadlineExport Deadline { get; init; } = new();
    [JsonPropertyName("product")] public string? Product { get; init; }
    [JsonPropertyName("targets")] public IReadOnlyList<string> Targets { get; init; } = [];
    [JsonPropertyName("source")] public SourceExport Source { get; init; } = new();

    /// <summary>Flattens a task of a document.</summary>
    public static TaskExport From(PlanDocument doc, TaskRecord t) => new()
    {
        Document = doc.FileName,
        Commune = doc.Metadata.Commune,
        UnitLevel = doc.Metadata.UnitLevel == Model.UnitLevel.Unknown ? null : doc.Metadata.UnitLevel.ToString().ToLowerInvariant(),
        Province = doc.Metadata.Province,
        Number = t.Number,
        Area = t.Area.Code(),
        Section = t.SectionPath,
        Task = t.Text,
        Origin = t.Origin switch { TaskOrigin.AppendixRow => "appendix", TaskOrigin.BodyTask => "body", _ => "duty" },
        Lead = t.Lead?.Printed,
        LeadCanonical = t.Lead?.Canonical,
        Support = t.Support.Select(a => a.Printed).ToList(),
        SupportCanonical = t.Support.Select(a => a.Canonical).ToList(),
        Deadline = new DeadlineExport
        {
            Raw = t.Deadline.Raw,
            Kind = t.Deadline.Kind.ToString().ToLowerInvariant(),
            Start = t.Deadline.Start?.ToString("yyyy-MM-dd"),
            End = t.Deadline.End?.ToString("yyyy-MM-dd"),
        },
        Product = t.Product,
        Targets = t.Targets,
        Source = new SourceExport { File = t.Source.File, Line = t.Source.Line, Page = t.Source.Page },
    };

    /// <summary>Serializer options used for every JSON the tool prints (UTF-8 text kept readable).</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };
}

/// <summary>Deadline part of <see cref="TaskExport"/>.</summary>
public sealed record DeadlineExport
{
    [JsonPropertyName("raw")] public string Raw { get; init; } = "";
    [JsonPropertyName("kind")] public string Kind { get; init; } = "unspecified";
    [JsonPropertyName("start")] public string? Start { get; init; }
    [JsonPropertyName("end")] public string? End { get; init; }
}

/// <summary>Provenance part of <see cref="TaskExport"/>.</summary>
public sealed record SourceExport
{
    [JsonPropertyName("file")] public string File { get; init; } = "";
    [JsonPropertyName("line")] public int Line { get; init; }
    [JsonPropertyName("page")] public int? Page { get; init; }
}
