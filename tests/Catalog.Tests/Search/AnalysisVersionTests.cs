using Catalog.Japanese.Analysis;
using Catalog.Tests.Support;
using static Catalog.Tests.Support.Programs;

namespace Catalog.Tests.Search;

public sealed class AnalysisVersionTests
{
    [Fact]
    public async Task AnIndexBuiltByTheAnalyzerBeforeKuromojiParityIsRebuiltOnStart()
    {
        var data = TempFolder.NewPath();
        var kept = TempFolder.NewPath();
        await using (var first = await CatalogTestServer.StartAsync(dataPath: data))
        {
            first.Add(Make("kept", "データ連携基盤の整備"));
            await first.Client.GetAsync("/health");
            foreach (var file in Directory.EnumerateFiles(data, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(kept, Path.GetRelativePath(data, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }

        // The previous build recorded "ja-search/{format}/{user dictionary hash}", without the analysis version.
        var pointer = Path.Combine(kept, "index.json");
        var json = await File.ReadAllTextAsync(pointer);
        Assert.Contains($"/{JapaneseAnalyzer.AnalysisVersion}/", json);
        await File.WriteAllTextAsync(pointer, json.Replace($"/{JapaneseAnalyzer.AnalysisVersion}/", "/", StringComparison.Ordinal));

        await using var server = await CatalogTestServer.StartAsync(dataPath: kept);
        Assert.Equal(1, server.Index.Rebuilds);
        Assert.Equal(["kept"], (await server.Client.GetObjectAsync("/api/programs?q=データ連携基盤")).Ids());
    }
}
