using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using Catalog.Core.Programs;
using Catalog.Core.Search;
using Catalog.Core.Store;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Catalog.Api.Programs;

/// <summary>Search, read and suggest programs: /api/programs and /api/suggest.</summary>
public static class ProgramsApi
{
    public static IEndpointRouteBuilder MapPrograms(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").WithTags("Programs");
        api.MapGet("/programs", SearchPrograms).WithName("SearchPrograms")
            .WithSummary("Search programs: full text, filters, facet counts, highlights.");
        api.MapGet("/programs/{id}", GetProgram).WithName("GetProgram")
            .WithSummary("One program in the export schema, with its status and related programs.");
        api.MapGet("/suggest", Suggest).WithName("Suggest")
            .WithSummary("Completions for a search box: program names, aliases and fields (kana works).");
        return endpoints;
    }

    public static Results<Ok<SearchResponse>, ProblemHttpResult> SearchPrograms([AsParameters] SearchParameters parameters, SearchIndex index)
    {
        if (!parameters.TryBuild(index, out var request, out var problem)) return TypedResults.Problem(problem!);
        var response = index.Search(request) with { Understood = request.Understood };
        return TypedResults.Ok(response with { DidYouMean = AsTyped(parameters.Q, response.Q, response.DidYouMean) });
    }

    // 「もしかして」 is worked out on the words searched (q without the parts read as filters); the
    // planner is offered their whole line with the same words corrected, filters and all.
    private static string? AsTyped(string? typed, string? searched, string? corrected)
    {
        if (corrected is null || typed is null || searched is null) return corrected;
        var before = searched.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var after = corrected.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (before.Length != after.Length) return corrected;
        var line = typed.Trim();
        for (var i = 0; i < before.Length; i++)
            if (before[i] != after[i]) line = line.Replace(before[i], after[i], StringComparison.Ordinal);
        return line;
    }

    public static Results<Ok<JsonObject>, ProblemHttpResult> GetProgram(
        [Description("Program id (a slug).")] string id,
        [Description("Reference time for status and days left: ISO date or date-time; default now.")] string? asOf,
        ProgramStore store, SearchIndex index)
    {
        if (!SearchParameters.TryParseAsOf(asOf, out var when, out var problem)) return TypedResults.Problem(problem!);
        var program = store.Find(id);
        if (program is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such program", detail: $"No program has the id '{id}'.");

        var json = JsonSerializer.SerializeToNode(program, ProgramJson.Compact)!.AsObject();
        var status = ProgramStatus.At(program, when);
        json["status"] = status.Status;
        json["nextDeadline"] = status.NextDeadline is { } d ? SearchFormat.Time(d) : null;
        json["daysLeft"] = ProgramStatus.DaysLeft(status.NextDeadline, when);
        json["endedFiscalYear"] = ProgramStatus.EndedFiscalYear(program, status.Status);
        json["forecast"] = index.Forecast(id, when) is { } forecast ? JsonSerializer.SerializeToNode(forecast, ProgramJson.Compact) : null;
        var related = new JsonArray();
        var names = program.Related.Count == 0 ? null : store.Names(program.Related.Select(r => r.Id));
        foreach (var r in program.Related)
            related.Add(new JsonObject { ["id"] = r.Id, ["name"] = names!.GetValueOrDefault(r.Id), ["relation"] = r.Relation });
        json["relatedPrograms"] = related;
        // The family's other years and menus, newest first: how the program ran before and after.
        var family = new JsonArray();
        foreach (var other in store.Family(program.FamilyKey).Where(o => o.Id != program.Id)
                     .OrderByDescending(o => o.FiscalYears.DefaultIfEmpty(0).Max()).ThenBy(o => o.Id, StringComparer.Ordinal))
        {
            var otherStatus = ProgramStatus.At(other, when).Status;
            family.Add(new JsonObject
            {
                ["id"] = other.Id, ["name"] = other.Name, ["variant"] = other.Variant,
                ["fiscalYears"] = new JsonArray([.. other.FiscalYears.Select(y => (JsonNode)y)]),
                ["status"] = otherStatus, ["endedFiscalYear"] = ProgramStatus.EndedFiscalYear(other, otherStatus),
            });
        }
        json["family"] = family;
        return TypedResults.Ok(json);
    }

    public static Results<Ok<IReadOnlyList<Suggestion>>, ProblemHttpResult> Suggest(
        [Description("What has been typed so far; kana is matched against readings.")] string? q, SearchIndex index)
    {
        if (q is { Length: > QueryText.MaxLength })
            return TypedResults.Problem(SearchParameters.Problem("q", $"q is {q.Length} characters long; at most {QueryText.MaxLength} are allowed."));
        return TypedResults.Ok(string.IsNullOrWhiteSpace(q) ? [] : index.Suggest(q));
    }
}
