using Catalog.Core.Store;

namespace Catalog.Api.Hosting;

/// <summary>/health: liveness and readiness in one probe.</summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health", GetHealth).WithName("Health").WithSummary("Liveness and readiness probe: the database answers.");
        return endpoints;
    }

    public static Microsoft.AspNetCore.Http.HttpResults.Ok<HealthResponse> GetHealth(ProgramStore store) =>
        TypedResults.Ok(new HealthResponse("ok", store.Count()));

    public sealed record HealthResponse(string Status, long Programs);
}
