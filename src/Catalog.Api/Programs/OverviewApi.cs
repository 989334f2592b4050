using System.ComponentModel;
using Catalog.Core.Programs;
using Catalog.Core.Search;
using Microsoft.AspNetCore.Http.HttpResults;
using Catalog.Api.OpenApi;
using Catalog.Api.Parameters;

namespace Catalog.Api.Programs;

/// <summary>What the home page shows before anything is typed: open now, closing soon, opening next.</summary>
public static class OverviewApi
{
    /// <summary>「締切間近」 on the home page: deadlines within this many days.</summary>
    public const int ClosingSoonDays = 30;
    private const int PerList = 10;

    public sealed record Overview(
        string AsOf, int OpenTotal, IReadOnlyList<SearchHit> OpenNow, IReadOnlyList<SearchHit> ClosingSoon,
        IReadOnlyList<SearchHit> Announced, IReadOnlyList<SearchHit> Forecast);

    public static IEndpointRouteBuilder MapOverview(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api").WithTags(ApiTags.Programs).MapGet("/overview", GetOverview).WithName("GetOverview")
            .WithSummary("The home page's lists: open now (通年 included), closing within 30 days, announced calls (予告) and forecast next calls (estimates, labelled).")
            .WithParameters(SearchParameters.AsOfRule);
        return endpoints;
    }

    public static Results<Ok<Overview>, ProblemHttpResult> GetOverview(
        [Description("Reference time: ISO date or date-time; default now (JST).")] string? asOf, SearchIndex index)
    {
        if (!SearchParameters.TryParseAsOf(asOf, out var when, out var problem)) return TypedResults.Problem(problem!);
        SearchResponse Find(string status, DateTimeOffset? before = null) => index.Search(new SearchRequest
        {
            Statuses = [status], DeadlineBefore = before, Sort = SearchSort.Deadline, PageSize = PerList, AsOf = when, Highlight = false,
        });
        var open = Find("受付中");
        var soonUntil = new DateTimeOffset(DateOnly.FromDateTime(when.ToOffset(ProgramStatus.Jst).DateTime).AddDays(ClosingSoonDays + 1).ToDateTime(TimeOnly.MinValue), ProgramStatus.Jst).AddTicks(-1);
        var closing = Find("受付中", soonUntil);
        var announced = Find("予告");
        return TypedResults.Ok(new Overview(SearchFormat.Time(when), open.Total, open.Hits,
            closing.Hits.Where(h => h.NextDeadline is not null).ToList(), announced.Hits, index.Forecasts(when, PerList)));
    }
}
