using System.Text.Json.Nodes;
using Catalog.Tests.Support;

namespace Catalog.Tests.Evidence;

public class EvidenceApiTests
{
    [Fact]
    public async Task TheDetailCarriesEvidenceForTheProgramAndForEachAdoptionRow()
    {
        await using var server = await CatalogTestServer.StartAsync(seedPath: RepoPaths.Seed);

        var joso = await server.Client.GetObjectAsync("/api/programs/joso-ai-machizukuri-suishin");
        var evidence = joso["evidence"]!.AsArray().Select(e => e!.AsObject()).ToList();
        var budget = Assert.Single(evidence, e => e["field"]!.GetValue<string>() == "budget");
        Assert.Equal("000_f9fad185daa86c82.txt", budget["document"]!.GetValue<string>());
        Assert.Equal("予算額 11,200 千円", budget["quote"]!.GetValue<string>());
        Assert.DoesNotContain(evidence, e => e["field"]!.GetValue<string>().StartsWith("caps", StringComparison.Ordinal));

        var digital = await server.Client.GetObjectAsync("/api/programs/digital-denen-suishin-koufukin-type1");
        var ministry = Assert.Single(digital["evidence"]!.AsArray(), e => e!["field"]!.GetValue<string>() == "ministry")!;
        Assert.Equal("general-knowledge", ministry["basis"]!.GetValue<string>());
        Assert.Null(ministry["quote"]);

        var model = await server.Client.GetObjectAsync("/api/programs/smart-city-model-project");
        Assert.All(model["adoptions"]!.AsArray(), a => Assert.Contains(a!["evidence"]!.AsArray(), e => e!["field"]!.GetValue<string>() == "municipality"));
    }
}
