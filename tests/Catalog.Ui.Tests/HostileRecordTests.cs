using Catalog.Core.Programs;
using Catalog.Tests.Support;
using Catalog.Ui.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Catalog.Ui.Tests;

/// <summary>Markup in a record's text is shown as text, in the results and in the detail; it never runs.</summary>
[Collection("ui")]
public sealed class HostileRecordTests(UiFixture fixture)
{
    private const string Name = "<script>window.__pwned=1</script>悪意交付金\"<img src=x onerror=\"window.__pwned=2\">";
    private const string Summary = "概要<b>太字</b><img src=x onerror=\"window.__pwned=3\">\"引用\" 悪意交付金の説明";

    [Fact]
    public async Task MarkupInANameOrSummaryIsShownAsTextAndNeverRuns()
    {
        await using var app = await CatalogTestServer.StartAsync();
        var now = DateTimeOffset.UtcNow.ToOffset(ProgramStatus.Jst);
        app.Add(new ProgramRecord
        {
            Id = "hostile-program",
            Name = Name,
            FamilyKey = "hostile-program",
            Summary = Summary,
            Level = "national",
            Ministry = "総務省",
            Kinds = ["補助金"],
            Windows = [new ApplicationWindow { Start = now.AddDays(-3).ToString("yyyy-MM-dd'T'HH:mm:sszzz"), End = now.AddDays(10).ToString("yyyy-MM-dd'T'HH:mm:sszzz") }],
            Sources = [new Source { Document = "test" }],
        });

        await using var ui = await UiSession.OpenAsync(fixture.Browser, app.BaseAddress);
        await ui.GotoAsync("/?q=悪意交付金");
        var hit = ui.Page.Locator("#hits > li.hit").First;
        await Expect(hit).ToContainTextAsync("<script>window.__pwned=1</script>");
        await Expect(hit).ToContainTextAsync("<b>太字</b>");
        await Expect(hit.Locator("mark").First).ToBeVisibleAsync();
        // An open window shows its badge and the days left (none of the seed's windows is open today).
        await Expect(hit.Locator(".badge")).ToHaveTextAsync("受付中");
        await Expect(hit.Locator(".days-left")).ToContainTextAsync("締切まで残り");
        Assert.Equal(0, await ui.Page.Locator("#hits img, #hits script, #hits b").CountAsync());

        await hit.Locator("a.hit-link").ClickAsync();
        await Expect(ui.Page.Locator("#detail-title")).ToHaveTextAsync(Name);
        Assert.Equal(0, await ui.Page.Locator("main img, main b, body script:not([src])").CountAsync());
        Assert.Equal("undefined", await ui.Page.EvaluateAsync<string>("() => typeof window.__pwned"));
        // Injected markup would also show as a CSP violation or a failed image load here.
        Assert.True(ui.ConsoleErrors.Count == 0, string.Join("\n", ui.ConsoleErrors));
    }
}
