using Catalog.Ui.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Catalog.Ui.Tests;

/// <summary>
/// The staff UI when things go wrong (a script error, an API error, a stopped server) and what it
/// may never do (a request to another host, inline script under the strict CSP), in a real Chromium.
/// </summary>
[Collection("ui")]
public sealed class UiFaultsAndSecurityTests(UiFixture fixture, ITestOutputHelper output)
{
    private async Task ScreenshotAsync(UiSession ui, string name) =>
        output.WriteLine("screenshot: " + await ui.ScreenshotAsync(name));

    [Fact]
    public async Task AnUncaughtScriptErrorShowsTheErrorBanner()
    {
        await using var ui = await fixture.OpenAsync();
        await ui.GotoAsync("/");
        await Expect(ui.Page.Locator("#error-banner")).ToBeHiddenAsync();

        await ui.Page.EvaluateAsync("() => { setTimeout(() => { throw new Error('テスト用のエラー'); }, 0); }");

        await Expect(ui.Page.Locator("#error-banner")).ToBeVisibleAsync();
        await Expect(ui.Page.Locator("#error-message")).ToContainTextAsync("テスト用のエラー");
    }

    [Fact]
    public async Task AnApiErrorShowsTheProblemDetail()
    {
        await using var ui = await fixture.OpenAsync();
        // A program that is not there is said once, on the page, in Japanese (#27).
        await ui.GotoAsync("/?id=no-such-program");
        await Expect(ui.Page.Locator("#detail-view")).ToContainTextAsync("制度を表示できません");
        await Expect(ui.Page.Locator("#detail-view")).ToContainTextAsync("見つかりませんでした");
        await Expect(ui.Page.Locator("#error-banner")).ToBeHiddenAsync();

        // A request the API refuses shows its problem detail in the banner.
        await ui.GotoAsync("/?q=" + Uri.EscapeDataString("\"補助"));
        await Expect(ui.Page.Locator("#error-banner")).ToBeVisibleAsync();
        await Expect(ui.Page.Locator("#error-message")).ToContainTextAsync("HTTP 400");
    }

    [Fact]
    public async Task AStoppedApiShowsThatTheServerCannotBeReached()
    {
        var app = await UiFixture.StartAppAsync();
        var stopped = false;
        try
        {
            await using var ui = await UiSession.OpenAsync(fixture.Browser, app.BaseAddress);
            await ui.GotoAsync("/?q=自動運転");
            await Expect(ui.Page.Locator("#hits > li.hit").First).ToBeVisibleAsync();

            await app.DisposeAsync();
            stopped = true;
            await ui.Page.Locator("#q").FillAsync("交付金");
            await ui.Page.Locator("#q").PressAsync("Enter");

            await Expect(ui.Page.Locator("#error-banner")).ToBeVisibleAsync();
            await Expect(ui.Page.Locator("#error-message")).ToContainTextAsync("サーバーに接続できません");
            await Expect(ui.Page.Locator("#hits")).ToContainTextAsync("再読み込み");
            await ScreenshotAsync(ui, "07-server-unreachable");
        }
        finally
        {
            if (!stopped) await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task NoRequestGoesToAnyHostButTheApp()
    {
        await using var ui = await fixture.OpenAsync();
        await ui.GotoAsync("/");
        await ui.Page.Locator("#q").PressSequentiallyAsync("自動", new() { Delay = 50 });
        await Expect(ui.Page.Locator("#suggest-list [role='option']").First).ToBeVisibleAsync();
        await ui.Page.Locator("#q").PressAsync("Enter");
        // The home page lists programs too: wait for the search's own hits before opening one.
        await Expect(ui.Page.Locator("#results-title")).ToContainTextAsync("自動");
        await ui.Page.Locator("#hits a.hit-link").First.ClickAsync();
        await Expect(ui.Page.Locator("#detail-title")).ToBeVisibleAsync();
        await ui.Page.GoBackAsync();
        await ui.Page.RunAndWaitForDownloadAsync(() => ui.Page.Locator("#export-csv").ClickAsync());

        string[] urls;
        lock (ui.RequestUrls) urls = [.. ui.RequestUrls];
        Assert.Contains(urls, u => u.Contains("/api/suggest"));
        Assert.Contains(urls, u => u.Contains("/api/programs"));
        Assert.All(urls, u => Assert.Equal("127.0.0.1", new Uri(u).Host));
        Assert.Empty(ui.ConsoleErrors);
    }

    [Fact]
    public async Task ThePageWorksUnderAStrictContentSecurityPolicy()
    {
        await using var ui = await fixture.OpenAsync();
        const string policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'";
        await ui.Page.RouteAsync("**/*", async route =>
        {
            if (route.Request.ResourceType != "document") { await route.ContinueAsync(); return; }
            var response = await route.FetchAsync();
            var headers = new Dictionary<string, string>(response.Headers) { ["content-security-policy"] = policy };
            await route.FulfillAsync(new() { Response = response, Headers = headers });
        });
        await ui.GotoAsync("/?q=自動運転&id=smart-city-model-project");
        await Expect(ui.Page.Locator("#detail-title")).ToBeVisibleAsync();
        await ui.Page.Locator(".back-link").ClickAsync();
        await Expect(ui.Page.Locator("#hits > li.hit").First).ToBeVisibleAsync();

        Assert.DoesNotContain(ui.ConsoleErrors, e => e.Contains("Content Security Policy"));
    }
}
