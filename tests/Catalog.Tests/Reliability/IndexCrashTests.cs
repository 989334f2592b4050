using System.Text.Json.Nodes;
using Catalog.Benchmarks;
using Catalog.Tests.Support;

namespace Catalog.Tests.Reliability;

public class IndexCrashTests
{
    [Fact]
    public async Task AReindexKilledMidwayLeavesAnIndexThatMatchesTheDatabase()
    {
        using var folder = new TempFolder();
        var data = folder.Combine("data");
        var synthetic = folder.Combine("synthetic.ndjson");
        SyntheticCatalogue.WriteNdjson(synthetic, 1500);
        Directory.CreateDirectory(data);
        await SeededCatalogue.CopyIntoAsync(data);
        Assert.Equal(0, VerbProcess.Run(data, "import", synthetic).Code);

        var random = new Random(1123);
        var killedMidway = 0;
        for (var round = 0; round < 3; round++)
        {
            // Killed while it writes its new generation directory, at a random moment after it appears.
            var before = Directory.GetDirectories(data, "index-*").ToHashSet();
            bool Writing() => Directory.GetDirectories(data, "index-*").Any(d => !before.Contains(d));
            if (VerbProcess.KillWhen(data, Writing, TimeSpan.FromMilliseconds(random.Next(0, 400)), "reindex")) killedMidway++;
        }
        Assert.True(killedMidway > 0, "every reindex finished before the kill; the test proved nothing");

        // The service starts over what the kills left, and answers with the whole catalogue.
        await using var server = await CatalogTestServer.StartAsync(dataPath: data);
        var expected = server.Store.Count();
        var all = JsonNode.Parse(await server.Client.GetStringAsync("/api/programs?pageSize=1"))!;
        Assert.Equal(expected, all["total"]!.GetValue<long>());
        var maas = JsonNode.Parse(await server.Client.GetStringAsync("/api/programs?q=地域新MaaS創出推進事業&pageSize=5"))!;
        Assert.Equal("chiiki-shin-maas-soshutsu-suishin", maas["hits"]![0]!["id"]!.GetValue<string>());
    }
}

public class SharedDataFolderTests
{
    [Fact]
    public async Task TheServiceServesAnImportThatTheVerbRanBesideIt()
    {
        await using var server = await CatalogTestServer.StartAsync(seedPath: RepoPaths.Seed,
            settings: new Dictionary<string, string?> { ["Catalog:FollowInterval"] = "00:00:00.5" });
        var seedCount = server.Store.Count();
        var synthetic = Path.Combine(server.DataPath, "synthetic.ndjson");
        SyntheticCatalogue.WriteNdjson(synthetic, 300);

        var (code, _, stderr) = VerbProcess.Run(server.DataPath, "import", synthetic);
        Assert.True(code == 0, stderr);

        long total = 0;
        for (var i = 0; i < 100 && total != seedCount + 300; i++)
        {
            await Task.Delay(200);
            total = JsonNode.Parse(await server.Client.GetStringAsync("/api/programs?pageSize=1"))!["total"]!.GetValue<long>();
        }
        Assert.Equal(seedCount + 300, total);
    }

    [Fact]
    public async Task AnImportWhoseIndexingNeverRanIsIndexedByTheService()
    {
        await using var server = await CatalogTestServer.StartAsync(seedPath: RepoPaths.Seed,
            settings: new Dictionary<string, string?> { ["Catalog:FollowInterval"] = "00:00:00.5" });
        var seedCount = server.Store.Count();
        // Committed by a store the index does not listen to, as when a process dies between
        // committing its import and rebuilding the index.
        var store = new Catalog.Core.Store.ProgramStore(new Catalog.Core.Store.CatalogDatabase(new Catalog.Core.CatalogOptions { DataPath = server.DataPath }));
        store.Upsert(SyntheticCatalogue.Generate(50).ToList(), [], "test");

        long total = 0;
        for (var i = 0; i < 100 && total != seedCount + 50; i++)
        {
            await Task.Delay(200);
            total = JsonNode.Parse(await server.Client.GetStringAsync("/api/programs?pageSize=1"))!["total"]!.GetValue<long>();
        }
        Assert.Equal(seedCount + 50, total);
    }
}
