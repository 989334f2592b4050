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

        // The field 防災 reads ボウサイ too, but a text is suggested once, as its best kind: the name.
        Assert.Equal([("ぼうさいマップ作成事業", "name"), ("防災", "name")], pairs);
    }

    [Fact]
    public async Task EachTextIsSuggestedOnceAsItsBestKind()
    {
        await using var server = await CatalogTestServer.StartAsync();
        server.Add(
            // One name for every 年度 of a family, and an alias many programs share (デジ田交付金 came twice).
            Make("dd-2023", "デジタル田園都市国家構想交付金", years: [2023], aliases: ["デジ田交付金"]),
            Make("dd-2024", "デジタル田園都市国家構想交付金", years: [2024], aliases: ["デジ田交付金"]),
            Make("dd-2025", "デジタル田園都市国家構想交付金", years: [2025], aliases: ["デジ田交付金"]),
            // A text that is one program's name and other programs' alias.
            Make("dx-plan", "デジタル実装計画", aliases: ["デジ実"]),
            Make("dx-plan-2", "デジ実", years: [2025]));

        var suggestions = JsonNode.Parse(await server.Client.GetStringAsync("/api/suggest?q=" + Uri.EscapeDataString("デジ")))!.AsArray();
        var triples = suggestions.Select(s => (s!["text"]!.GetValue<string>(), s["kind"]!.GetValue<string>(), s["id"]?.GetValue<string>())).ToList();

        Assert.Equal(triples.Select(t => t.Item1).Distinct(), triples.Select(t => t.Item1));
        // Several programs share the text: picking it searches (no id); one program has it as a name: picking opens it.
        Assert.Contains(("デジタル田園都市国家構想交付金", "name", null), triples);
        Assert.Contains(("デジ田交付金", "alias", null), triples);
        Assert.Contains(("デジ実", "name", "dx-plan-2"), triples);
        Assert.Contains(("デジタル実装計画", "name", "dx-plan"), triples);
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
