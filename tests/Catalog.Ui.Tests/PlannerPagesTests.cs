using System.Text.Json.Nodes;
using Catalog.Tests.Support;
using Catalog.Ui.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Catalog.Ui.Tests;

/// <summary>#27 in Chromium: start from a purpose or a municipality, compare programs side by side, keep a search.</summary>
[Collection("ui")]
public sealed class PlannerPagesTests(UiFixture fixture, ITestOutputHelper output)
{
    private const string SmartCity = "soumu-smart-city-suishin-2024";
    // Two menus of one 交付金 (same name, their own rates and caps per class).
    private const string Hubs = "shin-chiho-keizai-seikatsu-kankyo-sosei-koufukin-dai2-kyoten-2025";
    private const string Soft = "shin-chiho-keizai-seikatsu-kankyo-sosei-koufukin-dai2-soft-2025";

    private Task<UiSession> OpenAsync(int width = 1280) => UiSession.OpenAsync(fixture.Browser, fixture.App.BaseAddress, width, 900);

    [Fact]
    public async Task TheHomePageListsEveryPurposeWithItsCountsAndAPurposeLinkFiltersTheSearch()
    {
        var vocabulary = await fixture.App.Client.GetObjectAsync("/api/vocabulary");
        var purposes = vocabulary["purposes"]!.AsArray().Select(p => p!["value"]!.GetValue<string>()).ToList();
        await using var ui = await OpenAsync();
        await ui.GotoAsync("/");
        var links = ui.Page.Locator(".purpose-link");
        await Expect(links).ToHaveCountAsync(purposes.Count);
        output.WriteLine("screenshot: " + await ui.ScreenshotAsync("home-purposes"));

        // The busiest purpose: its tile's counts are the API's, and following it filters the search.
        var all = await fixture.App.Client.GetObjectAsync("/api/programs?pageSize=1&interpret=false");
        var current = await fixture.App.Client.GetObjectAsync("/api/programs?pageSize=1&interpret=false&hideEnded=true");
        var busiest = purposes.MaxBy(p => all.Count("purpose", p))!;
        var tile = ui.Page.Locator($".purpose-link[data-purpose='{busiest}']");
        await Expect(tile.Locator(".count")).ToHaveTextAsync($"現行{current.Count("purpose", busiest)}件・全{all.Count("purpose", busiest)}件");
        await tile.ClickAsync();
        await Expect(ui.Page.Locator("#results-title")).ToContainTextAsync($"{all.Count("purpose", busiest)}件");
        Assert.Contains("purpose=", ui.Page.Url);
        await Expect(ui.Page.Locator($"fieldset[data-facet='purpose'] input[value='{busiest}']")).ToBeCheckedAsync();
        await Expect(ui.Page.Locator("#home-panel")).ToBeHiddenAsync();
        Assert.Empty(ui.ConsoleErrors);
    }

    [Fact]
    public async Task AMunicipalityIsReachedFromItsPrefectureAndThenItsName()
    {
        await using var ui = await OpenAsync();
        await ui.GotoAsync("/");
        await Expect(ui.Page.Locator("#home-prefecture option")).ToHaveCountAsync(48);
        await ui.Page.Locator("#home-prefecture").SelectOptionAsync(new SelectOptionValue { Label = "富山県" });
        await Expect(ui.Page.Locator("#home-city")).ToBeEnabledAsync();
        await ui.Page.Locator("#home-city").SelectOptionAsync(new SelectOptionValue { Label = "富山市" });
        await ui.Page.Locator("#home-open-city").ClickAsync();
        await Expect(ui.Page.Locator("#muni-title")).ToContainTextAsync("富山市");
        Assert.Contains("municipality=162019", ui.Page.Url);
        Assert.Empty(ui.ConsoleErrors);
    }

    [Fact]
    public async Task ProgramsTickedInTheResultsAreComparedSideBySideOnAShareablePage()
    {
        await using var ui = await OpenAsync();
        await ui.GotoAsync("/?q=" + Uri.EscapeDataString("第2世代交付金"));
        await ui.Page.Locator($".hit[data-id='{Hubs}'] .compare-box").CheckAsync();
        await Expect(ui.Page.Locator("#compare-bar .compare-hint")).ToBeVisibleAsync(); // one is not yet a comparison
        await ui.Page.Locator($".hit[data-id='{Soft}'] .compare-box").CheckAsync();
        await ui.Page.Locator("#compare-bar .compare-link").ClickAsync();

        await Expect(ui.Page.Locator("#compare-title")).ToHaveTextAsync("制度の比較");
        Assert.EndsWith($"/compare?ids={Hubs},{Soft}", ui.Page.Url);
        var table = ui.Page.Locator("table.compare");
        await Expect(table.Locator("th[scope='row']")).ToHaveTextAsync(["募集状況", "所管", "支援の種類", "年度", "補助率", "上限額（申請主体別）", "対象（申請主体）", "公募期間", "要件", "出典"]);
        foreach (var id in new[] { Hubs, Soft })
        {
            var p = await fixture.App.Client.GetObjectAsync($"/api/programs/{id}");
            var label = $"{p["name"]}（{p["variant"]}）";
            await Expect(table.Locator("thead")).ToContainTextAsync(p["variant"]!.GetValue<string>());
            var cells = table.Locator($"td[data-program='{label}']");
            await Expect(cells.Nth(4)).ToHaveTextAsync(p["rate"]!["text"]!.GetValue<string>());
            var caps = p["caps"]!.AsArray();
            Assert.NotEmpty(caps);
            await Expect(cells.Nth(5).Locator("li")).ToHaveCountAsync(caps.Count);
            foreach (var cap in caps) await Expect(cells.Nth(5)).ToContainTextAsync($"{cap!["applicant"]?.GetValue<string>() ?? "全体"}: {cap["text"]}");
            await Expect(cells.Nth(6)).ToHaveTextAsync(string.Join("、", p["applicants"]!.AsArray().Select(a => a!.GetValue<string>())));
        }
        output.WriteLine("screenshot: " + await ui.ScreenshotAsync("compare"));

        // Shared as a link: a new visitor (fresh browser storage) gets the same table; printed without controls.
        await using var other = await OpenAsync(390);
        await other.GotoAsync($"/compare?ids={Hubs},{Soft}");
        await Expect(other.Page.Locator("table.compare thead th")).ToHaveCountAsync(2);
        Assert.True(await other.Page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390, "the compare page scrolls sideways at 390 px");
        output.WriteLine("screenshot: " + await other.ScreenshotAsync("phone-compare"));
        await ui.Page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(ui.Page.Locator("#search-form")).ToBeHiddenAsync();
        await Expect(ui.Page.Locator(".compare-share")).ToBeHiddenAsync();
        Assert.Empty(ui.ConsoleErrors);
    }

    [Fact]
    public async Task ACompareLinkWithOneProgramSaysHowManyAreNeeded()
    {
        await using var ui = await OpenAsync();
        await ui.GotoAsync($"/compare?ids={SmartCity}");
        await Expect(ui.Page.Locator(".compare-error")).ToContainTextAsync("2〜4件");
    }

    [Fact]
    public async Task ASearchSavedInTheBrowserIsListedOnTheHomePageWithItsFeeds()
    {
        await using var ui = await OpenAsync();
        await ui.GotoAsync("/?q=" + Uri.EscapeDataString("データ連携基盤") + "&hideEnded=true");
        await ui.Page.Locator("#save-search").ClickAsync();
        await Expect(ui.Page.Locator("#save-search")).ToHaveTextAsync("保存済みの検索");
        await ui.Page.Locator("#home-link").ClickAsync();

        var item = ui.Page.Locator(".saved-item");
        await Expect(item).ToHaveCountAsync(1);
        await Expect(item.Locator(".saved-open")).ToHaveTextAsync("「データ連携基盤」");
        var query = "q=" + Uri.EscapeDataString("データ連携基盤") + "&hideEnded=true";
        await Expect(item.Locator("a[href^='/feed.atom']")).ToHaveAttributeAsync("href", "/feed.atom?" + query);
        await Expect(item.Locator("a[href^='/api/calendar.ics']")).ToHaveAttributeAsync("href", "/api/calendar.ics?" + query);
        await Expect(item.Locator(".saved-changes")).ToContainTextAsync("以降の変更はありません");
        output.WriteLine("screenshot: " + await ui.ScreenshotAsync("home-saved-search"));

        await item.Locator(".saved-open").ClickAsync();
        await Expect(ui.Page.Locator("#q")).ToHaveValueAsync("データ連携基盤");
        await ui.Page.Locator("#home-link").ClickAsync();
        await ui.Page.Locator(".saved-item button").ClickAsync();
        await Expect(ui.Page.Locator(".saved-item")).ToHaveCountAsync(0);
        Assert.Empty(await ui.Page.EvaluateAsync<JsonNode[]>("JSON.parse(localStorage.getItem('catalog.savedSearches'))"));
    }
}
