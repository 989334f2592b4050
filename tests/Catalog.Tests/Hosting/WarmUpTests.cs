using System.Net;
using System.Text.Json.Nodes;
using Catalog.Api.Hosting;
using Catalog.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Catalog.Tests.Hosting;

public sealed class WarmUpTests
{
    [Fact]
    public async Task HealthIsOkAfterTheWarmUpRanItsRequestsThroughThePipelineUncountedByTheRateLimit()
    {
        // Two rounds send more API requests than the limit allows a client a minute: had they counted,
        // the warm-up itself would have been refused.
        await using var server = await CatalogTestServer.StartAsync(seedPath: RepoPaths.Seed, settings: new Dictionary<string, string?>
        {
            ["Catalog:WarmUp:Rounds"] = "2",
            ["Catalog:Limits:RequestsPerMinute"] = "30",
        });

        JsonObject? health = null;
        for (var i = 0; i < 600 && health is null; i++)
        {
            using var response = await server.Client.GetAsync("/health");
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
            if (response.StatusCode == HttpStatusCode.OK) health = body;
            else
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
                Assert.Equal("warming", body["status"]!.GetValue<string>());
                await Task.Delay(100);
            }
        }

        Assert.NotNull(health);
        Assert.Equal("ok", health["status"]!.GetValue<string>());
        // Per round: 12 searches, 7 suggests, a detail of the first hit, the vocabulary.
        Assert.Equal(42, health["warmUp"]!["requests"]!.GetValue<int>());
        Assert.Equal(0, health["warmUp"]!["failed"]!.GetValue<int>());
        using var search = await server.Client.GetAsync("/api/programs?q=交付金");
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
    }

    [Fact]
    public async Task HealthAnswersServiceUnavailableUntilTheWarmUpHasRun()
    {
        await using var server = await CatalogTestServer.StartAsync();

        var result = HealthApi.GetHealth(server.Store, new WarmUpState()).Result;

        var warming = Assert.IsType<JsonHttpResult<HealthApi.HealthResponse>>(result);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, warming.StatusCode);
        Assert.Equal("warming", warming.Value!.Status);
    }

    [Fact]
    public async Task WithTheWarmUpOffHealthIsOkAtOnce()
    {
        await using var server = await CatalogTestServer.StartAsync();

        var health = await server.Client.GetObjectAsync("/health");

        Assert.Equal("ok", health["status"]!.GetValue<string>());
        Assert.Equal(0, health["warmUp"]!["requests"]!.GetValue<int>());
    }
}
