using Catalog.Tests.Support;
using static Catalog.Tests.Support.Programs;

namespace Catalog.Tests.Search;

public sealed class IndexLifecycleTests
{
    private static async Task<string> DataFolderWithOneProgramAsync()
    {
        var data = TempFolder.NewPath();
        await using var first = await CatalogTestServer.StartAsync(dataPath: data);
        first.Add(Make("kept", "データ連携基盤の整備"));
        // Leave the folder behind for the next start (DisposeAsync deletes it, so copy first).
        var copy = TempFolder.NewPath();
        await first.Client.GetAsync("/health");
        foreach (var file in Directory.EnumerateFiles(data, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(data, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return copy;
    }

    [Fact]
    public async Task IndexIsRebuiltOnStartWhenItsFolderWasDeleted()
    {
        var data = await DataFolderWithOneProgramAsync();
        foreach (var dir in Directory.EnumerateDirectories(data, "index-*")) Directory.Delete(dir, recursive: true);

        await using var server = await CatalogTestServer.StartAsync(dataPath: data);
        Assert.Equal(["kept"], (await server.Client.GetObjectAsync("/api/programs?q=データ連携基盤")).Ids());
    }

    [Fact]
    public async Task IndexIsRebuiltOnStartWhenItIsCorrupted()
    {
        var data = await DataFolderWithOneProgramAsync();
        foreach (var file in Directory.EnumerateFiles(Directory.EnumerateDirectories(data, "index-*").Single()))
            await File.WriteAllBytesAsync(file, [1, 2, 3, 4]);

        await using var server = await CatalogTestServer.StartAsync(dataPath: data);
        Assert.Equal(["kept"], (await server.Client.GetObjectAsync("/api/programs?q=データ連携基盤")).Ids());
    }

    [Fact]
    public async Task IndexIsRebuiltOnStartWhenThePointerIsGarbage()
    {
        var data = await DataFolderWithOneProgramAsync();
        await File.WriteAllTextAsync(Path.Combine(data, "index.json"), "{ not json");

        await using var server = await CatalogTestServer.StartAsync(dataPath: data);
        Assert.Equal(["kept"], (await server.Client.GetObjectAsync("/api/programs?q=データ連携基盤")).Ids());
    }

    [Fact]
    public async Task ExistingIndexIsReusedWhenItMatchesTheStore()
    {
        var data = await DataFolderWithOneProgramAsync();
        var before = Directory.EnumerateDirectories(data, "index-*").Single();

        await using var server = await CatalogTestServer.StartAsync(dataPath: data);
        Assert.Equal(0, server.Index.Rebuilds);
        Assert.Equal(before, Directory.EnumerateDirectories(data, "index-*").Single());
    }

    [Fact]
    public async Task SearchesDuringReindexingNeverFailNorComeBackEmpty()
    {
        await using var server = await CatalogTestServer.StartAsync();
        server.Add(Enumerable.Range(1, 200).Select(i => Make($"p-{i:D3}", $"スマートシティ推進事業{i}", summary: "データ連携基盤を整備する")).ToArray());

        using var stop = new CancellationTokenSource();
        var rebuilds = Task.Run(() =>
        {
            for (var i = 0; i < 8; i++) server.Index.Rebuild();
            stop.Cancel();
        });
        var searches = 0;
        while (!stop.IsCancellationRequested)
        {
            var result = await server.Client.GetObjectAsync("/api/programs?q=データ連携基盤&pageSize=5");
            Assert.Equal(200, result["total"]!.GetValue<int>());
            searches++;
        }
        await rebuilds;
        Assert.True(searches > 0);
        // Old generations are cleaned up: only the current one stays.
        await Task.Delay(100);
        Assert.Single(Directory.EnumerateDirectories(server.DataPath, "index-*"));
    }

    [Fact]
    public async Task ImportThroughTheImporterUpdatesTheIndex()
    {
        await using var server = await CatalogTestServer.StartAsync();
        var folder = Path.Combine(server.DataPath, "incoming");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "p.json"), Catalog.Core.Programs.ProgramJson.Serialize(Make("imported", "無人航空機の実証", fields: ["ドローン"]), indented: true));

        var result = server.Importer.Import(folder);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(["imported"], (await server.Client.GetObjectAsync("/api/programs?q=ドローン")).Ids());
    }
}
