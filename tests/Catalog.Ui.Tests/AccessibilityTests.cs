using System.Text.Json;
using Catalog.Tests.Support;
using Catalog.Ui.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Catalog.Ui.Tests;

/// <summary>
/// axe-core (npm, pinned in axe/package-lock.json) run inside Chromium on the planner's pages: no
/// WCAG 2.1 A or AA violation. The engine's source is evaluated in the page, so the page's own
/// Content-Security-Policy stays as it is served.
/// </summary>
[Collection("ui")]
public sealed class AccessibilityTests(UiFixture fixture, ITestOutputHelper output)
{
    private static readonly Lazy<string> Axe = new(() =>
        File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "Catalog.Ui.Tests", "axe", "node_modules", "axe-core", "axe.min.js")));

    [Theory]
    [InlineData("/", ".purpose-link")]
    [InlineData("/?purpose=%E3%81%BE%E3%81%A1%E3%81%A5%E3%81%8F%E3%82%8A%E3%83%BB%E5%9C%B0%E5%9F%9F%E3%82%92%E5%85%83%E6%B0%97%E3%81%AB%E3%81%97%E3%81%9F%E3%81%84", ".hit")]
    [InlineData("/compare?ids=shin-chiho-keizai-seikatsu-kankyo-sosei-koufukin-dai2-kyoten-2025,shin-chiho-keizai-seikatsu-kankyo-sosei-koufukin-dai2-soft-2025", "table.compare")]
    [InlineData("/?id=soumu-smart-city-suishin-2024", "#detail-title")]
    [InlineData("/?municipality=162019", "#muni-title")]
    public async Task APageHasNoWcag21AOrAaViolation(string path, string ready)
    {
        await using var ui = await UiSession.OpenAsync(fixture.Browser, fixture.App.BaseAddress);
        await ui.GotoAsync(path);
        await Expect(ui.Page.Locator(ready).First).ToBeVisibleAsync();
        await ui.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await ui.Page.EvaluateAsync(Axe.Value);
        var result = await ui.Page.EvaluateAsync<JsonElement>("""
            async () => {
              const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
              return { passes: r.passes.length, violations: r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')) })) };
            }
            """);
        var violations = result.GetProperty("violations");
        output.WriteLine($"{path}: {result.GetProperty("passes").GetInt32()} rules passed, {violations.GetArrayLength()} violated");
        Assert.True(violations.GetArrayLength() == 0, $"{path}: {violations}");
    }
}
