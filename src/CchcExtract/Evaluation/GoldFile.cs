using System.Text.Json;
using System.Text.Json.Serialization;
using CchcExtract.Model;

namespace CchcExtract.Evaluation;

/// <summary>
/// A gold annotation file (<c>corpus/gold/*.gold.json</c>): the records a careful reader takes from
/// one document. <see cref="Source"/> is <c>shared:seeds/…</c> (a document outside the repository, in
/// <c>../shared</c>) or <c>corpus:samples/…</c> (one of ours).
/// </summary>
public sealed record GoldFile
{
    [JsonPropertyName("document")] public required string Document { get; init; }
    [JsonPropertyName("source")] public required string Source { get; init; }
    [JsonPropertyName("metadata")] public GoldMetadata? Metadata { get; init; }
    [JsonPropertyName("tasks")] public IReadOnlyList<GoldTask> Tasks { get; init; } = [];

    /// <summary>
    /// Treats the records extracted from one document as gold, to measure how closely another
    /// rendering of the same plan (a .docx, a PDF, a scan) reproduces them.
    /// </summary>
    public static GoldFile FromDocument(PlanDocument doc) => new()
    {
        Document = doc.FileName,
        Source = doc.Source.Path,
        Tasks = doc.Tasks.Select(t => TaskExport.From(doc, t)).Select(t => new GoldTask
        {
            Number = t.Number, Origin = t.Origin, Line = t.Source.Line, Task = t.Task, Lead = t.Lead,
            LeadCanonical = t.LeadCanonical, Support = t.Support, SupportCanonical = t.SupportCanonical,
            Deadline = t.Deadline, Product = t.Product, Area = t.Area,
        }).ToList(),
    };

    /// <summary>Loads one gold file.</summary>
    public static GoldFile Load(string path) =>
        JsonSerializer.Deserialize<GoldFile>(File.ReadAllText(path)) ?? throw new InvalidDataException($"{path}: empty gold file");

    /// <summary>Resolves <see cref="Source"/> to a path, or null when its folder is absent.</summary>
    public string? ResolveSource(string corpusDir, string? sharedDir)
    {
        if (Source.StartsWith("shared:", StringComparison.Ordinal))
            return sharedDir is null ? null : Path.Combine(sharedDir, Source["shared:".Length..]);
        if (Source.StartsWith("corpus:", StringComparison.Ordinal))
            return Path.Combine(corpusDir, Source["corpus:".Length..]);
        return Path.Combine(corpusDir, Source);
    }
}

/// <summary>Gold metadata of a document.</summary>
public sealed record GoldMetadata
{
    [JsonPropertyName("type")] public string? Type { get; init; }
    [JsonPropertyName("number")] public string? Number { get; init; }
    [JsonPropertyName("issue_date")] public string? IssueDate { get; init; }
    [JsonPropertyName("unit_level")] public string? UnitLevel { get; init; }
    [JsonPropertyName("commune")] public string? Commune { get; init; }
    [JsonPropertyName("province")] public string? Province { get; init; }
    [JsonPropertyName("period")] public GoldPeriod? Period { get; init; }
    [JsonPropertyName("signer")] public string? Signer { get; init; }
}

/// <summary>Gold period.</summary>
public sealed record GoldPeriod
{
    [JsonPropertyName("start")] public string? Start { get; init; }
    [JsonPropertyName("end")] public string? End { get; init; }
}

/// <summary>One gold record; same field names as <see cref="TaskExport"/>.</summary>
public sealed record GoldTask
{
    [JsonPropertyName("number")] public string? Number { get; init; }
    [JsonPropertyName("origin")] public string? Origin { get; init; }
    [JsonPropertyName("line")] public int Line { get; init; }
    [JsonPropertyName("task")] public required string Task { get; init; }
    [JsonPropertyName("lead")] public string? Lead { get; init; }
    [JsonPropertyName("lead_canonical")] public string? LeadCanonical { get; init; }
    [JsonPropertyName("support")] public IReadOnlyList<string>? Support { get; init; }
    [JsonPropertyName("support_canonical")] public IReadOnlyList<string>? SupportCanonical { get; init; }
    [JsonPropertyName("deadline")] public DeadlineExport? Deadline { get; init; }
    [JsonPropertyName("product")] public string? Product { get; init; }
    [JsonPropertyName("area")] public string? Area { get; init; }
}
