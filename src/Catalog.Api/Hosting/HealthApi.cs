using Catalog.Core.Store;
using Microsoft.AspNetCore.Http.HttpResults;
using Catalog.Api.OpenApi;

namespace Catalog.Api.Hosting;

/// <summary>/health: liveness and readiness in one probe.</summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health", GetHealth).WithName("Health").WithTags(ApiTags.Health)
            .WithSummary("Liveness and readiness probe: the database answers and the warm-up after start has run (503 until then).")
            .Produces<HealthResponse>(StatusCodes.Status503ServiceUnavailable);
        return endpoints;
    }

    public static Results<Ok<HealthResponse>, JsonHttpResult<HealthResponse>> GetHealth(ProgramStore store, WarmUpState warmUp)
    {
        var response = new HealthResponse(warmUp.Done ? "ok" : "warming", store.Count(),
            warmUp.Done ? new WarmUpReport(warmUp.Requests, warmUp.Failed, Math.Round(warmUp.Milliseconds)) : null);
        return warmUp.Done ? TypedResults.Ok(response) : TypedResults.Json(response, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    public sealed record HealthResponse(string Status, long Programs, WarmUpReport? WarmUp);

    /// <summary>What the warm-up after start sent: requests, how many failed, how long it took.</summary>
    public sealed record WarmUpReport(int Requests, int Failed, double Milliseconds);
}
