using System.ComponentModel;
using Catalog.Api.OpenApi;
using Catalog.Api.Parameters;
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
        var api = endpoints.MapGroup("/api").WithTags(ApiTags.Programs);
        api.MapGet("/programs", SearchPrograms).WithName("SearchPrograms")
            .WithSummary("Search programs: full text, filters, facet counts, highlights.")
            .WithParameters(SearchParameters.Rules);
        api.MapGet("/programs/{id}", GetProgram).WithName("GetProgram")
            .WithSummary("One program in the export schema, with its status and related programs.")
            .WithParameters(SearchParameters.AsOfRule).ProducesProblem(StatusCodes.Status404NotFound)
            .AddOpenApiOperationTransformer(ProgramDetail.DescribeAsync);
        api.MapGet("/suggest", Suggest).WithName("Suggest")
            .WithSummary("Completions for a search box: program names, aliases and fields (kana works).")
            .WithParameters(SearchParameters.QRule);
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

    public static Results<Ok<ProgramDetail>, ProblemHttpResult> GetProgram(
        [Description("Program id (a slug).")] string id,
        [Description("Reference time for status and days left: ISO date or date-time; default now.")] string? asOf,
        ProgramStore store, SearchIndex index)
    {
        if (!SearchParameters.TryParseAsOf(asOf, out var when, out var problem)) return TypedResults.Problem(problem!);
        var found = store.FindWithRelations(id);
        if (found is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such program", detail: $"No program has the id '{id}'.");

        return TypedResults.Ok(ProgramDetail.Of(found, when, index));
    }

    public static Results<Ok<IReadOnlyList<Suggestion>>, ProblemHttpResult> Suggest(
        [Description("What has been typed so far; kana is matched against readings.")] string? q, SearchIndex index)
    {
        try { SearchParameters.QRule.Parse(q); }
        catch (ParameterException e) { return TypedResults.Problem(SearchParameters.Problem(e)); }
        return TypedResults.Ok(string.IsNullOrWhiteSpace(q) ? [] : index.Suggest(q));
    }
}
