using System.Text.RegularExpressions;
using Catalog.Core.Programs;
using Catalog.Tests.Support;
using Catalog.Ui.Tests.Support;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Catalog.Ui.Tests;

/// <summary>The detail page shows 出典 beside each value and marks what no document states.</summary>
[Collection("ui")]
public sealed class EvidenceUiTests(UiFixture fixture, ITestOutputHelper output)
{
    private Task<UiSession> OpenAsync() => UiSession.OpenAsync(fixture.Browser, fixture.App.BaseAddress);

    [Fact]
    public async Task EachValueShowsItsSourceQuoteAndValuesWithoutADocumentAreMarked()
    {
        await using var ui = await OpenAsync();
        await ui.GotoAsync("/?id=digital-denen-suishin-koufukin-type1");
        await Expect(ui.Page.Locator("#detail-title")).ToHaveTextAsync("デジタル田園都市国家構想推進交付金（デジタル実装タイプ TYPE1）");

        // 所管 (内閣府) is general knowledge: marked, with the basis and reason on hover and on opening.
        var ministry = ui.Page.Locator("[data-section='overview'] .pair", new() { HasText = "所管" }).Locator("dd");
        var mark = ministry.Locator("details.no-source > summary");
        await Expect(mark).ToBeVisibleAsync();
        await Expect(mark).ToHaveTextAsync("※出典資料に記載なし");
        await Expect(mark).ToHaveAttributeAsync("title", new Regex("^ministry: 一般的な知識 — .*内閣府"));
        await Expect(ministry.Locator("details.evidence")).ToHaveCountAsync(0);

        // 予算 is quoted: the summary reads 出典, the quote and the document are on hover and on opening.
        var budget = ui.Page.Locator("[data-section='money'] .pair", new() { HasText = "予算" }).Locator("dd");
        var source = budget.Locator("details.evidence > summary");
        await Expect(source).ToHaveTextAsync("出典");
        await Expect(source).ToHaveAttributeAsync("title", "「＜令和3年度補正一般会計 20,000百万円の内数＞」 — 未来技術社会実装事業における最近の取組 [002_73909b06327bf539.txt]");
        var quote = budget.Locator(".evidence-quote");
        await Expect(quote).ToBeHiddenAsync();
        await source.ClickAsync();
        await Expect(quote).ToBeVisibleAsync();
        await Expect(quote).ToHaveTextAsync("＜令和3年度補正一般会計 20,000百万円の内数＞");
        await Expect(budget.Locator(".evidence-doc")).ToContainTextAsync("002_73909b06327bf539.txt");
        await Expect(budget.Locator("details.no-source")).ToHaveCountAsync(0);

        // Every requirement and the name carry their own 出典.
        var requirements = ui.Page.Locator("[data-section='applicants'] dd > ul > li");
        await Expect(requirements).ToHaveCountAsync(2);
        for (var i = 0; i < 2; i++) await Expect(requirements.Nth(i).Locator("details.evidence")).ToHaveCountAsync(1);
        await Expect(ui.Page.Locator(".detail-head details.evidence")).ToHaveCountAsync(1);

        Assert.True(ui.ConsoleErrors.Count == 0, string.Join("\n", ui.ConsoleErrors));
        output.WriteLine("screenshot: " + await ui.ScreenshotAsync("evidence-detail"));
    }

    [Fact]
    public async Task EachAdoptionRowAndCapShowsItsOwnSource()
    {
        await using var ui = await OpenAsync();
        await ui.GotoAsync("/?id=smart-city-model-project");
        var rows = ui.Page.Locator("[data-section='adoptions'] ul.adoptions > li");
        var count = await rows.CountAsync();
        Assert.True(count > 20, $"{count} adoption rows");
        await Expect(ui.Page.Locator("[data-section='adoptions'] ul.adoptions > li details.evidence")).ToHaveCountAsync(count);
        await Expect(ui.Page.Locator("[data-section='adoptions'] details.no-source")).ToHaveCountAsync(0);
        var first = rows.First;
        await first.Locator("details.evidence > summary").ClickAsync();
        await Expect(first.Locator(".evidence-quote").First).ToHaveTextAsync(new Regex(@"^\d+ \S+"));

        await ui.GotoAsync("/?id=chihou-sousei-suishin-koufukin-senku");
        var caps = ui.Page.Locator("table.caps tbody tr");
        await Expect(caps).ToHaveCountAsync(3);
        for (var i = 0; i < 3; i++) await Expect(caps.Nth(i).Locator("details.evidence")).ToHaveCountAsync(1);
        // The rate is carried over from the Society5.0 type: marked, naming that record.
        var rate = ui.Page.Locator("[data-section='money'] .pair", new() { HasText = "補助率" }).Locator("details.no-source > summary");
        await Expect(rate).ToHaveAttributeAsync("title", new Regex("他の制度から（chihou-sousei-suishin-koufukin-society5）"));
        output.WriteLine("screenshot: " + await ui.ScreenshotAsync("evidence-caps-derived"));
    }

    [Fact]
    public async Task ARecordWithoutEvidenceSaysSoAndQuotesAreShownAsText()
    {
        await using var app = await CatalogTestServer.StartAsync();
        app.Add(
            new ProgramRecord
            {
                Id = "no-evidence", Name = "出典なし交付金", FamilyKey = "no-evidence", Level = "national", Ministry = "総務省",
                Kinds = ["補助金"], Sources = [new Source { Document = "x.txt" }],
            },
            new ProgramRecord
            {
                Id = "markup-quote", Name = "引用交付金", FamilyKey = "markup-quote", Level = "national", Ministry = "総務省",
                Kinds = ["補助金"], Sources = [new Source { Document = "x.txt", Title = "資料<b>X</b>" }],
                Evidence =
                [
                    new() { Field = "name", Document = "x.txt", Quote = "<img src=x onerror=\"window.__pwned=1\">引用交付金" },
                    new() { Field = "ministry", Basis = "general-knowledge", Reason = "<b>理由</b>" },
                    new() { Field = "kinds", Document = "x.txt", Quote = "補助金" },
                ],
            });
        await using var ui = await UiSession.OpenAsync(fixture.Browser, app.BaseAddress);

        await ui.GotoAsync("/?id=no-evidence");
        await Expect(ui.Page.Locator(".no-source-record")).ToHaveTextAsync("※出典資料に記載なし：この制度には項目ごとの出典が登録されていません。");

        await ui.GotoAsync("/?id=markup-quote");
        var name = ui.Page.Locator(".detail-head details.evidence");
        await name.Locator("summary").ClickAsync();
        await Expect(name.Locator(".evidence-quote")).ToHaveTextAsync("<img src=x onerror=\"window.__pwned=1\">引用交付金");
        await Expect(name.Locator(".evidence-doc")).ToHaveTextAsync(" — 資料<b>X</b> [x.txt]");
        await Expect(ui.Page.Locator("details.no-source > summary")).ToHaveAttributeAsync("title", "ministry: 一般的な知識 — <b>理由</b>");
        Assert.Equal(0, await ui.Page.Locator("main img, main b").CountAsync());
        Assert.Equal("undefined", await ui.Page.EvaluateAsync<string>("() => typeof window.__pwned"));
    }
}
