using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Catalog.Tests.Support;
using Catalog.Ui.Tests.Support;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Catalog.Ui.Tests;

/// <summary>
/// 「定額」 in the query line shows as a chip and ticks the 補助率の種類 facet, labelled by the API;
/// removing the chip takes the word out, and the facet sets the same filter as a parameter.
/// Over a synthetic catalogue with 定額 rates (the seed states none).
/// </summary>
[Collection("ui")]
public sealed class RateKindChipTests(UiFixture fixture, ITestOutputHelper output)
{
    // As URLSearchParams writes a value: percent-encoded, spaces as +.
    private static string Form(string value) => Regex.Escape(Uri.EscapeDataString(value).Replace("%20", "+"));

    [Fact]
    public async Task FixedAmountInTheQueryIsAChipAndTicksTheRateKindFacet()
    {
        using var catalogue = new RateCatalogue();
        await using var app = await CatalogTestServer.StartAsync(seedPath: catalogue.Path);
        async Task<int> Total(string query) =>
            JsonNode.Parse(await app.Client.GetStringAsync("/api/programs?" + query))!["total"]!.GetValue<int>();
        var fixedDrones = await Total("rateKind=" + Uri.EscapeDataString("定額") + "&q=" + Uri.EscapeDataString("ドローン"));
        var drones = await Total("q=" + Uri.EscapeDataString("ドローン"));
        Assert.InRange(fixedDrones, 1, drones - 1);

        await using var ui = await UiSession.OpenAsync(fixture.Browser, app.BaseAddress);
        await ui.GotoAsync("/");
        await ui.Page.Locator("#q").FillAsync("定額 ドローン");
        await ui.Page.Locator("#q").PressAsync("Enter");

        var chip = ui.Page.Locator("#understood .understood-chip");
        var facet = ui.Page.Locator("fieldset[data-facet='rateKind']");
        var fixedBox = facet.Locator("label", new() { HasText = "定額" }).Locator("input");
        await Expect(chip).ToHaveTextAsync("補助率: 定額 ×");
        await Expect(facet.Locator("legend")).ToHaveTextAsync("補助率の種類");
        await Expect(fixedBox).ToBeCheckedAsync();
        await Expect(facet.Locator("label", new() { HasText = "定率（1/2 など）" }).Locator("input")).Not.ToBeCheckedAsync();
        await Expect(ui.Page.Locator("#results-title")).ToHaveTextAsync($"「ドローン」の検索結果 {fixedDrones}件");
        await Expect(ui.Page.Locator("#hits > li.hit")).ToHaveCountAsync(Math.Min(fixedDrones, 20)); // the first page
        output.WriteLine("screenshot: " + await ui.ScreenshotAsync("21-rate-kind-chip"));

        // The chip's × takes 定額 out of the query, the search box and the URL; the facet is unticked.
        await chip.ClickAsync();

        await Expect(ui.Page.Locator("#understood")).ToBeHiddenAsync();
        await Expect(ui.Page.Locator("#q")).ToHaveValueAsync("ドローン");
        await Expect(ui.Page).ToHaveURLAsync(new Regex(@"\?q=" + Form("ドローン") + "$"));
        await Expect(fixedBox).Not.ToBeCheckedAsync();
        await Expect(ui.Page.Locator("#results-title")).ToHaveTextAsync($"「ドローン」の検索結果 {drones}件");

        // Ticking the facet sets the same filter as a parameter: no chip, the same hits.
        await fixedBox.CheckAsync();

        await Expect(ui.Page).ToHaveURLAsync(new Regex(@"\?q=" + Form("ドローン") + "&rateKind=" + Form("定額") + "$"));
        await Expect(ui.Page.Locator("#results-title")).ToHaveTextAsync($"「ドローン」の検索結果 {fixedDrones}件");
        await Expect(ui.Page.Locator("#understood")).ToBeHiddenAsync();
        Assert.True(ui.ConsoleErrors.Count == 0, string.Join("\n", ui.ConsoleErrors));
    }
}
