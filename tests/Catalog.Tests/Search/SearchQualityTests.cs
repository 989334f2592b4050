using Catalog.Tests.Support;

namespace Catalog.Tests.Search;

/// <summary>Read-only: one server over the real seed serves every query of this class.</summary>
public sealed class SeedServer : IAsyncLifetime
{
    public CatalogTestServer Server { get; private set; } = null!;
    public async Task InitializeAsync()
    {
        Server = await CatalogTestServer.StartAsync(seedPath: RepoPaths.Seed);
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

public sealed class SearchQualityTests(SeedServer seed) : IClassFixture<SeedServer>
{
    [Theory]
    [InlineData("自動運転", "chiiki-shin-maas-soshutsu-suishin")]
    [InlineData("ドローン", "mirai-gijutsu-shakai-jisso")]
    [InlineData("MaaS", "nihonban-maas-suishin-shien")]
    [InlineData("maas", "nihonban-maas-suishin-shien")]
    [InlineData("データ連携基盤", "smart-city-suishin-data-renkei-sokushin")]
    [InlineData("AI 計画策定", "chiiki-iot-jisso-keikaku-jichitai-ai")]
    [InlineData("デジ田", "digital-denen-suishin-koufukin-type1")]
    [InlineData("デジタル田園都市国家構想", "digital-denen-suishin-koufukin-type2-3")]
    [InlineData("都市OS", "smart-city-suishin-data-renkei-sokushin")]
    [InlineData("人工知能", "chiiki-iot-jisso-keikaku-jichitai-ai")]
    [InlineData("企業版ふるさと納税", "kigyo-ban-furusato-nozei")]
    [InlineData("地方自治体 課題解決", "kominrenkei-suishin-kikou-jichitai-shien")]
    [InlineData("つくば スタートアップ", "tsukuba-startup-suishin")]
    public async Task PlannerQueryFindsTheProgramInTheTopThree(string q, string expected)
    {
        // The program, or another year's call or menu of its family: the newest call is as good an answer.
        var family = SeedRecords.All.Single(p => p.Id == expected).FamilyKey;
        var result = await seed.Server.Client.GetObjectAsync($"/api/programs?q={Uri.EscapeDataString(q)}");
        var top = result.Ids().Take(3).ToList();
        Assert.True(top.Any(id => SeedRecords.All.Single(p => p.Id == id).FamilyKey == family),
            $"q={q}: expected a program of {family} in the top 3, got [{string.Join(", ", top)}] of {result["total"]}");
    }

    [Fact]
    public async Task KanaQueryFindsKanjiNames()
    {
        var result = await seed.Server.Client.GetObjectAsync($"/api/programs?q={Uri.EscapeDataString("こうふきん")}");
        Assert.Contains(result.Ids().Take(3), id => id.Contains("koufukin", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SeedCatalogueIsSearchableInFull()
    {
        var result = await seed.Server.Client.GetObjectAsync("/api/programs?pageSize=100");
        Assert.Equal(Directory.GetFiles(Path.Combine(RepoPaths.Seed, "programs"), "*.json").Length, result["total"]!.GetValue<int>());
    }
}
