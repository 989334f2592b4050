using Catalog.Tests.Support;
using Microsoft.Playwright;

namespace Catalog.Ui.Tests.Support;

/// <summary>
/// One running app and one headless Chromium, shared by the tests of the "ui" collection. The
/// tests only read (search, open, export), so sharing the app cannot leak state between them;
/// each test gets its own browser context (fresh cookies, storage and history).
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

    /// <summary>A new page on the shared app, in its own browser context.</summary>
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

/// <summary>A page in its own context that records every request it makes and every console error.</summary>
public sealed class UiSession : IAsyncDisposable
{
    public IBrowserContext Context { get; }
    public IPage Page { get; }
    public List<string> RequestUrls { get; } = [];
    public List<string> ConsoleErrors { get; } = [];
    public Uri BaseAddress { get; }

    private UiSession(IBrowserContext context, IPage page, Uri baseAddress)
    {
        Context = context;
        Page = page;
        BaseAddress = baseAddress;
        context.Request += (_, r) => { lock (RequestUrls) RequestUrls.Add(r.Url); };
        page.Console += (_, m) => { if (m.Type == "error") lock (ConsoleErrors) ConsoleErrors.Add(m.Text); };
        page.PageError += (_, e) => { lock (ConsoleErrors) ConsoleErrors.Add(e); };
    }

    public static async Task<UiSession> OpenAsync(IBrowser browser, Uri baseAddress, int width = 1280, int height = 900)
    {
        var context = await browser.NewContextAsync(new()
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new() { Width = width, Height = height },
            Locale = "ja-JP",
            TimezoneId = "Asia/Tokyo",
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        return new UiSession(context, page, baseAddress);
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

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();
}
