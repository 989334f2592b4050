using System.Text.RegularExpressions;
using Catalog.Core.Import;
using Catalog.Tests.Support;
using Catalog.Ui.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Catalog.Ui.Tests;

/// <summary>The service over the seed and then an edited copy imported with --replace, and one Chromium.</summary>
public sealed class ChangedCatalogueFixture : IAsyncLifetime
{
    public EditedSeed Edited { get; } = new();
    public CatalogTestServer App { get; private set; } = null!;
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await UiFixture.StartAppAsync();
        var result = App.Importer.Import(Edited.Path, new ImportOptions { Replace = true });
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await UiFixture.LaunchChromiumAsync(Playwright);
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await App.DisposeAsync();
        Edited.Dispose();
    }
}

/// <summary>新着・変更, 変更履歴 and the feed links in a real Chromium.</summary>
public sealed class ChangesUiTests(ChangedCatalogueFixture fixture, ITestOutputHelper output) : IClassFixture<ChangedCatalogueFixture>
{
    private Task<UiSession> OpenAsync() => UiSession.OpenAsync(fixture.Browser, fixture.App.BaseAddress);

    [Fact]
    public async Task TheHomePageShowsTheLatestChangesWithWhatChanged()
    {
        await using var ui = await OpenAsync();
        await ui.GotoAsync("/");
        var panel = ui.Page.Locator("#changes-panel");
        await Expect(panel).ToBeVisibleAsync();
        await Expect(panel.Locator("h2")).ToHaveTextAsync("新着・変更");

        var deadline = panel.Locator($".change-item[data-program='{fixture.Edited.DeadlineId}'][data-change='changed']");
        await Expect(deadline.Locator(".change-title")).ToHaveTextAsync("締切が令和2年8月14日に変更");
        // The moved deadline, and the quote that states it edited with it (a value changes with its 根拠).
        await Expect(deadline.Locator(".change-field[data-path='windows[0].end']")).ToHaveTextAsync("募集期間1・締切: 令和2年7月31日 → 令和2年8月14日");
        await Expect(panel.Locator($".change-item[data-program='{EditedSeed.NewId}'] .change-title")).ToHaveTextAsync("新規掲載");
        await Expect(panel.Locator($".change-item[data-program='{fixture.Edited.RemovedId}'][data-change='removed'] .change-title")).ToHaveTextAsync("掲載終了");
        await Expect(panel.Locator($".change-item[data-program='{fixture.Edited.CapId}'][data-change='changed'] .change-title")).ToHaveTextAsync($"上限額が{EditedSeed.NewCap}に変更");
        output.WriteLine("screenshot: " + await ui.ScreenshotAsync("changes-panel"));

        // A change leads to its program; a search hides the panel.
        await panel.Locator($".change-item[data-program='{EditedSeed.NewId}'] a.change-program").ClickAsync();
        await Expect(ui.Page.Locator("#detail-title")).ToHaveTextAsync(EditedSeed.NewName);
        await ui.GotoAsync("/?q=" + Uri.EscapeDataString("交付金"));
        await Expect(ui.Page.Locator("#hits > li.hit").First).ToBeVisibleAsync();
        await Expect(panel).ToBeHiddenAsync();
        Assert.Empty(ui.ConsoleErrors);
    }

    [Fact]
    public async Task ARemovedProgramsPageSays掲載終了WithItsDateAndHistoryInJapanese()
    {
        await using var ui = await OpenAsync();
        await ui.GotoAsync($"/?id={fixture.Edited.RemovedId}");
        await Expect(ui.Page.Locator("#detail-view .badge-ended")).ToHaveTextAsync("掲載終了");
        await Expect(ui.Page.Locator("#detail-title")).Not.ToBeEmptyAsync();
        await Expect(ui.Page.Locator(".removed-note time")).ToHaveTextAsync(new Regex(@"^令和\d+年\d+月\d+日"));
        var history = ui.Page.Locator("section[data-section='history']");
        await Expect(history.Locator(".change-item").First.Locator(".change-title")).ToHaveTextAsync("掲載終了");
        await Expect(ui.Page.Locator("#error-banner")).ToBeHiddenAsync();
        await Expect(ui.Page.Locator("h2", new() { HasText = "制度を表示できません" })).ToHaveCountAsync(0);
        var text = await ui.Page.Locator("#detail-view").InnerTextAsync();
        Assert.DoesNotMatch("[A-Za-z]{4,}", text); // Japanese only: no English message mixed in
        output.WriteLine("screenshot: " + await ui.ScreenshotAsync("changes-removed-page"));

        // An id the catalogue never held still says so, once, in Japanese.
        await ui.GotoAsync("/?id=no-such-program");
        await Expect(ui.Page.Locator("h2", new() { HasText = "制度を表示できません" })).ToHaveCountAsync(1);
        await Expect(ui.Page.Locator("#error-banner")).ToBeHiddenAsync();
        Assert.DoesNotMatch("[A-Za-z]{4,}", (await ui.Page.Locator("#detail-view p").InnerTextAsync()).Replace("no-such-program", "")); // the id aside
    }

    [Fact]
    public async Task TheDetailPageShowsEachChangeWithItsDateAndBeforeAndAfter()
    {
        await using var ui = await OpenAsync();
        await ui.GotoAsync($"/?id={fixture.Edited.DeadlineId}");
        var history = ui.Page.Locator("section[data-section='history']");
        await Expect(history.Locator("h3")).ToHaveTextAsync("変更履歴");
        var items = history.Locator(".change-item");
        await Expect(items).ToHaveCountAsync(2);
        await Expect(items.Nth(0).Locator(".change-badge")).ToHaveTextAsync("変更");
        var deadline = items.Nth(0).Locator(".change-field[data-path='windows[0].end']");
        await Expect(deadline.Locator("del")).ToHaveTextAsync("令和2年7月31日");
        await Expect(deadline.Locator("ins")).ToHaveTextAsync("令和2年8月14日");
        await Expect(items.Nth(0).Locator("time")).ToHaveTextAsync(new Regex(@"^令和\d+年\d+月\d+日"));
        await Expect(items.Nth(1).Locator(".change-title")).ToHaveTextAsync("新規掲載");
        output.WriteLine("screenshot: " + await ui.ScreenshotAsync("changes-history"));
        Assert.Empty(ui.ConsoleErrors);
    }

    [Fact]
    public async Task ASavedSearchShowsWhatChangedSinceItWasLastOpenedAndNothingOnceOpened()
    {
        await using var ui = await OpenAsync();
        await ui.GotoAsync("/");
        // Saved long ago (before the catalogue's edits): 試験 finds the program the edit added.
        await ui.Page.EvaluateAsync("""
            localStorage.setItem('catalog.savedSearches', JSON.stringify([{ params: 'q=%E8%A9%A6%E9%A8%93', label: '「試験」',
              savedAt: '2000-01-01T00:00:00.000Z', lastOpened: '2000-01-01T00:00:00.000Z' }]))
            """);
        await ui.GotoAsync("/");
        var expected = await fixture.App.Client.GetObjectAsync("/api/changes?q=" + Uri.EscapeDataString("試験") + "&since=2000-01-01T00:00:00Z&pageSize=1");
        Assert.True(expected["total"]!.GetValue<int>() > 0);
        var changes = ui.Page.Locator(".saved-item .saved-changes");
        await Expect(changes).ToContainTextAsync($"以降の変更 {expected["total"]}件");
        await Expect(changes).ToContainTextAsync($"{EditedSeed.NewName}（新規掲載）");
        output.WriteLine("screenshot: " + await ui.ScreenshotAsync("home-saved-search-changes"));

        await ui.Page.Locator(".saved-item .saved-open").ClickAsync();
        await Expect(ui.Page.Locator("#q")).ToHaveValueAsync("試験");
        await ui.GotoAsync("/");
        await Expect(changes).ToContainTextAsync("以降の変更はありません");
        Assert.Empty(ui.ConsoleErrors);
    }

    [Fact]
    public async Task TheResultsPageLinksTheCalendarAndTheAtomFeedOfTheCurrentSearch()
    {
        await using var ui = await OpenAsync();
        await ui.GotoAsync("/?q=" + Uri.EscapeDataString("試験"));
        var calendar = ui.Page.Locator("#calendar-link");
        var atom = ui.Page.Locator("#atom-link");
        await Expect(calendar).ToHaveTextAsync("この条件でカレンダー登録");
        await Expect(atom).ToHaveTextAsync("この条件の更新を購読 (Atom)");
        await Expect(calendar).ToHaveAttributeAsync("href", "/api/calendar.ics?q=%E8%A9%A6%E9%A8%93");
        await Expect(atom).ToHaveAttributeAsync("href", "/feed.atom?q=%E8%A9%A6%E9%A8%93");

        // The links give what the search shows: the one program that matches.
        var ics = await ui.Page.APIRequest.GetAsync(await calendar.GetAttributeAsync("href") ?? "");
        var events = Ical.Net.Calendar.Load(await ics.TextAsync())!.Events;
        Assert.StartsWith(EditedSeed.NewId + ".", Assert.Single(events).Uid);
        var feed = await ui.Page.APIRequest.GetAsync(await atom.GetAttributeAsync("href") ?? "");
        Assert.Contains($"新規掲載：{EditedSeed.NewName}", await feed.TextAsync());
        Assert.Empty(ui.ConsoleErrors);
    }
}
