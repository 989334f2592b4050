using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Catalog.Tests.Support;

public static class HttpJson
{
    public static async Task<JsonObject> GetObjectAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url} → {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>Asserts a 400 ProblemDetails whose detail names <paramref name="parameter"/>.</summary>
    public static async Task<JsonObject> GetProblemAsync(this HttpClient client, string url, string parameter, int status = 400)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"GET {url} → {(int)response.StatusCode}, expected {status}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!.AsObject();
        Assert.Contains(parameter, problem["detail"]!.GetValue<string>());
        return problem;
    }

    public static List<string> Ids(this JsonObject searchResponse) =>
        searchResponse["hits"]!.AsArray().Select(h => h!["id"]!.GetValue<string>()).ToList();

    public static IEnumerable<JsonNode> Hits(this JsonObject searchResponse) =>
        searchResponse["hits"]!.AsArray().Select(h => h!);

    public static int Count(this JsonObject searchResponse, string facet, string value) =>
        searchResponse["facets"]![facet]!.AsArray().FirstOrDefault(v => v!["value"]!.GetValue<string>() == value)?["count"]!.GetValue<int>() ?? 0;
}
