using Catalog.Ui.Tests.Support;

namespace Catalog.Ui.Tests;

/// <summary>A kept page starts the next test clean: what one test leaves must not reach the next.</summary>
[Collection("ui")]
public sealed class UiSessionTests(UiFixture fixture)
{
    [Fact]
    public async Task AKeptPageCarriesNoStorageRouteOrPrintModeIntoTheNextSession()
    {
        Microsoft.Playwright.IPage first;
        await using (var ui = await fixture.OpenAsync(390, 844))
        {
            await ui.GotoAsync("/");
            await ui.Page.EvaluateAsync("() => { localStorage.setItem('left-behind', '1'); document.cookie = 'left=1; path=/'; }");
            await ui.Page.RouteAsync("**/api/**", route => route.AbortAsync());
            await ui.Page.EmulateMediaAsync(new() { Media = Microsoft.Playwright.Media.Print });
            first = ui.Page;
        }

        await using var next = await fixture.OpenAsync();
        Assert.Same(first, next.Page); // the page was kept, so the reset is what is under test
        await next.GotoAsync("/");
        Assert.Null(await next.Page.EvaluateAsync<string?>("() => localStorage.getItem('left-behind')"));
        Assert.Equal("", await next.Page.EvaluateAsync<string>("() => document.cookie"));
        Assert.False(await next.Page.EvaluateAsync<bool>("() => matchMedia('print').matches"));
        Assert.Equal(1280, await next.Page.EvaluateAsync<int>("() => innerWidth"));
        Assert.Empty(next.ConsoleErrors); // the API answered: the abort route is gone
        Assert.DoesNotContain(next.RequestUrls, u => u.StartsWith("about:"));
    }
}
