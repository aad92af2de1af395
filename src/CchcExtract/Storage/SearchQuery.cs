using CchcExtract.Model;

namespace CchcExtract.Storage;

/// <summary>Which searchable units a query looks at.</summary>
public enum SearchScope
{
    /// <summary>Task records and body paragraphs.</summary>
    All,
    /// <summary>Task records only.</summary>
    Tasks,
    /// <summary>Body paragraphs only.</summary>
    Paragraphs,
}

/// <summary>
/// A search: the query text (see <see cref="ParsedQuery"/> for the syntax) plus filters. Name filters
/// (commune, province, lead agency, document type) compare accent-insensitively and ignore a leading
/// unit word (<c>xã</c>, <c>phường</c>, <c>tỉnh</c>…). Filters that only tasks carry (area, lead,
/// deadline) drop paragraph hits.
/// </summary>
public sealed record SearchQuery(string Text)
{
    /// <summary>Commune or ward name (<c>Đại Sơn</c>, <c>dai son</c>).</summary>
    public string? Commune { get; init; }
    /// <summary>City or province name.</summary>
    public string? Province { get; init; }
    /// <summary>Level of the issuing unit.</summary>
    public UnitLevel? UnitLevel { get; init; }
    /// <summary>Reform area of the task.</summary>
    public ReformArea? Area { get; init; }
    /// <summary>Plans whose period overlaps this year.</summary>
    public int? Year { get; init; }
    /// <summary>Canonical lead agency (accent-insensitive equality).</summary>
    public string? LeadCanonical { get; init; }
    /// <summary>Tasks whose deadline interval ends on or after this date.</summary>
    public DateOnly? DeadlineFrom { get; init; }
    /// <summary>Tasks whose deadline interval starts on or before this date.</summary>
    public DateOnly? DeadlineTo { get; init; }
    /// <summary>Document type (<c>Kế hoạch</c>, <c>Quyết định</c>…).</summary>
    public string? DocumentType { get; init; }
    /// <summary>Tasks whose deadline is of this kind.</summary>
    public DeadlineKind? DeadlineKind { get; init; }
    /// <summary>Tasks whose deadline interval ends in this year.</summary>
    public int? DeadlineYear { get; init; }
    /// <summary>Tasks, paragraphs or both.</summary>
    public SearchScope Scope { get; init; } = SearchScope.All;
    /// <summary>Maximum number of hits.</summary>
    public int Limit { get; init; } = 20;
    /// <summary>Hits to skip (paging).</summary>
    public int Offset { get; init; }

    /// <summary>Parses an area code or Vietnamese name, or throws <see cref="QueryException"/> listing the valid codes.</summary>
    public static ReformArea ParseArea(string text) =>
        ReformAreas.TryParse(text, out var a) ? a
            : throw new QueryException($"Unknown area '{text}': use one of {string.Join(", ", Enum.GetValues<ReformArea>().Select(x => x.Code()))}.");

    /// <summary>Parses a unit level name (<c>commune</c>, <c>ward</c>, <c>xã</c>, <c>phường</c>…), or throws <see cref="QueryException"/>.</summary>
    public static UnitLevel ParseUnitLevel(string text)
    {
        var f = CchcExtract.Text.VietnameseText.Fold(text.Trim());
        return f switch
        {
            "xa" => Model.UnitLevel.Commune,
            "phuong" => Model.UnitLevel.Ward,
            "thi tran" => Model.UnitLevel.Township,
            "huyen" or "quan" or "thi xa" => Model.UnitLevel.District,
            "tinh" => Model.UnitLevel.Province,
            "thanh pho" => Model.UnitLevel.City,
            "so" or "so, ban, nganh" => Model.UnitLevel.Department,
            _ when Enum.TryParse<UnitLevel>(f, true, out var u) && !int.TryParse(f, out _) => u,
            _ => throw new QueryException($"Unknown unit level '{text}': use xã, phường, thị trấn, huyện, tỉnh, thành phố or sở."),
        };
    }
}

/// <summary>What a search hit is.</summary>
public enum HitKind
{
    /// <summary>A task record.</summary>
    Task,
    /// <summary>A body paragraph.</summary>
    Paragraph,
}

/// <summary>One search result. Task-only fields are null for paragraph hits.</summary>
public sealed record SearchHit
{
    /// <summary>Id of the searchable unit (stable until the document is re-imported).</summary>
    public required long ItemId { get; init; }
    /// <summary>Task or paragraph.</summary>
    public required HitKind Kind { get; init; }
    /// <summary>Task id for task hits (see <see cref="PlanStore.ExportTasks(IEnumerable{long})"/>).</summary>
    public long? TaskId { get; init; }
    /// <summary>Source file name of the document.</summary>
    public required string Document { get; init; }
    /// <summary>Commune or ward of the document.</summary>
    public string? Commune { get; init; }
    /// <summary>City or province of the document.</summary>
    public string? Province { get; init; }
    /// <summary>Section path.</summary>
    public string Section { get; init; } = "";
    /// <summary>Task number as printed (tasks only).</summary>
    public string? Number { get; init; }
    /// <summary>Full task or paragraph text.</summary>
    public required string Text { get; init; }
    /// <summary>Lead agency as printed.</summary>
    public string? Lead { get; init; }
    /// <summary>Lead agency, canonical.</summary>
    public string? LeadCanonical { get; init; }
    /// <summary>Deadline (tasks only).</summary>
    public Deadline? Deadline { get; init; }
    /// <summary>Reform area (tasks only).</summary>
    public ReformArea? Area { get; init; }
    /// <summary>Relevance, higher is better (negated FTS5 bm25 with the exact column weighted ×4).</summary>
    public double Score { get; init; }
    /// <summary>A window of the text with the matched words marked.</summary>
    public required HighlightedText Snippet { get; init; }
    /// <summary>Where the text came from.</summary>
    public SourceRef Source { get; init; }
}

/// <summary>One commune's answer to "who committed to X": its best-matching tasks (near-duplicates collapsed).</summary>
/// <param name="Commune">Commune name as printed in the plan, or the document name when the plan states none.</param>
/// <param name="Province">City or province when known.</param>
/// <param name="Score">Score of its best task.</param>
/// <param name="Tasks">Best-first, one per group of near-duplicate wordings.</param>
public sealed record CommuneMatch(string Commune, string? Province, double Score, IReadOnlyList<SearchHit> Tasks)
{
    /// <summary>The best-matching task.</summary>
    public SearchHit Best => Tasks[0];
}

/// <summary>A short description of a stored document.</summary>
public sealed record DocumentSummary(
    string FileName, string? Commune, string? Province, string DocumentType, string? Number,
    string? Period, int Tasks, string ContentHash, DateTimeOffset ImportedAt);
