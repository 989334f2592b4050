using System.Diagnostics;
using System.Text.Json.Nodes;
using Catalog.Tests.Changes;
using Catalog.Tests.Support;
using Xunit.Abstractions;

namespace Catalog.Tests.Contract;

/// <summary>
/// The service over the seed and an edited import, its /openapi/v1.json, a live response for every
/// operation (answers and errors, a 429 from a second service limited to one request a minute),
/// and the document's lint and generated TypeScript types, made once for the class.
/// </summary>
public sealed class ApiContract : IAsyncLifetime
{
    private readonly EditedCatalogue _catalogue = new();
    private readonly TempFolder _work = new();

    public string Work => _work.Path;
    public HttpClient ServerClient => _catalogue.Server.Client;
    public JsonObject Document { get; private set; } = null!;
    public IReadOnlyList<LiveResponse> Responses { get; private set; } = [];
    public (int Code, string Stdout, string Stderr) Lint { get; private set; }
    public (int Code, string Stdout, string Stderr) Generate { get; private set; }
    public TimeSpan ToolTime { get; private set; }

    public async Task InitializeAsync()
    {
        await _catalogue.InitializeAsync();
        var text = await _catalogue.Server.Client.GetStringAsync("/openapi/v1.json");
        Document = JsonNode.Parse(text)!.AsObject();
        await File.WriteAllTextAsync(Path.Combine(Work, "openapi.json"), text);

        var clock = Stopwatch.StartNew();
        var lint = ContractTools.RedoclyAsync(Work, "lint", "openapi.json", "--extends=recommended", "--format=json");
        var generate = ContractTools.OpenApiTypeScriptAsync(Work, "openapi.json", "--output", "api.d.ts");

        var responses = new List<LiveResponse>();
        foreach (var sample in LiveSamples.For(_catalogue.Edited))
            responses.Add(await LiveSamples.FetchAsync(_catalogue.Server.Client, sample));
        await using (var limited = await CatalogTestServer.StartAsync(settings: new Dictionary<string, string?> { ["Catalog:Limits:RequestsPerMinute"] = "1" }))
        {
            var first = new LiveSample("GetVocabulary", "/api/vocabulary", 200);
            responses.Add(await LiveSamples.FetchAsync(limited.Client, first));
            responses.Add(await LiveSamples.FetchAsync(limited.Client, first with { Status = 429 }));
        }
        Responses = responses;
        (Lint, Generate) = (await lint, await generate);
        ToolTime = clock.Elapsed;
    }

    public async Task DisposeAsync()
    {
        await _catalogue.DisposeAsync();
        _work.Dispose();
    }
}

public class ApiContractTests(ApiContract contract, ITestOutputHelper output) : IClassFixture<ApiContract>
{
    private IEnumerable<(string Path, string Method, JsonObject Operation)> Operations() =>
        contract.Document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(m => (p.Key, m.Key, m.Value!.AsObject())));

    [Fact]
    public void TheDocumentPassesRedoclysRecommendedRulesWithNoError()
    {
        var report = JsonNode.Parse(contract.Lint.Stdout) ?? throw new Xunit.Sdk.XunitException(contract.Lint.Stderr);
        var problems = report["problems"]!.AsArray().Select(p => $"{p!["severity"]} {p["ruleId"]}: {p["message"]} at {p["location"]![0]!["pointer"]}").ToList();
        output.WriteLine($"redocly lint: {report["totals"]!.ToJsonString()}\n{string.Join("\n", problems)}");
        Assert.Equal(0, report["totals"]!["errors"]!.GetValue<int>());
    }

    [Fact]
    public async Task AClientGeneratedFromTheDocumentTypeChecksEveryLiveResponse()
    {
        Assert.True(contract.Generate.Code == 0, contract.Generate.Stderr);
        foreach (var r in contract.Responses)
            Assert.True(r.Status == r.Sample.Status, $"{r.Sample.Url} → {r.Status}, expected {r.Sample.Status}");
        // Every operation of the document is read, each with a success; the ids are the stable ones the samples name.
        var sampled = contract.Responses.Select(r => r.Sample.OperationId).ToHashSet();
        Assert.Equal(Operations().Select(o => o.Operation["operationId"]!.GetValue<string>()).Order(), sampled.Order());
        Assert.All(sampled, id => Assert.Contains(contract.Responses, r => r.Sample.OperationId == id && r.Status is 200));

        var check = TypeScriptSamples.Write(contract.Document, contract.Responses) + """
            // The generated types are strict: each of these must be an error.
            type Search = paths["/api/programs"]["get"]["responses"][200]["content"]["application/json"];
            declare const search: Search;
            // @ts-expect-error a number given as a string
            export const wrongType: Search = { ...search, total: "3" };
            // @ts-expect-error a member the document does not name
            export const unknownMember: Search = { ...search, score: 1 };
            // @ts-expect-error a status the operation does not document
            export type NoSuchStatus = paths["/api/vocabulary"]["get"]["responses"][404];

            """;
        await File.WriteAllTextAsync(Path.Combine(contract.Work, "check.ts"), check);
        var clock = Stopwatch.StartNew();
        var tsc = await ContractTools.TscAsync(contract.Work, "--noEmit", "--strict", "--target", "es2022", "--module", "esnext",
            "--moduleResolution", "bundler", "--skipLibCheck", "check.ts");
        output.WriteLine($"{contract.Responses.Count} responses; lint and generation {contract.ToolTime.TotalSeconds:F1} s, tsc {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(tsc.Code == 0, tsc.Stdout[..Math.Min(tsc.Stdout.Length, 4000)] + tsc.Stderr);
    }

    [Fact]
    public void EveryOperationDocumentsItsErrorsAsProblemDetailsAndThePublicApiHasNoSecurity()
    {
        Assert.Equal("[]", contract.Document["security"]!.ToJsonString());
        foreach (var (path, method, op) in Operations())
        {
            var id = op["operationId"]!.GetValue<string>();
            var responses = op["responses"]!.AsObject();
            var hasQuery = op["parameters"]?.AsArray().Any(p => p!["in"]!.GetValue<string>() == "query") ?? false;
            Assert.True(responses.ContainsKey("414"), $"{id} has no 414");
            Assert.True(!hasQuery || responses.ContainsKey("400"), $"{id} parses query parameters but documents no 400");
            Assert.True(!path.StartsWith("/api/", StringComparison.Ordinal) || responses.ContainsKey("429"), $"{id} is rate-limited but documents no 429");
            foreach (var (status, response) in responses.Where(r => r.Key[0] is '4' || (r.Key[0] is '5' && id != "Health")))
                Assert.Equal("#/components/schemas/ProblemDetails", response!["content"]?["application/problem+json"]?["schema"]?["$ref"]?.GetValue<string>());
        }
        // Numbers are numbers: no "integer or string" pattern is left.
        Assert.DoesNotContain("\"string\"", contract.Document["components"]!["schemas"]!["SearchResponse"]!["properties"]!["total"]!.ToJsonString());
    }

    [Theory]
    [InlineData("/api/programs", "pageSize", 100)]
    [InlineData("/api/adoptions", "pageSize", 500)]
    [InlineData("/api/municipalities", "limit", 100)]
    public async Task AWholeNumbersDocumentedMaximumParsesAndTheNextDoesNot(string path, string name, int expected)
    {
        var schema = contract.Document["paths"]![path]!["get"]!["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == name)!["schema"]!;
        Assert.Equal("integer", schema["type"]!.GetValue<string>());
        var maximum = schema["maximum"]!.GetValue<int>();
        Assert.Equal(expected, maximum);
        using var atMaximum = await ServerClient.GetAsync($"{path}?{name}={maximum}");
        Assert.Equal(System.Net.HttpStatusCode.OK, atMaximum.StatusCode);
        await ServerClient.GetProblemAsync($"{path}?{name}={maximum + 1}", name);
    }

    [Fact]
    public void ClosedVocabulariesAreEnumsAndFlagsAndNumbersAreTyped()
    {
        var parameters = contract.Document["paths"]!["/api/programs"]!["get"]!["parameters"]!.AsArray().ToDictionary(p => p!["name"]!.GetValue<string>(), p => p!["schema"]!);
        Assert.Equal(Catalog.Core.Programs.Vocabulary.Statuses, parameters["status"]["items"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal(["relevance", "deadline", "cap", "rate", "name"], parameters["sort"]["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal(("boolean", true), (parameters["interpret"]["type"]!.GetValue<string>(), parameters["interpret"]["default"]!.GetValue<bool>()));
        Assert.Equal("number", parameters["rateMin"]["type"]!.GetValue<string>());
        Assert.Equal("integer", parameters["capMin"]["type"]!.GetValue<string>());
        Assert.Contains(parameters["asOf"]["anyOf"]!.AsArray(), f => f!["format"]?.GetValue<string>() == "date");
        var verdicts = contract.Document["paths"]!["/api/municipalities/{code}/programs"]!["get"]!["parameters"]!.AsArray();
        Assert.True(verdicts.Single(p => p!["name"]!.GetValue<string>() == "hideEnded")!["schema"]!["default"]!.GetValue<bool>());
    }

    private HttpClient ServerClient => contract.ServerClient;
}
