namespace Catalog.Core.Search;

public enum SearchSort { Relevance, Deadline, Cap, Rate, Name }

/// <summary>A validated search: every value here is known to be well-formed.</summary>
public sealed record SearchRequest
{
    public string? Q { get; init; }
    public IReadOnlyList<string> Ministries { get; init; } = [];
    public IReadOnlyList<string> Kinds { get; init; } = [];
    public IReadOnlyList<string> Fields { get; init; } = [];
    public IReadOnlyList<string> Applicants { get; init; } = [];
    public IReadOnlyList<string> Levels { get; init; } = [];
    public IReadOnlyList<int> FiscalYears { get; init; } = [];
    public IReadOnlyList<string> Statuses { get; init; } = [];
    /// <summary>Leave out programs that have ended (終了: last fiscal year over, no window ahead).</summary>
    public bool HideEnded { get; init; }
    /// <summary>Lowest acceptable highest rate, 0–1.</summary>
    public decimal? RateMin { get; init; }
    /// <summary>補助率の種類 (<see cref="Programs.RateKindFacet"/>), any of them.</summary>
    public IReadOnlyList<string> RateKinds { get; init; } = [];
    /// <summary>What the town wants to do (<see cref="Programs.Purposes"/>), any of them.</summary>
    public IReadOnlyList<string> Purposes { get; init; } = [];
    public long? CapMin { get; init; }
    public long? CapMax { get; init; }
    /// <summary>Only programs whose next deadline falls at or before this moment.</summary>
    public DateTimeOffset? DeadlineBefore { get; init; }
    public SearchSort Sort { get; init; } = SearchSort.Relevance;
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 20;
    public DateTimeOffset AsOf { get; init; } = DateTimeOffset.UtcNow.ToOffset(Programs.ProgramStatus.Jst);
    /// <summary>Parts of the query line that were read as filters (see <see cref="QueryUnderstanding"/>); reported back, not searched.</summary>
    public IReadOnlyList<UnderstoodPart> Understood { get; init; } = [];
    /// <summary>Build snippets for the page's hits.</summary>
    public bool Highlight { get; init; } = true;
}
