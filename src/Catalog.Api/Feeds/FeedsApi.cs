using Catalog.Api.Changes;
using Catalog.Api.Programs;
using Catalog.Core.Programs;
using Catalog.Core.Search;
using Catalog.Core.Store;
using Catalog.Api.OpenApi;
using Catalog.Api.Parameters;

namespace Catalog.Api.Feeds;

/// <summary>Feeds to subscribe to, for the same searches as /api/programs: /feed.atom (changes) and /api/calendar.ics (windows).</summary>
public static class FeedsApi
{
    // Without page or pageSize the calendar holds every program the search returns, so neither has a default.
    private static readonly WholeNumberParameter CalendarPageRule = SearchParameters.PageRule with { DocumentDefault = false };
    private static readonly WholeNumberParameter CalendarPageSizeRule = SearchParameters.PageSizeRule with { DocumentDefault = false };

    public static IEndpointRouteBuilder MapFeeds(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/feed.atom", GetAtomFeed).WithName("GetAtomFeed").WithTags(ApiTags.Feeds)
            .WithParameters(SearchParameters.Rules)
            .WithSummary("Atom 1.0 feed of changes (新規掲載, changes, 掲載終了) to the programs a search returns; page and pageSize as search.")
            .Produces<string>(StatusCodes.Status200OK, "application/atom+xml")
            .Produces(StatusCodes.Status304NotModified).ProducesProblem(StatusCodes.Status400BadRequest);
        endpoints.MapGet("/api/calendar.ics", GetCalendar).WithName("GetCalendar").WithTags(ApiTags.Feeds)
            .WithParameters(SearchParameters.Rules.With(CalendarPageRule, CalendarPageSizeRule))
            .WithSummary("iCalendar feed of the application windows of the programs a search returns: one event per window, a reminder 7 days before the deadline; a family's estimated next call as a TENTATIVE event titled 【推定】.")
            .Produces<string>(StatusCodes.Status200OK, "text/calendar")
            .Produces(StatusCodes.Status304NotModified).ProducesProblem(StatusCodes.Status400BadRequest);
        return endpoints;
    }

    // IResult rather than Results<…>: the typed results would describe the 200 without its media type.
    public static IResult GetAtomFeed(
        [AsParameters] SearchParameters parameters, HttpContext context, SearchIndex index, RevisionLog log)
    {
        if (!parameters.TryBuild(index, out var request, out var problem)) return TypedResults.Problem(problem!);
        var page = log.Changes(new ChangeQuery
        {
            ProgramIds = ChangeFilter.ProgramIds(request, index, log),
            SkipBaseline = true,
            Offset = (request.Page - 1) * request.PageSize,
            Limit = request.PageSize,
        });
        var latest = log.Latest()?.Time ?? DateTimeOffset.UnixEpoch;
        var updated = page.Items.Count > 0 ? page.Items[0].Revision.Time : latest;
        var body = AtomFeed.Write(page.Items, log, BaseUri(context), SelfUri(context), request.Q, updated);
        return Conditional.Respond(context, body, "application/atom+xml; charset=utf-8", latest);
    }

    public static IResult GetCalendar(
        [AsParameters] SearchParameters parameters, HttpContext context, SearchIndex index, RevisionLog log)
    {
        if (!parameters.TryBuild(index, out var request, out var problem)) return TypedResults.Problem(problem!);
        // All the programs the search returns (up to the search's depth limit) unless a page is asked for.
        var matching = index.Matching(request with { Highlight = false });
        var paged = parameters.Page is not null || parameters.PageSize is not null;
        var programs = paged
            ? matching.Skip((request.Page - 1) * request.PageSize).Take(request.PageSize).ToList()
            : matching.Take(SearchParameters.MaxDepth).ToList();
        var latest = log.Latest()?.Time ?? DateTimeOffset.UnixEpoch;
        // The status in each description changes when a window opens or closes, without a revision.
        var boundaries = programs.SelectMany(p => p.Windows).SelectMany(w => new[] { ProgramStatus.TryParseTime(w.Start), ProgramStatus.TryParseTime(w.End) })
            .Where(t => t is not null && t <= request.AsOf).Select(t => t!.Value);
        var lastModified = boundaries.Append(latest).Max();
        // Each family's expected next call, as a tentative event on the record that carries it.
        var forecasts = index.Forecasts(request.AsOf, int.MaxValue).ToDictionary(h => h.Id, h => h.Forecast!, StringComparer.Ordinal);
        var body = CalendarFeed.Write(programs, BaseUri(context), request.AsOf, latest, request.Q, forecasts);
        return Conditional.Respond(context, body, "text/calendar; charset=utf-8", lastModified);
    }

    private static Uri BaseUri(HttpContext context) => new($"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}/");

    private static Uri SelfUri(HttpContext context) =>
        new($"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}{context.Request.Path}{context.Request.QueryString}");
}
