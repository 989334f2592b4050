using Catalog.Ui.Tests.Support;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Catalog.Ui.Tests;

/// <summary>#27 (phone, print): no page scrolls sideways at 390 px (the verdict table reads as cards); a printed page has no controls and says when it was printed.</summary>
[Collection("ui")]
public sealed class PhoneWidthTests(UiFixture fixture, ITestOutputHelper output)
{
    [Theory]
    [InlineData("home", "/")]
    [InlineData("search", "/?q=スマートシティ")]
    [InlineData("detail", "/?id=soumu-smart-city-suishin-2024")]
    [InlineData("detail-adoptions", "/?id=smart-city-model-project")]
    [InlineData("municipality", "/?municipality=172014")]
    [InlineData("municipality-ended", "/?municipality=014702&hideEnded=false")]
    [InlineData("adoptions", "/?view=adoptions")]
    public async Task NoPageScrollsSidewaysAtPhoneWidth(string name, string path)
    {
        await using var ui = await UiSession.OpenAsync(fixture.Browser, fixture.App.BaseAddress, 390, 844);
        await ui.GotoAsync(path);
        await ui.Page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);
        var width = await ui.Page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        var wide = await ui.Page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 391).slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))");
        output.WriteLine("screenshot: " + await ui.ScreenshotAsync($"phone-{name}"));
        Assert.True(width <= 390, $"{path} scrolls sideways: {width}px; widest: {string.Join(", ", wide)}");
    }

    [Theory]
    [InlineData("/?id=soumu-smart-city-suishin-2024", "#detail-title")]
    [InlineData("/?municipality=172014", "#muni-title")]
    public async Task APrintedPageHasNoControlsAndSaysWhenItWasPrinted(string path, string title)
    {
        await using var ui = await UiSession.OpenAsync(fixture.Browser, fixture.App.BaseAddress, 1280, 900);
        await ui.GotoAsync(path);
        await Expect(ui.Page.Locator(title)).ToBeVisibleAsync();
        await ui.Page.EmulateMediaAsync(new() { Media = Microsoft.Playwright.Media.Print });
        await Expect(ui.Page.Locator("#search-form")).ToBeHiddenAsync();
        await Expect(ui.Page.Locator(".site-nav")).ToBeHiddenAsync();
        await Expect(ui.Page.Locator(title)).ToBeVisibleAsync();
        var printed = await ui.Page.EvaluateAsync<string>("getComputedStyle(document.querySelector('.site-footer'), '::after').content");
        Assert.Matches("印刷日: 令和\\d+年\\d+月\\d+日", printed);
        var pdf = await ui.Page.PdfAsync(new() { Format = "A4" });
        Assert.True(pdf.Length > 1000);
        output.WriteLine("screenshot: " + await ui.ScreenshotAsync("print" + path.Replace('/', '-').Replace('?', '-').Replace('=', '-')));
    }
}
