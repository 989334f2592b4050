using Catalog.Core.Programs;
using Catalog.Api.OpenApi;

namespace Catalog.Api.Programs;

/// <summary>The closed vocabularies and their labels: /api/vocabulary. The UI takes its labels from here.</summary>
public static class VocabularyApi
{
    public sealed record Labelled(string Value, string Label);

    public sealed record VocabularyResponse(
        IReadOnlyList<Labelled> Levels, IReadOnlyList<string> Statuses, IReadOnlyList<string> Ministries,
        IReadOnlyList<string> Kinds, IReadOnlyList<string> Fields, IReadOnlyList<string> Applicants)
    {
        /// <summary>補助率の種類, the values of the rateKind filter.</summary>
        public IReadOnlyList<Labelled> RateKinds { get; init; } = [.. RateKindFacet.Values.Select(v => new Labelled(v, RateKindFacet.Label(v)))];

        /// <summary>What a town wants to do, the values of the purpose filter, each with the fields and kinds it takes in.</summary>
        public IReadOnlyList<Purposes.Purpose> Purposes { get; init; } = Core.Programs.Purposes.All;
    }

    public static IEndpointRouteBuilder MapVocabulary(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api").WithTags(ApiTags.Programs)
            .MapGet("/vocabulary", GetVocabulary).WithName("GetVocabulary")
            .WithSummary("The closed vocabularies a record uses, with the labels staff read.");
        return endpoints;
    }

    public static Microsoft.AspNetCore.Http.HttpResults.Ok<VocabularyResponse> GetVocabulary() =>
        TypedResults.Ok(new VocabularyResponse(
            [.. Vocabulary.Levels.Select(l => new Labelled(l, Vocabulary.LevelLabel(l)))],
            Vocabulary.Statuses, Vocabulary.Ministries, Vocabulary.Kinds, Vocabulary.Fields, Vocabulary.Applicants));
}
