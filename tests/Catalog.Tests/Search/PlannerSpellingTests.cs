using Catalog.Tests.Support;

namespace Catalog.Tests.Search;

/// <summary>#26: what planners type — hiragana, readings, typos, English — finds what the katakana or kanji finds.</summary>
public sealed class PlannerSpellingTests(SeedServer seed) : IClassFixture<SeedServer>
{
    private async Task<List<string>> Ids(string q) =>
        (await seed.Server.Client.GetObjectAsync($"/api/programs?pageSize=100&q={Uri.EscapeDataString(q)}")).Ids().Order().ToList();

    [Theory]
    [InlineData("どろーん", "ドローン")]          // hiragana for katakana
    [InlineData("ドローン", "drone")]             // English through the synonym file
    [InlineData("スマートシティ", "すまーとしてぃ")]
    [InlineData("スマートシティ", "smart city")]  // two words that together are one term
    [InlineData("テレワーク", "telework")]
    [InlineData("スマートシティ", "スマ−トシティ")] // a minus sign for the long-vowel mark
    [InlineData("ドローン", "ドロ-ン")]
    public async Task TheSpellingsFindTheSamePrograms(string canonical, string typed)
    {
        var expected = await Ids(canonical);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, await Ids(typed));
    }

    [Theory]
    [InlineData("じどううんてん", "jidou-unten-shakai-jisso-2024")] // the reading of the field 自動運転
    [InlineData("ぼうさい", "shin-chiho-keizai-seikatsu-kankyo-sosei-koufukin-chiiki-bousai-2025")]
    [InlineData("でじでん", "digital-denen-koufukin-digital-jisso-type1-2024")]
    public async Task AReadingTypedInKanaFindsTheKanjiTerm(string typed, string expected) =>
        Assert.Contains(expected, await Ids(typed));

    [Fact]
    public async Task AKatakanaTypoSearchesTheKnownWordAndSaysSo()
    {
        var typo = await seed.Server.Client.GetObjectAsync($"/api/programs?pageSize=100&q={Uri.EscapeDataString("スマートシテイ 総務省")}");
        Assert.Equal("スマートシティ 総務省", typo["didYouMean"]!.GetValue<string>());
        var right = await seed.Server.Client.GetObjectAsync($"/api/programs?pageSize=100&q={Uri.EscapeDataString("スマートシティ 総務省")}");
        Assert.Equal(right.Ids(), typo.Ids());
        Assert.Null(right["didYouMean"]);
        // A known word is never "corrected", and a short one is left alone.
        Assert.Null((await seed.Server.Client.GetObjectAsync($"/api/programs?q={Uri.EscapeDataString("ドローン")}"))["didYouMean"]);
    }

    [Fact]
    public async Task TheExportHoldsWhatTheKanaSearchFinds()
    {
        var search = await Ids("どろーん");
        var export = await seed.Server.Client.GetObjectAsync($"/api/export?format=json&q={Uri.EscapeDataString("どろーん")}");
        Assert.Equal(search, export["programs"]!.AsArray().Select(p => p!["id"]!.GetValue<string>()).Order().ToList());
    }

    [Fact]
    public async Task AMunicipalityNameIsMarkedWholeNeverAsALoneCharacter()
    {
        var result = await seed.Server.Client.GetObjectAsync($"/api/programs?pageSize=100&q={Uri.EscapeDataString("加賀市")}");
        var snippets = result.Hits().SelectMany(h => h["snippets"]!.AsArray()).Select(s => s!["html"]!.GetValue<string>()).ToList();
        Assert.Contains(snippets, s => s.Contains("<mark>加賀市</mark>", StringComparison.Ordinal));
        Assert.DoesNotContain(snippets, s => s.Contains("<mark>市</mark>", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheExportOfARelaxedSearchHoldsItsHitsAndSaysSo()
    {
        const string q = "テレワーク 補助";
        var search = await seed.Server.Client.GetObjectAsync($"/api/programs?pageSize=100&q={Uri.EscapeDataString(q)}");
        Assert.True(search["relaxed"]!.GetValue<bool>());
        var response = await seed.Server.Client.GetAsync($"/api/export?format=json&q={Uri.EscapeDataString(q)}");
        Assert.Equal("true", Assert.Single(response.Headers.GetValues("X-Search-Relaxed")));
        var export = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(search.Ids().Order(), export["programs"]!.AsArray().Select(p => p!["id"]!.GetValue<string>()).Order());
    }

    [Theory]
    [InlineData("正規化")]      // 「ministry は一般的な所管による正規化」
    [InlineData("抜粋")]        // 「…は保存した公式ページの抜粋に記載なし」
    public async Task TheSeedsEditorialNotesAreNotSearched(string word)
    {
        Assert.Contains(SeedRecords.All, p => p.EditorialNotes?.Contains(word) == true);
        Assert.Empty(await Ids(word));
    }
}
