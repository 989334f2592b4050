using Catalog.Core.Programs;
using Catalog.Tests.Support;
using static Catalog.Tests.Support.Programs;

namespace Catalog.Tests.Search;

/// <summary>#27 purpose navigation: 「〜したい」 as a rule over fields and kinds, a filter of search and export with counts.</summary>
public sealed class PurposeApiTests
{
    private const string Disaster = "防災を強くしたい";
    private const string Mobility = "移動・交通を便利にしたい";
    private const string Planning = "計画づくりから相談したい";

    [Fact]
    public void EveryPurposeNamesOnlyFieldsAndKindsOfTheVocabularyAndTakesSomethingIn()
    {
        Assert.Equal(Purposes.All.Count, Purposes.Values.Distinct().Count());
        Assert.True(Purposes.All.Count <= 31, "purposes are bits of an int");
        foreach (var p in Purposes.All)
        {
            Assert.True(p.Fields.Count + p.Kinds.Count > 0, p.Value);
            Assert.All(p.Fields, f => Assert.Contains(f, Vocabulary.Fields));
            Assert.All(p.Kinds, k => Assert.Contains(k, Vocabulary.Kinds));
        }
        Assert.Equal([Disaster, Planning], Purposes.Of(["防災"], ["伴走支援・計画策定支援"]));
        Assert.Empty(Purposes.Of([], ["補助金"]));
    }

    [Fact]
    public void TheDocsPageListsEachPurposeWithTheRuleTheCodeHas()
    {
        var rows = File.ReadAllLines(Path.Combine(RepoPaths.Root, "docs", "purposes.md"))
            .Where(l => l.StartsWith("| ") && !l.StartsWith("| purpose"))
            .Select(l => l.Split('|').Select(c => c.Trim()).ToArray())
            .Select(c => (Value: c[1], Fields: Split(c[2]), Kinds: Split(c[3])))
            .ToList();
        Assert.Equal(Purposes.Values, rows.Select(r => r.Value));
        foreach (var (p, row) in Purposes.All.Zip(rows))
        {
            Assert.Equal(p.Fields, row.Fields);
            Assert.Equal(p.Kinds, row.Kinds);
        }

        static string[] Split(string cell) => cell.Length == 0 ? [] : cell.Split('、');
    }

    [Fact]
    public async Task APurposeFiltersSearchAndExportByItsFieldsOrKindsAndCountsLikeAFacet()
    {
        await using var server = await CatalogTestServer.StartAsync();
        server.Add(
            Make("bousai", "防災の補助金", fields: ["防災"]),
            Make("maas", "移動の補助金", fields: ["MaaS", "防災"]),
            Make("bus", "バスの補助金", fields: ["交通"]),
            Make("advice", "計画策定の伴走支援", kinds: ["伴走支援・計画策定支援"]),
            Make("other", "その他の補助金", fields: ["観光"]));

        var disaster = await server.Client.GetObjectAsync($"/api/programs?purpose={Uri.EscapeDataString(Disaster)}&sort=name");
        Assert.Equal(["bousai", "maas"], disaster.Ids().Order());
        // Multi-select: the purpose facet still counts what another purpose would add.
        Assert.Equal(2, disaster.Count("purpose", Disaster));
        Assert.Equal(2, disaster.Count("purpose", Mobility));
        Assert.Equal(1, disaster.Count("purpose", Planning));
        Assert.True(disaster["facets"]!["purpose"]!.AsArray().Single(f => f!["value"]!.GetValue<string>() == Disaster)!["selected"]!.GetValue<bool>());

        // Repeated: any of them (by a field, or by a kind).
        var either = await server.Client.GetObjectAsync($"/api/programs?purpose={Uri.EscapeDataString(Mobility)}&purpose={Uri.EscapeDataString(Planning)}");
        Assert.Equal(["advice", "bus", "maas"], either.Ids().Order());

        // With another facet: AND across facets.
        var both = await server.Client.GetObjectAsync($"/api/programs?purpose={Uri.EscapeDataString(Mobility)}&field=" + Uri.EscapeDataString("防災"));
        Assert.Equal(["maas"], both.Ids());

        var export = await server.Client.GetObjectAsync($"/api/export?format=json&purpose={Uri.EscapeDataString(Disaster)}");
        Assert.Equal(["bousai", "maas"], export["programs"]!.AsArray().Select(p => p!["id"]!.GetValue<string>()).Order());

        var problem = await server.Client.GetProblemAsync("/api/programs?purpose=" + Uri.EscapeDataString("空を飛びたい"), "purpose");
        Assert.Contains(Disaster, problem["detail"]!.GetValue<string>());

        var vocabulary = await server.Client.GetObjectAsync("/api/vocabulary");
        var listed = vocabulary["purposes"]!.AsArray();
        Assert.Equal(Purposes.Values, listed.Select(p => p!["value"]!.GetValue<string>()));
        Assert.Equal(["防災"], listed.Single(p => p!["value"]!.GetValue<string>() == Disaster)!["fields"]!.AsArray().Select(f => f!.GetValue<string>()));
    }
}
