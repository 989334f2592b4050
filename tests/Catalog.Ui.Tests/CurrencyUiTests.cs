using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Catalog.Ui.Tests.Support;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Catalog.Ui.Tests;

/// <summary>#23 in Chromium: the home page's overview, ended programs marked and hidden on request, forecasts labelled.</summary>
[Collection("ui")]
public sealed class CurrencyUiTests(UiFixture fixture, ITestOutputHelper output)
{
    private Task<UiSession> OpenAsync() => UiSession.OpenAsync(fixture.Browser, fixture.App.BaseAddress, 1280, 900);

    [Fact]
    public async Task TheHomePageListsForecastCallsAsEstimatesWithTheirBasis()
    {
        var api = (await fixture.App.Client.GetFromJsonAsync<JsonObject>("/api/overview"))!;
        var forecasts = api["forecast"]!.AsArray();
        Assert.NotEmpty(forecasts); // the seed holds families with yearly calls (the スマートシティ関連事業 合同公募)

        await using var ui = await OpenAsync();
        await ui.GotoAsync("/");
        var panel = ui.Page.Locator("#overview-panel");
        await Expect(panel).ToBeVisibleAsync();
        var items = panel.Locator("[data-list='forecast'] .overview-item");
        await Expect(items).ToHaveCountAsync(forecasts.Count);
        var first = forecasts[0]!;
        await Expect(items.First).ToHaveAttributeAsync("data-id", first["id"]!.GetValue<string>());
        await Expect(items.First).ToContainTextAsync(first["forecast"]!["text"]!.GetValue<string>());
        await Expect(items.First).ToContainTextAsync("公表された日程ではありません");
        await Expect(items.First.Locator(".badge-forecast")).ToHaveTextAsync("推定");
        await Expect(panel.Locator("[data-list='open'] h3")).ToContainTextAsync($"{api["openTotal"]}件");
        output.WriteLine("screenshot: " + await ui.ScreenshotAsync("c1-home-overview"));

        // A query hides the overview.
        await ui.GotoAsync("/?q=" + Uri.EscapeDataString("スマートシティ"));
        await Expect(panel).ToBeHiddenAsync();
    }

    [Fact]
    public async Task EndedProgramsShowTheirLastYearAndTheBoxLeavesThemOut()
    {
        var all = (await fixture.App.Client.GetFromJsonAsync<JsonObject>("/api/programs?q=" + Uri.EscapeDataString("地方創生推進交付金")))!;
        var current = (await fixture.App.Client.GetFromJsonAsync<JsonObject>("/api/programs?hideEnded=true&q=" + Uri.EscapeDataString("地方創生推進交付金")))!;
        Assert.True(all["total"]!.GetValue<int>() > current["total"]!.GetValue<int>());

        await using var ui = await OpenAsync();
        await ui.GotoAsync("/?q=" + Uri.EscapeDataString("地方創生推進交付金"));
        var senku = ui.Page.Locator(".hit[data-id='chihou-sousei-suishin-koufukin-senku'] .badge");
        await Expect(senku).ToHaveTextAsync("終了（令和3年度まで）");
        await ui.Page.Locator("#hide-ended").CheckAsync();
        var left = current["total"]!.GetValue<int>();
        await Expect(ui.Page.Locator("#results-title")).ToContainTextAsync(left > 0 ? $"{left}件" : "該当する制度はありません");
        await Expect(ui.Page.Locator(".hit[data-id='chihou-sousei-suishin-koufukin-senku']")).ToHaveCountAsync(0);
        Assert.Contains("hideEnded=true", ui.Page.Url);
        output.WriteLine("screenshot: " + await ui.ScreenshotAsync("c2-hide-ended"));
    }

    [Fact]
    public async Task ATypoShowsDidYouMeanAndItsLinkSearchesTheCorrectedLine()
    {
        await using var ui = await OpenAsync();
        await ui.GotoAsync("/?q=" + Uri.EscapeDataString("スマートシテイ"));
        var hint = ui.Page.Locator("#notice .did-you-mean");
        await Expect(hint).ToContainTextAsync("もしかして: スマートシティ");
        Assert.True(await ui.Page.Locator("#hits > li.hit").CountAsync() > 0); // the known word was searched too
        await hint.Locator("a").ClickAsync();
        await Expect(ui.Page.Locator("#q")).ToHaveValueAsync("スマートシティ");
        await Expect(ui.Page.Locator("#notice .did-you-mean")).ToHaveCountAsync(0);
    }
}
