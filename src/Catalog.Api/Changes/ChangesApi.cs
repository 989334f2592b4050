using System.ComponentModel;
using System.Globalization;
using System.Text.Json.Nodes;
using Catalog.Api.Programs;
using Catalog.Core.Changes;
using Catalog.Core.Programs;
using Catalog.Core.Search;
using Catalog.Core.Store;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Catalog.Api.OpenApi;
using Catalog.Api.Parameters;

namespace Catalog.Api.Changes;

/// <summary>The catalogue's history over HTTP: /api/changes and /api/programs/{id}/history.</summary>
public static class ChangesApi
{
    // A time without an offset is ambiguous for a revision's instant: since and until need one.
    public static readonly TimeParameter SinceRule = new("since", EndOfDay: false, OffsetRequired: true);
    public static readonly TimeParameter UntilRule = new("until", EndOfDay: true, OffsetRequired: true);

    public static IEndpointRouteBuilder MapChanges(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").WithTags(ApiTags.Changes);
        api.MapGet("/changes", GetChanges).WithName("GetChanges")
            .WithSummary("Changes to the programs a search returns (and removed ones it would have returned), newest first, paged.")
            .WithParameters([.. SearchParameters.Rules, SinceRule, UntilRule]);
        api.MapGet("/programs/{id}/history", GetProgramHistory).WithName("GetProgramHistory")
            .WithSummary("Every change to one program and its adoptions, newest first.")
            .WithParameters(SearchParameters.PageRule, SearchParameters.PageSizeRule).ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    public static Results<Ok<ChangesResponse>, ProblemHttpResult> GetChanges(
        [AsParameters] SearchParameters parameters,
        [Description("Only changes made at or after this ISO date (JST) or date-time.")] string? since,
        [Description("Only changes made at or before this ISO date (its end, JST) or date-time.")] string? until,
        SearchIndex index, RevisionLog log)
    {
        if (!parameters.TryBuild(index, out var request, out var problem)) return TypedResults.Problem(problem!);
        if (!TryParseRange(since, until, out var from, out var to, out problem)) return TypedResults.Problem(problem!);
        var page = log.Changes(new ChangeQuery
        {
            Since = from,
            Until = to,
            ProgramIds = ChangeFilter.ProgramIds(request, index, log),
            SkipBaseline = true,
            Offset = (request.Page - 1) * request.PageSize,
            Limit = request.PageSize,
        });
        return TypedResults.Ok(new ChangesResponse(page.Total, request.Page, request.PageSize, page.Items.Select(e => ToItem(e, log)).ToList()));
    }

    public static Results<Ok<ChangesResponse>, ProblemHttpResult> GetProgramHistory(
        [Description("Program id (a slug).")] string id,
        [Description("1-based page number.")] string? page, [Description("Changes per page.")] string? pageSize,
        SearchIndex index, RevisionLog log, ProgramStore store)
    {
        var probe = new SearchParameters(null, null, null, null, null, null, null, null, null, null, null, null, null, null, page, pageSize);
        if (!probe.TryBuild(index, out var request, out var problem)) return TypedResults.Problem(problem!);
        if (!log.HasProgram(id) && store.Find(id) is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such program", detail: $"No program has the id '{id}', now or in the catalogue's history.");
        var changes = log.Changes(new ChangeQuery
        {
            ProgramIds = new HashSet<string>([id], StringComparer.Ordinal),
            SkipBaseline = true,
            Offset = (request.Page - 1) * request.PageSize,
            Limit = request.PageSize,
        });
        return TypedResults.Ok(new ChangesResponse(changes.Total, request.Page, request.PageSize, changes.Items.Select(e => ToItem(e, log)).ToList()));
    }

    public static ChangeItem ToItem(ChangeEntry e, RevisionLog log)
    {
        var c = e.Change;
        var programId = c.ProgramId ?? c.Key;
        var name = c.Kind == EntityKinds.Program ? c.Label : log.ProgramName(programId) ?? programId;
        return new ChangeItem(e.Revision.Number, Iso(e.Revision.Time), e.Revision.Kind, programId, name, c.Kind, c.Key, c.Change,
            ChangeTitles.For(c, e.Revision.Kind), c.Kind == EntityKinds.Program ? null : c.Label,
            c.Fields.Select(f => new FieldItem(f.Path, FieldLabels.Japanese(f.Path), FieldLabels.English(f.Path), f.Before, f.After)).ToList());
    }

    public static string Iso(DateTimeOffset t) => t.ToOffset(ProgramStatus.Jst).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static bool TryParseRange(string? since, string? until, out DateTimeOffset? from, out DateTimeOffset? to, out ProblemDetails? problem)
    {
        from = to = null;
        problem = null;
        try
        {
            from = SinceRule.Parse(since);
            to = UntilRule.Parse(until);
            if (from > to) throw new ParameterException("since", $"since ({since}) is after until ({until})");
        }
        catch (ParameterException e) { problem = SearchParameters.Problem(e); }
        return problem is null;
    }
}

/// <summary>A page of changes.</summary>
public sealed record ChangesResponse(
    [property: Description("Changes matching, over all pages.")] int Total, int Page, int PageSize, IReadOnlyList<ChangeItem> Changes);

/// <summary>One change: the program, the revision and its time, what happened, and each field before → after.</summary>
public sealed record ChangeItem(
    long Revision,
    [property: Description("When the revision was made (ISO 8601, JST).")] string Time,
    [property: Description("import, replace, revert, write or baseline.")] string RevisionKind,
    string ProgramId,
    string ProgramName,
    [property: Description("program or adoption.")] string Entity,
    string EntityKey,
    [property: Description("added, changed or removed.")] string Change,
    [property: Description("The change in Japanese, as the feeds title it: 締切が令和7年3月31日に変更, 新規掲載, 掲載終了.")] string Title,
    [property: Description("For an adoption: its place and title.")] string? Label,
    IReadOnlyList<FieldItem> Fields);

/// <summary>One field that changed: its JSON path, labels, and values before and after (absent when there was none).</summary>
public sealed record FieldItem(string Path, string LabelJa, string LabelEn, JsonNode? Before, JsonNode? After);
