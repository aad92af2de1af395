using System.Text.Json.Serialization;
using CchcExtract.Model;

namespace CchcExtract.Storage;

/// <summary>
/// The stable JSON shape of a search hit (<c>cchc search --json</c>, the web page's API). Every item
/// carries at least <c>document</c>, <c>commune</c>, <c>task</c> (the hit's text: a task, or a paragraph
/// when <c>kind</c> is <c>paragraph</c>) and <c>score</c>. <c>snippet</c> marks matches with <c>**</c>.
/// </summary>
public sealed record HitExport
{
    [JsonPropertyName("document")] public required string Document { get; init; }
    [JsonPropertyName("commune")] public string? Commune { get; init; }
    [JsonPropertyName("province")] public string? Province { get; init; }
    [JsonPropertyName("kind")] public string Kind { get; init; } = "task";
    [JsonPropertyName("section")] public string Section { get; init; } = "";
    [JsonPropertyName("number")] public string? Number { get; init; }
    [JsonPropertyName("task")] public required string Task { get; init; }
    [JsonPropertyName("area")] public string? Area { get; init; }
    [JsonPropertyName("lead")] public string? Lead { get; init; }
    [JsonPropertyName("lead_canonical")] public string? LeadCanonical { get; init; }
    [JsonPropertyName("deadline")] public DeadlineExport? Deadline { get; init; }
    [JsonPropertyName("score")] public double Score { get; init; }
    [JsonPropertyName("snippet")] public string Snippet { get; init; } = "";
    [JsonPropertyName("source")] public SourceExport Source { get; init; } = new();

    /// <summary>Flattens a hit.</summary>
    public static HitExport From(SearchHit h) => new()
    {
        Document = h.Document,
        Commune = h.Commune,
        Province = h.Province,
        Kind = h.Kind == HitKind.Task ? "task" : "paragraph",
        Section = h.Section,
        Number = h.Number,
        Task = h.Text,
        Area = h.Area?.Code(),
        Lead = h.Lead,
        LeadCanonical = h.LeadCanonical,
        Deadline = h.Deadline is { } d
            ? new DeadlineExport { Raw = d.Raw, Kind = d.Kind.ToString().ToLowerInvariant(), Start = d.Start?.ToString("yyyy-MM-dd"), End = d.End?.ToString("yyyy-MM-dd") }
            : null,
        Score = Math.Round(h.Score, 4),
        Snippet = h.Snippet.Render(),
        Source = new SourceExport { File = h.Source.File, Line = h.Source.Line, Page = h.Source.Page },
    };
}

/// <summary>
/// The stable JSON shape of one commune's answer (<c>cchc communes --json</c>): the fields of its best
/// task at top level (<c>document</c>, <c>commune</c>, <c>task</c>, <c>score</c>, lead, deadline…) and
/// all its listed tasks under <c>tasks</c>.
/// </summary>
public sealed record CommuneExport
{
    [JsonPropertyName("commune")] public required string Commune { get; init; }
    [JsonPropertyName("province")] public string? Province { get; init; }
    [JsonPropertyName("document")] public required string Document { get; init; }
    [JsonPropertyName("task")] public required string Task { get; init; }
    [JsonPropertyName("lead")] public string? Lead { get; init; }
    [JsonPropertyName("lead_canonical")] public string? LeadCanonical { get; init; }
    [JsonPropertyName("deadline")] public DeadlineExport? Deadline { get; init; }
    [JsonPropertyName("score")] public double Score { get; init; }
    [JsonPropertyName("tasks")] public IReadOnlyList<HitExport> Tasks { get; init; } = [];

    /// <summary>Flattens a commune match.</summary>
    public static CommuneExport From(CommuneMatch c)
    {
        var best = HitExport.From(c.Best);
        return new CommuneExport
        {
            Commune = c.Commune,
            Province = c.Province,
            Document = best.Document,
            Task = best.Task,
            Lead = best.Lead,
            LeadCanonical = best.LeadCanonical,
            Deadline = best.Deadline,
            Score = best.Score,
            Tasks = c.Tasks.Select(HitExport.From).ToList(),
        };
    }
}
