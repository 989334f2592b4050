using System.Text.Json.Nodes;
using Catalog.Core.Programs;
using Catalog.Tests.Support;

namespace Catalog.Tests.Search;

/// <summary>
/// The rateKind filter and facet over HTTP, on a synthetic catalogue whose rates cover every kind:
/// what each value finds is computed from the catalogue's files, and 「定額」 in q gives exactly
/// the hits of rateKind=定額.
/// </summary>
public sealed class RateKindApiTests(RateCatalogueServer fixture) : IClassFixture<RateCatalogueServer>
{
    private HttpClient Client => fixture.Client;

    private static string Query(params (string Key, string Value)[] parameters) =>
        "/api/programs?pageSize=100&" + string.Join('&', parameters.Select(p => p.Key + "=" + Uri.EscapeDataString(p.Value)));

    private List<string> Expected(string rateKind) => RateCatalogue.IdsWhoseRateSays(fixture.Catalogue.Path, rateKind);

    private static List<string> Sorted(JsonObject response) => response.Ids().Order(StringComparer.Ordinal).ToList();

    [Theory]
    [InlineData("定額")]
    [InlineData("定率")]
    public async Task EachRateKindFindsTheProgramsWhoseRateTextSaysSo(string rateKind)
    {
        var expected = Expected(rateKind);
        var response = await Client.GetObjectAsync(Query(("rateKind", rateKind)));
        var all = await Client.GetObjectAsync(Query());

        Assert.NotEmpty(expected);
        Assert.Equal(expected, Sorted(response));
        Assert.Equal(expected.Count, response["total"]!.GetValue<int>());
        Assert.Equal(expected.Count, all.Count("rateKind", rateKind));
        var facet = response["facets"]!["rateKind"]!.AsArray().Single(v => v!["value"]!.GetValue<string>() == rateKind)!;
        Assert.True(facet["selected"]!.GetValue<bool>());
        Assert.Equal(RateKindFacet.Label(rateKind), facet["label"]!.GetValue<string>());
    }

    [Fact]
    public async Task ARateOfEitherKindIsFoundUnderBoth()
    {
        var fixedIds = await Client.GetObjectAsync(Query(("rateKind", "定額")));
        var fractionIds = await Client.GetObjectAsync(Query(("rateKind", "定率")));
        var either = await Client.GetObjectAsync(Query(("rateKind", "定額"), ("rateKind", "定率")));

        Assert.Contains(RateCatalogue.MixedId, fixedIds.Ids());
        Assert.Contains(RateCatalogue.MixedId, fractionIds.Ids());
        Assert.Contains(RateCatalogue.TieredId, fractionIds.Ids());
        Assert.DoesNotContain(RateCatalogue.TieredId, fixedIds.Ids());
        Assert.DoesNotContain(RateCatalogue.NoneId, either.Ids());
        Assert.Equal(fixedIds.Ids().Union(fractionIds.Ids()).Order(StringComparer.Ordinal), Sorted(either));
    }

    [Theory]
    [InlineData("定額 ドローン", "定額", "ドローン")]
    [InlineData("定額 観光", "定額", "観光")]
    [InlineData("ドローン 定額補助", "定額補助", "ドローン")]
    [InlineData("補助率 定額 ドローン", "補助率 定額", "ドローン")]
    [InlineData("定額", "定額", null)]
    public async Task FixedAmountInTheQueryFindsExactlyWhatRateKindFixedFinds(string q, string text, string? word)
    {
        var understood = await Client.GetObjectAsync(Query(("q", q)));
        var written = await Client.GetObjectAsync(Query(("q", word ?? ""), ("rateKind", "定額"), ("interpret", "false")));
        var wordOnly = await Client.GetObjectAsync(Query(("q", word ?? ""), ("interpret", "false")));

        Assert.Equal(written.Ids(), understood.Ids());
        Assert.Equal(written["total"]!.GetValue<int>(), understood["total"]!.GetValue<int>());
        Assert.Equal(written["facets"]!.ToJsonString(), understood["facets"]!.ToJsonString());
        Assert.Equal(word, understood["q"]?.GetValue<string>());
        var part = Assert.Single(understood["understood"]!.AsArray())!;
        Assert.Equal((text, "rateKind", "定額", "補助率: 定額"),
            (part["text"]!.GetValue<string>(), part["filter"]!.GetValue<string>(), part["value"]!.GetValue<string>(), part["label"]!.GetValue<string>()));
        // The hits are the word's hits whose rate text says 定額, and there are some.
        var expected = wordOnly.Ids().Intersect(Expected("定額")).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expected);
        Assert.True(wordOnly["total"]!.GetValue<int>() <= 100, "one page holds every hit of the word");
        Assert.Equal(expected, Sorted(understood));
    }

    [Fact]
    public async Task InterpretFalseSearchesFixedAmountAsText()
    {
        var off = await Client.GetObjectAsync(Query(("q", "定額 ドローン"), ("interpret", "false")));

        Assert.Empty(off["understood"]!.AsArray());
        Assert.Equal("定額 ドローン", off["q"]!.GetValue<string>());
        Assert.DoesNotContain(off["facets"]!["rateKind"]!.AsArray(), v => v!["selected"]!.GetValue<bool>());
    }

    [Fact]
    public async Task TheExportFollowsTheUnderstoodRateKind()
    {
        using var understood = await Client.GetAsync("/api/export?format=json&q=" + Uri.EscapeDataString("定額 ドローン"));
        using var written = await Client.GetAsync("/api/export?format=json&interpret=false&rateKind=" + Uri.EscapeDataString("定額") + "&q=" + Uri.EscapeDataString("ドローン"));
        var body = await written.Content.ReadAsStringAsync();

        Assert.True(written.IsSuccessStatusCode, body);
        Assert.Equal(body, await understood.Content.ReadAsStringAsync());
        var ids = JsonNode.Parse(body)!["programs"]!.AsArray().Select(p => p!["id"]!.GetValue<string>()).ToList();
        Assert.NotEmpty(ids);
        Assert.All(ids, id => Assert.Contains(id, Expected("定額")));
    }

    [Fact]
    public async Task AnUnknownRateKindIsAProblemNamingTheParameterAndTheAllowedValues()
    {
        var problem = await Client.GetProblemAsync(Query(("rateKind", "全額")), "rateKind");

        Assert.Equal("rateKind", problem["parameter"]!.GetValue<string>());
        Assert.Contains("定額, 定率", problem["detail"]!.GetValue<string>());
        await Client.GetProblemAsync("/api/export?format=json&rateKind=fixed", "rateKind");
    }

    [Fact]
    public async Task TheVocabularyGivesTheRateKindsWithTheFacetsLabels()
    {
        var vocabulary = await Client.GetObjectAsync("/api/vocabulary");
        var all = await Client.GetObjectAsync(Query());

        var kinds = vocabulary["rateKinds"]!.AsArray().Select(k => (k!["value"]!.GetValue<string>(), k["label"]!.GetValue<string>())).ToList();
        Assert.Equal([("定額", "定額"), ("定率", "定率（1/2 など）")], kinds);
        var facet = all["facets"]!["rateKind"]!.AsArray().Select(k => (k!["value"]!.GetValue<string>(), k["label"]!.GetValue<string>())).ToList();
        Assert.Equal(kinds, facet);
    }

    [Fact]
    public async Task OpenApiDescribesTheRateKindParameter()
    {
        var doc = JsonNode.Parse(await Client.GetStringAsync("/openapi/v1.json"))!;

        foreach (var path in new[] { "/api/programs", "/api/export" })
        {
            var parameter = doc["paths"]![path]!["get"]!["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "rateKind")!;
            Assert.Contains("定額", parameter["description"]!.GetValue<string>());
            Assert.Equal("array", parameter["schema"]!["type"]!.GetValue<string>());
        }
    }
}

/// <summary>The rate-kind facet over the real seed: what it finds is what the seed's rate texts say.</summary>
public sealed class SeedRateKindTests(SeedServer seed) : IClassFixture<SeedServer>
{
    [Theory]
    [InlineData("定額")]
    [InlineData("定率")]
    public async Task TheSeedsRateKindsAreThoseItsRateTextsState(string rateKind)
    {
        var expected = RateCatalogue.IdsWhoseRateSays(RepoPaths.Seed, rateKind);
        var response = await seed.Server.Client.GetObjectAsync("/api/programs?pageSize=100&rateKind=" + Uri.EscapeDataString(rateKind));

        Assert.Equal(expected, response.Ids().Order(StringComparer.Ordinal).ToList());
        Assert.Equal(expected.Count, response["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task FixedAmountInTheQueryIsTheFilterOverTheSeed()
    {
        // No seed document states a 定額 rate (today the set is empty); no seed name contains 定額,
        // so the word is read as the filter and finds exactly what the seed's rate texts say.
        var understood = await seed.Server.Client.GetObjectAsync("/api/programs?pageSize=100&q=" + Uri.EscapeDataString("定額"));

        Assert.Equal("rateKind", Assert.Single(understood["understood"]!.AsArray())!["filter"]!.GetValue<string>());
        Assert.Equal(RateCatalogue.IdsWhoseRateSays(RepoPaths.Seed, "定額"), understood.Ids().Order(StringComparer.Ordinal).ToList());
    }
}

/// <summary>The conservative rule: 定額 inside a program's name stays text.</summary>
public sealed class RateKindContentWordTests
{
    [Fact]
    public async Task FixedAmountStaysTextOnceAProgramNameContainsIt()
    {
        await using var server = await CatalogTestServer.StartAsync();
        var fixedRate = Programs.Make("fixed-drone", "ドローン活用支援事業");
        fixedRate.Rate = new SubsidyRate { Text = "定額", Kind = "fixed" };
        var fraction = Programs.Make("fraction-drone", "ドローン物流実証事業", rateMax: 0.5m);
        server.Add(fixedRate, fraction);
        var before = await server.Client.GetObjectAsync("/api/programs?q=" + Uri.EscapeDataString("定額 ドローン"));

        server.Add(Programs.Make("flat-fare", "ドローン定額乗り放題実証事業"));
        var after = await server.Client.GetObjectAsync("/api/programs?q=" + Uri.EscapeDataString("定額 ドローン"));
        var asText = await server.Client.GetObjectAsync("/api/programs?interpret=false&q=" + Uri.EscapeDataString("定額 ドローン"));
        var marked = await server.Client.GetObjectAsync("/api/programs?q=" + Uri.EscapeDataString("補助率 定額 ドローン"));

        Assert.Equal("rateKind", Assert.Single(before["understood"]!.AsArray())!["filter"]!.GetValue<string>());
        Assert.Equal(["fixed-drone"], before.Ids());
        Assert.Empty(after["understood"]!.AsArray());
        Assert.Equal("定額 ドローン", after["q"]!.GetValue<string>());
        Assert.Equal(asText.Ids(), after.Ids());
        Assert.Contains("flat-fare", after.Ids()); // the name that holds the word, found as text
        // Marked by 補助率, 定額 is still the rate kind.
        Assert.Equal("rateKind", Assert.Single(marked["understood"]!.AsArray())!["filter"]!.GetValue<string>());
        Assert.Equal(["fixed-drone"], marked.Ids());
    }
}
