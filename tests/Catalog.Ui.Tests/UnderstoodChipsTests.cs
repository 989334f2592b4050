using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Catalog.Tests.Support;
using Catalog.Ui.Tests.Support;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Catalog.Ui.Tests;

/// <summary>Conditions read from the query line show as chips and ticked facets; removing either takes the words out of the query and the URL.</summary>
[Collection("ui")]
public sealed class UnderstoodChipsTests(UiFixture fixture, ITestOutputHelper output)
{
    private Task<UiSession> OpenAsync() => UiSession.OpenAsync(fixture.Browser, fixture.App.BaseAddress);

    private async Task<int> ApiTotalAsync(string query) =>
        JsonNode.Parse(await fixture.App.Client.GetStringAsync("/api/programs?" + query))!["total"]!.GetValue<int>();

    // As URLSearchParams writes a value: percent-encoded, spaces as +.
    private static string Form(string value) => Regex.Escape(Uri.EscapeDataString(value).Replace("%20", "+"));

    [Fact]
    public async Task UnderstoodPartsShowAsChipsAndTickTheirFacets()
    {
        await using var ui = await OpenAsync();
        await ui.GotoAsync("/");
        var both = await ApiTotalAsync("fiscalYear=2021&capMin=10000000");
        var yearOnly = await ApiTotalAsync("fiscalYear=2021");
        Assert.NotEqual(both, yearOnly);

        await ui.Page.Locator("#q").FillAsync("令和3年度 1,000万円以上");
        await ui.Page.Locator("#q").PressAsync("Enter");

        var chips = ui.Page.Locator("#understood .understood-chip");
        await Expect(chips).ToHaveCountAsync(2);
        await Expect(chips.Nth(0)).ToHaveTextAsync("年度: 令和3年度 ×");
        await Expect(chips.Nth(1)).ToHaveTextAsync("上限: 1,000万円以上 ×");
        await Expect(ui.Page.Locator("#results-title")).ToHaveTextAsync($"検索結果 {both}件");
        await Expect(ui.Page.Locator("fieldset[data-facet='fiscalYear'] label", new() { HasText = "令和3年度" }).Locator("input")).ToBeCheckedAsync();
        await Expect(ui.Page.Locator("fieldset[data-facet='cap'] label", new() { HasText = "1,000万円以上" }).Locator("input")).ToBeCheckedAsync();
        output.WriteLine("screenshot: " + await ui.ScreenshotAsync("20-understood-chips"));

        // Choosing 指定なし for the cap replaces the amount written in the query.
        await ui.Page.Locator("fieldset[data-facet='cap'] label", new() { HasText = "指定なし" }).Locator("input").CheckAsync();

        await Expect(chips).ToHaveCountAsync(1);
        await Expect(ui.Page.Locator("#q")).ToHaveValueAsync("令和3年度");
        await Expect(ui.Page).ToHaveURLAsync(new Regex(@"\?q=" + Form("令和3年度") + "$"));
        await Expect(ui.Page.Locator("#results-title")).ToHaveTextAsync($"検索結果 {yearOnly}件");
        await Expect(ui.Page.Locator("fieldset[data-facet='cap'] input:checked")).ToHaveCountAsync(1); // 指定なし

        // The chip's × takes 令和3年度 out of the query, the search box and the URL.
        await chips.Nth(0).ClickAsync();

        await Expect(chips).ToHaveCountAsync(0);
        await Expect(ui.Page.Locator("#understood")).ToBeHiddenAsync();
        await Expect(ui.Page.Locator("#q")).ToHaveValueAsync("");
        await Expect(ui.Page).Not.ToHaveURLAsync(new Regex(@"q="));
        await Expect(ui.Page.Locator("fieldset[data-facet='fiscalYear'] input:checked")).ToHaveCountAsync(0);
        await Expect(ui.Page.Locator("#results-title")).ToHaveTextAsync($"検索結果 {await ApiTotalAsync("")}件");
        Assert.Empty(ui.ConsoleErrors);
    }

    [Fact]
    public async Task UntickingAFacetTickedByTheQueryTakesTheWordOut()
    {
        await using var ui = await OpenAsync();
        await ui.GotoAsync("/?q=" + Uri.EscapeDataString("2021年度 ドローン"));
        var year = ui.Page.Locator("fieldset[data-facet='fiscalYear'] label", new() { HasText = "令和3年度" }).Locator("input");
        await Expect(year).ToBeCheckedAsync();
        await Expect(ui.Page.Locator("#understood .understood-chip")).ToHaveTextAsync("年度: 令和3年度 ×");

        await year.UncheckAsync();

        await Expect(ui.Page.Locator("#q")).ToHaveValueAsync("ドローン");
        await Expect(ui.Page).ToHaveURLAsync(new Regex(@"\?q=" + Form("ドローン") + "$"));
        await Expect(ui.Page.Locator("#understood")).ToBeHiddenAsync();
        await Expect(ui.Page.Locator("#results-title")).ToContainTextAsync($"{await ApiTotalAsync("q=" + Uri.EscapeDataString("ドローン"))}件");
        Assert.Empty(ui.ConsoleErrors);
    }

    [Fact]
    public async Task NearDeadlineIsOneChipForItsTwoConditions()
    {
        await using var ui = await OpenAsync();
        await ui.GotoAsync("/?asOf=2020-07-20&q=" + Uri.EscapeDataString("締切間近"));

        var chip = ui.Page.Locator("#understood .understood-chip");
        await Expect(chip).ToHaveCountAsync(1);
        await Expect(chip).ToHaveTextAsync("状況: 受付中、締切: 令和2年8月3日まで ×");
        await Expect(ui.Page.Locator("#hits > li.hit")).ToHaveCountAsync(1);
        await Expect(ui.Page.Locator("fieldset[data-facet='status'] label", new() { HasText = "受付中" }).Locator("input")).ToBeCheckedAsync();
    }
}
