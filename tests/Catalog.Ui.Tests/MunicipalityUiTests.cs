using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Catalog.Ui.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Catalog.Ui.Tests;

/// <summary>The municipality page and the adoption map in Chromium, against the real service and seed.</summary>
[Collection("ui")]
public sealed class MunicipalityUiTests(UiFixture fixture, ITestOutputHelper output)
{
    private const string Miyakojima = "472140";

    private Task<UiSession> OpenAsync(int width = 1280, int height = 900) =>
        UiSession.OpenAsync(fixture.Browser, fixture.App.BaseAddress, width, height);

    private Task<JsonObject?> ApiAsync(string url) => fixture.App.Client.GetFromJsonAsync<JsonObject>(url);

    private static void AssertOnlyOwnRequests(UiSession ui)
    {
        List<string> urls;
        lock (ui.RequestUrls) urls = [.. ui.RequestUrls];
        Assert.All(urls, u => Assert.StartsWith(ui.BaseAddress.GetLeftPart(UriPartial.Authority), u));
        Assert.True(ui.ConsoleErrors.Count == 0, string.Join("\n", ui.ConsoleErrors)); // a CSP violation would show here
    }

    [Fact]
    public async Task TypingAMunicipalityOffersItAndItsPageShowsVerdictsAdoptionsAndPeers()
    {
        await using var ui = await OpenAsync();
        await ui.GotoAsync("/");
        await ui.Page.Locator("#q").PressSequentiallyAsync("みやこじま");
        var suggestion = ui.Page.Locator("#suggest-list .suggestion", new() { HasText = "宮古島市" });
        await Expect(suggestion).ToContainTextAsync("沖縄県");
        await suggestion.ClickAsync();

        await Expect(ui.Page).ToHaveURLAsync(new Regex($@"\?municipality={Miyakojima}$"));
        await Expect(ui.Page.Locator("#muni-title")).ToContainTextAsync("宮古島市");
        var api = (await ApiAsync($"/api/municipalities/{Miyakojima}/programs"))!;
        var rows = ui.Page.Locator(".verdict-table tbody tr");
        await Expect(rows).ToHaveCountAsync(api["verdicts"]!.AsArray().Count);
        // The table shows the engine's outcome for each program, in the engine's order.
        var shown = await ui.Page.Locator(".verdict-table tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.program + ':' + r.dataset.outcome)");
        Assert.Equal(api["verdicts"]!.AsArray().Select(v => $"{v!["programId"]}:{v["outcome"]}"), shown);
        await Expect(ui.Page.Locator(".verdict-table .reasons").First).ToContainTextAsync("申請主体");
        await Expect(ui.Page.Locator(".muni-classes")).ToContainTextAsync("中枢中核都市：不明");

        var adoptions = ui.Page.Locator("table.muni-adoptions");
        await Expect(adoptions).ToContainTextAsync("日本版MaaS推進・支援事業");
        await Expect(adoptions).ToContainTextAsync("令和3年度");
        // 沖縄県 has no neighbour and no other 市 there shares a program: the page says so rather than listing far-off cities.
        Assert.Empty((await ApiAsync($"/api/municipalities/{Miyakojima}"))!["peers"]!.AsArray());
        await Expect(ui.Page.Locator("#muni-peers + p")).ToContainTextAsync("同じ都道府県または隣接県で同じ区分の自治体はカタログにありません");
        await ui.ScreenshotAsync("m1-municipality-page").ContinueWith(t => output.WriteLine("screenshot: " + t.Result));

        var download = await ui.Page.RunAndWaitForDownloadAsync(() => ui.Page.Locator("#muni-csv").ClickAsync());
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.StartsWith($"verdicts-{Miyakojima}-", download.SuggestedFilename);

        AssertOnlyOwnRequests(ui);
    }

    [Fact]
    public async Task APeerShowsWhyItIsNearAndOfTheSameClassAndEachProgramOnceWithItsYears()
    {
        const string aizuwakamatsu = "072028", maebashi = "102016"; // 会津若松市 (福島県), 前橋市 (群馬県)
        await using var ui = await OpenAsync();
        await ui.GotoAsync($"/?municipality={aizuwakamatsu}");
        await Expect(ui.Page.Locator("#muni-title")).ToContainTextAsync("会津若松市");
        var api = (await ApiAsync($"/api/municipalities/{aizuwakamatsu}"))!;
        await Expect(ui.Page.Locator("ul.peers > li")).ToHaveCountAsync(Math.Min(30, api["peers"]!.AsArray().Count));

        var peer = ui.Page.Locator($"ul.peers > li[data-code='{maebashi}']");
        await Expect(peer).ToContainTextAsync("前橋市（群馬県）");
        await Expect(peer).ToContainTextAsync("隣接県（群馬県）・同じ区分（市）");
        // The seed has 前橋市's スマートシティモデルプロジェクト twice (令和3年度 and without a year): it shows once.
        await Expect(peer).ToContainTextAsync("スマートシティモデルプロジェクト（令和3年度）");
        var text = await peer.InnerTextAsync();
        Assert.Single(Regex.Matches(text, "スマートシティモデルプロジェクト"));
        await ui.ScreenshotAsync("m1-municipality-peers").ContinueWith(t => output.WriteLine("screenshot: " + t.Result));

        // A peer is a link to its own page.
        await peer.Locator("a").ClickAsync();
        await Expect(ui.Page).ToHaveURLAsync(new Regex($@"\?municipality={maebashi}$"));
        await Expect(ui.Page.Locator("#muni-title")).ToContainTextAsync("前橋市");
        await ui.Page.GoBackAsync();
        await Expect(ui.Page.Locator("#muni-title")).ToContainTextAsync("会津若松市");
        AssertOnlyOwnRequests(ui);
    }

    [Fact]
    public async Task AVillageSeesNoOtherCitysProgramAsUsableAndEndedProgramsAreCountedAndHidden()
    {
        const string otoineppu = "014702"; // 音威子府村 (北海道)
        await using var ui = await OpenAsync();
        await ui.GotoAsync($"/?municipality={otoineppu}");
        await Expect(ui.Page.Locator("#muni-title")).ToContainTextAsync("音威子府村");
        var api = (await ApiAsync($"/api/municipalities/{otoineppu}/programs?hideEnded=false"))!;
        var counts = api["counts"]!;
        var bar = ui.Page.Locator(".verdict-counts");
        await Expect(bar).ToContainTextAsync($"対象 {counts["eligible"]}件");
        await Expect(bar).ToContainTextAsync($"要確認 {counts["check"]}件");
        await Expect(bar).ToContainTextAsync($"記載不足 {counts["dataGap"]}件");
        await Expect(bar).ToContainTextAsync($"終了 {counts["ended"]}件（非表示）");
        Assert.True(counts["ended"]!.GetValue<int>() > 0);

        // 常総市's own program (令和6–8年度, current) is 対象外 here, with the reason; nothing run by another city is 対象 or 要確認.
        var joso = ui.Page.Locator(".verdict-table tr[data-program='joso-ai-machizukuri-suishin']");
        await Expect(joso).ToHaveAttributeAsync("data-outcome", "対象外");
        await Expect(joso.Locator(".reasons")).ToContainTextAsync("常総市の事業（対象は市内）");
        foreach (var v in api["verdicts"]!.AsArray().Where(v => v!["reasons"]!.AsArray().Any(r => r!["rule"]!.GetValue<string>() == "実施団体")))
            Assert.DoesNotContain(v!["outcome"]!.GetValue<string>(), new[] { "対象", "要確認" });
        await Expect(ui.Page.Locator(".verdict-table tr[data-outcome='終了']")).ToHaveCountAsync(0);
        await ui.ScreenshotAsync("m5-municipality-counts").ContinueWith(t => output.WriteLine("screenshot: " + t.Result));

        // The link shows the ended programs too, each with the year it ended.
        await ui.Page.Locator("#muni-ended-toggle").ClickAsync();
        await Expect(ui.Page.Locator(".verdict-table tr[data-outcome='終了']")).ToHaveCountAsync(counts["ended"]!.GetValue<int>());
        await Expect(ui.Page.Locator(".verdict-table tr[data-outcome='終了'] .reasons").First).ToContainTextAsync("年度で終了");
        AssertOnlyOwnRequests(ui);
    }

    [Fact]
    public async Task AnOpenProgramShowsTheDaysLeftAndTheCapForTheClass()
    {
        await using var ui = await OpenAsync();
        // 2020-06-01: the AI implementation type (window 令和2年5月29日–7月31日) is open.
        await ui.GotoAsync($"/?municipality={Miyakojima}&asOf=2020-06-01");
        var row = ui.Page.Locator(".verdict-table tr[data-program='chiiki-iot-jisso-keikaku-jichitai-ai']");
        await Expect(row.Locator(".verdict-window")).ToContainTextAsync("締切まで残り60日");
        await Expect(row).ToContainTextAsync("要確認"); // its exclusion rule looks at adoption lists the catalogue lacks
        await Expect(row.Locator(".reasons")).ToContainTextAsync("採択歴");
        var kofukin = ui.Page.Locator(".verdict-table tr[data-program='chihou-sousei-suishin-koufukin-senku'] .reasons");
        await Expect(kofukin).ToContainTextAsync("中枢中核都市なら2.5億円");
        await ui.ScreenshotAsync("m2-municipality-open-window").ContinueWith(t => output.WriteLine("screenshot: " + t.Result));
    }

    [Fact]
    public async Task AnUnknownCodeSaysSoOnThePage()
    {
        await using var ui = await OpenAsync();
        await ui.GotoAsync("/?municipality=472141");
        await Expect(ui.Page.Locator(".muni-error")).ToContainTextAsync("check digit");
    }

    [Fact]
    public async Task TheAdoptionMapShadesPrefecturesAndListsAPrefecturesAdoptionsOnClick()
    {
        await using var ui = await OpenAsync();
        await ui.GotoAsync("/");
        await ui.Page.Locator("#adoptions-link").ClickAsync();
        await Expect(ui.Page.Locator("#map-title")).ToBeVisibleAsync();
        var tiles = ui.Page.Locator("svg.tiles g.tile");
        await Expect(tiles).ToHaveCountAsync(47);
        await Expect(ui.Page.Locator(".map-legend li")).ToHaveCountAsync(5);

        await ui.Page.Locator("#map-program").SelectOptionAsync("nihonban-maas-suishin-shien");
        await Expect(ui.Page).ToHaveURLAsync(new Regex("program=nihonban-maas-suishin-shien"));
        await ui.Page.Locator("#map-year").SelectOptionAsync("2021");
        await Expect(ui.Page).ToHaveURLAsync(new Regex("fiscalYear=2021"));

        // Every tile says its count as the API counts it, and its shade follows the count.
        var api = (await ApiAsync("/api/adoptions?program=nihonban-maas-suishin-shien&fiscalYear=2021"))!;
        var counts = api["facets"]!["prefecture"]!.AsArray().ToDictionary(f => f!["value"]!.GetValue<string>(), f => f!["count"]!.GetValue<int>());
        foreach (var tile in await tiles.AllAsync())
        {
            var name = (await tile.GetAttributeAsync("data-prefecture"))!;
            var n = counts.GetValueOrDefault(name);
            Assert.Equal($"{name} 採択{n}件", await tile.GetAttributeAsync("aria-label"));
            var level = n == 0 ? 0 : n == 1 ? 1 : n <= 3 ? 2 : n <= 6 ? 3 : 4;
            Assert.Contains($"level-{level}", await tile.GetAttributeAsync("class"));
        }
        Assert.True(counts.GetValueOrDefault("沖縄県") > 0);

        await ui.Page.Locator("g.tile[data-prefecture='沖縄県']").ClickAsync();
        await Expect(ui.Page.Locator("#map-list-title")).ToContainTextAsync($"沖縄県の採択（{counts["沖縄県"]}件）");
        await Expect(ui.Page.Locator(".map-list")).ToContainTextAsync("宮古島市");
        await ui.ScreenshotAsync("m3-adoption-map").ContinueWith(t => output.WriteLine("screenshot: " + t.Result));

        // Keyboard: a tile is a button.
        await ui.Page.Locator("g.tile[data-prefecture='北海道']").FocusAsync();
        await ui.Page.Keyboard.PressAsync("Enter");
        await Expect(ui.Page.Locator("#map-list-title")).ToContainTextAsync("北海道の採択");

        // A municipality in the list opens its page.
        await ui.Page.Locator(".map-list a").First.ClickAsync();
        await Expect(ui.Page.Locator("#muni-title")).ToBeVisibleAsync();
        AssertOnlyOwnRequests(ui);
    }
}
