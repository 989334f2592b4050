using System.Text.RegularExpressions;
using Catalog.Tests.Support;
using Catalog.Ui.Tests.Support;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Catalog.Ui.Tests;

/// <summary>資料から下書き: a document chosen in the browser comes back as a proposed record beside its text, each quote highlighted.</summary>
[Collection("ui")]
public sealed class DraftUiTests(UiFixture fixture, ITestOutputHelper output)
{
    private static readonly string[] Notice =
    [
        "令和７年度「地域データ連携モデル事業」の公募について",
        "総務省では、令和７年度「地域データ連携モデル事業」の公募を実施します。",
        "１　公募期間",
        "令和７年４月１０日（木）〜令和７年５月９日（金）正午まで",
        "２　提案主体",
        "地方公共団体、民間企業等",
        "３　補助率　１／２以内",
        "４　補助上限額　３０，０００千円",
    ];

    [Fact]
    public async Task ADocumentChosenOnTheDraftPageShowsEachValueWithItsQuoteHighlightedInTheDocument()
    {
        using var folder = new TempFolder();
        var html = folder.Combine("notice.html");
        File.WriteAllText(html, "<!DOCTYPE html><html><body>" + string.Concat(Notice.Select(l => $"<p>{l}</p>")) + "</body></html>");
        await using var ui = await UiSession.OpenAsync(fixture.Browser, fixture.App.BaseAddress);
        await ui.GotoAsync("/");
        await ui.Page.Locator("#draft-link").ClickAsync();

        await ui.Page.Locator("#draft-file").SetInputFilesAsync(html);
        await ui.Page.Locator("#draft-submit").ClickAsync();

        var card = ui.Page.Locator(".draft-card");
        await Expect(card.Locator("h3")).ToHaveTextAsync("地域データ連携モデル事業");
        var rate = card.Locator("tr[data-field='rate']");
        await Expect(rate.Locator(".draft-value")).ToHaveTextAsync("１／２以内");
        await Expect(card.Locator("tr[data-field='windows[0]'] .draft-value")).ToHaveTextAsync("2025-04-10 ～ 2025-05-09T12:00:00+09:00");
        // Every quote is found in the document and marked there.
        var quotes = await card.Locator("a.draft-quote").CountAsync();
        Assert.True(quotes >= 6, $"{quotes} quotes linked");
        await Expect(ui.Page.Locator(".draft-document-text mark.draft-mark").First).ToBeVisibleAsync();
        await rate.Locator("a.draft-quote").ClickAsync();
        var current = ui.Page.Locator("mark.draft-mark.current");
        await Expect(current).ToHaveCountAsync(1);
        await Expect(current).ToContainTextAsync("１／２以内");
        await Expect(current).ToHaveAttributeAsync("data-fields", new Regex(@"\brate\b"));
        // What it could not find is listed for the reviewer, and the unsaved document is named.
        await Expect(card.Locator(".draft-missing")).ToContainTextAsync("問い合わせ先");
        await Expect(card.Locator(".draft-unsure")).ToContainTextAsync("出典資料");

        Assert.True(ui.ConsoleErrors.Count == 0, string.Join("\n", ui.ConsoleErrors));
        output.WriteLine("screenshot: " + await ui.ScreenshotAsync("draft-page"));
    }

    [Fact]
    public async Task TheDraftApiRefusesADocumentOverTheSizeLimitWithProblemDetailsAndStoresNothing()
    {
        using var body = new ByteArrayContent(new byte[Catalog.Core.Drafting.DocumentLimits.Default.MaxBytes + 1]);
        body.Headers.ContentType = new("application/pdf");

        using var response = await fixture.App.Client.PostAsync("/api/drafts?name=huge.pdf", body);

        Assert.Equal(System.Net.HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("huge.pdf: more than the limit of 20,971,520 bytes", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ABrokenPdfIsReportedInJapaneseWithTheReasonAndNoRecordIsShown()
    {
        using var folder = new TempFolder();
        var pdf = folder.Combine("broken.pdf");
        File.WriteAllBytes(pdf, "%PDF-1.7\nthis is not a PDF body"u8.ToArray());
        await using var ui = await UiSession.OpenAsync(fixture.Browser, fixture.App.BaseAddress);
        await ui.GotoAsync("/draft.html");

        await ui.Page.Locator("#draft-file").SetInputFilesAsync(pdf);
        await ui.Page.Locator("#draft-submit").ClickAsync();

        await Expect(ui.Page.Locator("#error-message")).ToContainTextAsync("資料を読めませんでした: broken.pdf: not a readable PDF");
        await Expect(ui.Page.Locator("#draft-result")).ToBeHiddenAsync();
    }
}
