using System.Collections.Concurrent;
using Catalog.Tests.Support;
using Microsoft.Playwright;

namespace Catalog.Ui.Tests.Support;

/// <summary>
/// One running app and one headless Chromium, shared by the tests of the "ui" collection. The
/// tests only read (search, open, export), so sharing the app cannot leak state between them;
/// each test gets a clean page (no storage, cookies or routes of an earlier test).
/// </summary>
public sealed class UiFixture : IAsyncLifetime
{
    public CatalogTestServer App { get; private set; } = null!;
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots go: CATALOG_UI_ARTIFACTS, or artifacts/screenshots beside the test binaries.</summary>
    public static string ScreenshotDirectory { get; } = Directory.CreateDirectory(
        Environment.GetEnvironmentVariable("CATALOG_UI_ARTIFACTS")
        ?? Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots")).FullName;

    public async Task InitializeAsync()
    {
        App = await StartAppAsync();
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await LaunchChromiumAsync(Playwright);
    }

    /// <summary>The real service with a fresh temp data folder, seeded from the repository's seed/.</summary>
    public static Task<CatalogTestServer> StartAppAsync() =>
        CatalogTestServer.StartAsync(seedPath: RepoPaths.Seed);

    /// <summary>The machine's Chromium (apt), never a browser downloaded by Playwright.</summary>
    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });

    /// <summary>A clean page on the shared app (see <see cref="UiSession"/>).</summary>
    public Task<UiSession> OpenAsync(int width = 1280, int height = 900) => UiSession.OpenAsync(Browser, App.BaseAddress, width, height);

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await App.DisposeAsync();
    }
}

[CollectionDefinition("ui")]
public sealed class UiCollection : ICollectionFixture<UiFixture>;

/// <summary>
/// A page that records every request it makes and every console error. Sessions start clean: no
/// storage, cookies, routes or print emulation from an earlier test, and an own request and error log.
/// </summary>
/// <remarks>
/// A new browser context and its fresh renderer cost Chromium about 2 CPU-seconds per test (the home
/// page: 3.3 CPU-s in a new context, 1.0 in a kept page reset as below; docs/ci.md), most of a browser
/// test's cost. So a finished session's page is kept, per browser and app, and handed to the next
/// session after it has been reset; a page whose reset fails is closed with its context instead.
/// </remarks>
public sealed class UiSession : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<(IBrowser, Uri), ConcurrentBag<IPage>> KeptPages = new();

    public IBrowserContext Context { get; }
    public IPage Page { get; }
    public List<string> RequestUrls { get; } = [];
    public List<string> ConsoleErrors { get; } = [];
    public Uri BaseAddress { get; }

    private readonly ConcurrentBag<IPage> keep;
    private readonly EventHandler<IRequest> onRequest;
    private readonly EventHandler<IConsoleMessage> onConsole;
    private readonly EventHandler<string> onPageError;

    private UiSession(IPage page, Uri baseAddress, ConcurrentBag<IPage> keep)
    {
        Context = page.Context;
        Page = page;
        BaseAddress = baseAddress;
        this.keep = keep;
        onRequest = (_, r) => { lock (RequestUrls) RequestUrls.Add(r.Url); };
        onConsole = (_, m) => { if (m.Type == "error") lock (ConsoleErrors) ConsoleErrors.Add(m.Text); };
        onPageError = (_, e) => { lock (ConsoleErrors) ConsoleErrors.Add(e); };
        Context.Request += onRequest;
        page.Console += onConsole;
        page.PageError += onPageError;
    }

    public static async Task<UiSession> OpenAsync(IBrowser browser, Uri baseAddress, int width = 1280, int height = 900)
    {
        var keep = KeptPages.GetOrAdd((browser, baseAddress), _ => []);
        if (keep.TryTake(out var page))
        {
            await page.SetViewportSizeAsync(width, height);
            return new UiSession(page, baseAddress, keep);
        }
        var context = await browser.NewContextAsync(new()
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new() { Width = width, Height = height },
            Locale = "ja-JP",
            TimezoneId = "Asia/Tokyo",
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(15_000);
        return new UiSession(await context.NewPageAsync(), baseAddress, keep);
    }

    /// <summary>Opens a URL of the app and waits until the first render has finished.</summary>
    public async Task GotoAsync(string relative)
    {
        await Page.GotoAsync(relative);
        await Page.WaitForSelectorAsync("body[data-ready='true']", new() { State = WaitForSelectorState.Attached });
    }

    public async Task<string> ScreenshotAsync(string name)
    {
        var path = Path.Combine(UiFixture.ScreenshotDirectory, name + ".png");
        await Page.ScreenshotAsync(new() { Path = path, FullPage = true });
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        Context.Request -= onRequest;
        Page.Console -= onConsole;
        Page.PageError -= onPageError;
        try
        {
            foreach (var other in Context.Pages.Where(p => p != Page).ToList()) await other.CloseAsync();
            await Page.UnrouteAllAsync(new() { Behavior = UnrouteBehavior.IgnoreErrors });
            await Context.UnrouteAllAsync(new() { Behavior = UnrouteBehavior.IgnoreErrors });
            await Page.EmulateMediaAsync(new() { Media = Media.Null });
            await Page.GotoAsync("about:blank");
            // localStorage (saved searches, the compare list), IndexedDB, caches and cookies of the app's origin.
            var devTools = await Context.NewCDPSessionAsync(Page);
            await devTools.SendAsync("Storage.clearDataForOrigin", new Dictionary<string, object>
            {
                ["origin"] = BaseAddress.GetLeftPart(UriPartial.Authority),
                ["storageTypes"] = "all",
            });
            await devTools.DetachAsync();
            keep.Add(Page);
        }
        catch (PlaywrightException)
        {
            await Context.DisposeAsync();
        }
    }
}
