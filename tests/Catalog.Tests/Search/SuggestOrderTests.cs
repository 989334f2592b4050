using System.Text.Json.Nodes;
using Catalog.Tests.Support;
using static Catalog.Tests.Support.Programs;

namespace Catalog.Tests.Search;

public sealed class SuggestOrderTests
{
    private static async Task<List<string>> Suggest(CatalogTestServer server, string q) =>
        JsonNode.Parse(await server.Client.GetStringAsync("/api/suggest?q=" + Uri.EscapeDataString(q)))!.AsArray()
            .Select(s => s!["text"]!.GetValue<string>()).ToList();

    [Fact]
    public async Task NamesThatStartWithTheInputComeBeforeNamesThatOnlyContainIt()
    {
        await using var server = await CatalogTestServer.StartAsync();
        server.Add(
            Make("contains-short", "新データ"), // shorter than every prefix match, so only the tier puts it last
            Make("prefix-long", "データ連携基盤整備推進事業"),
            Make("prefix-short", "データ活用事業"),
            Make("contains-long", "地域交通データ活用事業"));

        var texts = await Suggest(server, "データ");

        // The field vocabulary takes part too: データ連携基盤 starts with the input, オープンデータ contains it.
        Assert.Equal(["データ活用事業", "データ連携基盤整備推進事業", "データ連携基盤", "新データ", "地域交通データ活用事業", "オープンデータ"], texts);
    }

    [Fact]
    public async Task KanaInputMatchesAReadingAndAReadingPrefixComesFirst()
    {
        await using var server = await CatalogTestServer.StartAsync();
        server.Add(
            Make("inside", "地方創生推進交付金"), // reading チホウソウセイスイシンコウフキン: contains
            Make("starts", "交付金事業計画"), // reading コウフキンジギョウケイカク: prefix
            Make("unrelated", "観光振興事業"));

        var texts = await Suggest(server, "こうふきん");

        Assert.Equal(["交付金事業計画", "地方創生推進交付金"], texts);
    }

    [Fact]
    public async Task ATextPrefixComesBeforeAReadingPrefix()
    {
        await using var server = await CatalogTestServer.StartAsync();
        server.Add(
            Make("reading", "防災"), // reading ボウサイ, shorter
            Make("text", "ぼうさいマップ作成事業")); // its text (folded to katakana) starts with ボウサイ

        var suggestions = JsonNode.Parse(await server.Client.GetStringAsync("/api/suggest?q=ぼうさい"))!.AsArray();
        var pairs = suggestions.Select(s => (s!["text"]!.GetValue<string>(), s["kind"]!.GetValue<string>())).ToList();

        // The field 防災 reads ボウサイ too; within a tier names come before fields.
        Assert.Equal([("ぼうさいマップ作成事業", "name"), ("防災", "name"), ("防災", "field")], pairs);
    }

    [Fact]
    public async Task AFullPageOfPrefixMatchesLeavesNoRoomForContainsMatches()
    {
        await using var server = await CatalogTestServer.StartAsync();
        var prefixed = Enumerable.Range(1, 15).Select(n => Make($"p{n}", $"防犯カメラ設置事業{n}"));
        var containing = Enumerable.Range(1, 5).Select(n => Make($"c{n}", $"街頭防犯{n}"));
        server.Add([.. containing, .. prefixed]);

        var texts = await Suggest(server, "防犯");

        Assert.Equal(10, texts.Count);
        Assert.All(texts, t => Assert.StartsWith("防犯カメラ設置事業", t, StringComparison.Ordinal));
        // Shorter first, then in ordinal order: the one-digit numbers before the two-digit ones.
        Assert.Equal(Enumerable.Range(1, 9).Select(n => $"防犯カメラ設置事業{n}").Append("防犯カメラ設置事業10"), texts);
    }

    [Fact]
    public async Task AliasesRankAfterNamesAndEachProgramIsSuggestedOncePerText()
    {
        await using var server = await CatalogTestServer.StartAsync();
        server.Add(
            Make("a", "スマートシティ推進事業", aliases: ["スマシティ", "スマートシティ推進事業"]),
            Make("b", "スマート農業実証"));

        var suggestions = JsonNode.Parse(await server.Client.GetStringAsync("/api/suggest?q=すま"))!.AsArray();
        var pairs = suggestions.Select(s => (s!["text"]!.GetValue<string>(), s["kind"]!.GetValue<string>())).ToList();

        Assert.Equal([("スマート農業実証", "name"), ("スマートシティ推進事業", "name"), ("スマシティ", "alias"), ("スマートシティ", "field")], pairs);
    }
}
