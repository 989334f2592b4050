using System.Net;
using Catalog.Tests.Support;

namespace Catalog.Tests.Reliability;

/// <summary>Headers, CORS and read-only HTTP on one seeded server; the rate-limit test starts its own.</summary>
public class HardeningTests(SeededServer seeded) : IClassFixture<SeededServer>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/app.js")]
    [InlineData("/api/programs?q=MaaS")]
    [InlineData("/api/programs/no-such-program")]
    [InlineData("/health")]
    [InlineData("/no/such/page")]
    public async Task EveryResponseCarriesTheSecurityHeaders(string url)
    {
        var server = seeded.Server;
        using var response = await server.Client.GetAsync(url);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task AnyOriginMayReadTheApiButNotThePages()
    {
        var server = seeded.Server;
        using var api = new HttpRequestMessage(HttpMethod.Get, "/api/programs?q=MaaS");
        api.Headers.Add("Origin", "https://city.example.lg.jp");
        using var apiResponse = await server.Client.SendAsync(api);
        Assert.Equal("*", apiResponse.Headers.GetValues("Access-Control-Allow-Origin").Single());

        using var page = new HttpRequestMessage(HttpMethod.Get, "/");
        page.Headers.Add("Origin", "https://city.example.lg.jp");
        using var pageResponse = await server.Client.SendAsync(page);
        Assert.False(pageResponse.Headers.Contains("Access-Control-Allow-Origin"));

        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/programs");
        preflight.Headers.Add("Origin", "https://city.example.lg.jp");
        preflight.Headers.Add("Access-Control-Request-Method", "DELETE");
        using var preflightResponse = await server.Client.SendAsync(preflight);
        Assert.False(preflightResponse.Headers.TryGetValues("Access-Control-Allow-Methods", out var methods) && methods.Any(m => m.Contains("DELETE")));
    }

    [Fact]
    public async Task AClientOverTheRateLimitGets429ProblemDetails()
    {
        await using var server = await CatalogTestServer.StartAsync(settings: new Dictionary<string, string?> { ["Catalog:Limits:RequestsPerMinute"] = "5" });
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("/api/programs")).StatusCode);
        using var response = await server.Client.GetAsync("/api/programs");
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("5 API requests a minute", await response.Content.ReadAsStringAsync());
        Assert.True(response.Headers.Contains("Retry-After"));
        // Pages and probes are not rate limited.
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("/health")).StatusCode);
    }

    [Theory]
    [InlineData("POST", "/api/programs")]
    [InlineData("PUT", "/api/programs/mirai-gijutsu-shakai-jisso")]
    [InlineData("DELETE", "/api/programs/mirai-gijutsu-shakai-jisso")]
    [InlineData("POST", "/api/import")]
    [InlineData("POST", "/api/reindex")]
    public async Task NothingCanBeWrittenOverHttp(string method, string url)
    {
        var server = seeded.Server;
        var before = await server.Client.GetStringAsync("/api/export?format=ndjson");
        using var response = await server.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent("{}") });
        Assert.True(response.StatusCode is HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotFound, $"{method} {url} → {response.StatusCode}");
        Assert.Equal(before, await server.Client.GetStringAsync("/api/export?format=ndjson"));
    }
}
