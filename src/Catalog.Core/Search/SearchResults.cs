using System.Globalization;

namespace Catalog.Core.Search;

/// <summary>The answer to a search, in the shape of the HTTP contract (GET /api/programs).</summary>
public sealed record SearchResponse(
    int Total, int Page, int PageSize, string AsOf, string? Q, bool Relaxed, string? Notice,
    IReadOnlyList<SearchHit> Hits, IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets)
{
    /// <summary>Parts of the query line read as filters; <see cref="Q"/> is then the text searched without them.</summary>
    [System.ComponentModel.Description("Parts of q read as filters (empty with interpret=false); q is then the text searched without them.")]
    public IReadOnlyList<UnderstoodPart> Understood { get; init; } = [];

    /// <summary>「もしかして」: q with a word the catalogue does not know replaced by the known word one edit away (also searched).</summary>
    [System.ComponentModel.Description("「もしかして」: q with an unknown katakana word replaced by the catalogue's word one edit away; that word was searched too. Null when nothing was corrected.")]
    public string? DidYouMean { get; init; }
}

public sealed record SearchHit(
    string Id, string Name, IReadOnlyList<string> Aliases, string Ministry, string Level,
    IReadOnlyList<string> Kinds, IReadOnlyList<string> Fields, IReadOnlyList<int> FiscalYears,
    IReadOnlyList<string> Applicants, string? Summary,
    string? RateText, decimal? RateMax, string? CapText, long? CapMaxYen,
    string? Status, string? NextDeadline, int? DaysLeft, IReadOnlyList<Snippet> Snippets,
    int? EndedFiscalYear = null, Programs.CallForecast? Forecast = null);

/// <summary>Text of one field, HTML-escaped, with the matched words in <c>&lt;mark&gt;</c>.</summary>
public sealed record Snippet(string Field, string Html);

/// <summary>One facet value: <see cref="Value"/> is exactly what to send back as the filter parameter.</summary>
public sealed record FacetValue(string Value, string Label, int Count, bool Selected);

public static class SearchFormat
{
    /// <summary>ISO 8601 in JST, the catalogue's one time zone: 2024-05-10T12:00:00+09:00.</summary>
    public static string Time(DateTimeOffset t) =>
        t.ToOffset(Programs.ProgramStatus.Jst).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string Time(long utcTicks) => Time(new DateTimeOffset(utcTicks, TimeSpan.Zero));
}
