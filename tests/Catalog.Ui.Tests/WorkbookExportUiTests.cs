using System.Text.RegularExpressions;
using Catalog.Ui.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using static Microsoft.Playwright.Assertions;

namespace Catalog.Ui.Tests;

/// <summary>The export menu's Excel workbook, downloaded from the page in Chromium.</summary>
[Collection("ui")]
public sealed class WorkbookExportUiTests(UiFixture fixture)
{
    [Fact]
    public async Task TheExportMenuOffersTheExcelWorkbookOfTheShownResults()
    {
        await using var ui = await UiSession.OpenAsync(fixture.Browser, fixture.App.BaseAddress);
        await ui.GotoAsync("/?q=自動運転");
        var link = ui.Page.Locator("#export-xlsx");
        await Expect(link).ToHaveTextAsync("Excel（.xlsx）");
        await Expect(link).ToHaveAttributeAsync("href", new Regex(@"^/api/export\?q=.+&format=xlsx$"));
        // Every hit by name (several years of one program share a name), all on the first page.
        var shown = (await ui.Page.Locator("#hits a.hit-link").AllInnerTextsAsync()).ToList();
        Assert.NotEmpty(shown);
        await Expect(ui.Page.Locator("#results-title")).ToContainTextAsync($"{shown.Count}件");

        var download = await ui.Page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        Assert.Matches(@"^programs-\d{8}\.xlsx$", download.SuggestedFilename);
        using var document = SpreadsheetDocument.Open(await download.PathAsync(), false);
        var book = document.WorkbookPart!;
        var sheet = book.Workbook.Sheets!.Elements<Sheet>().First();
        Assert.Equal("制度", sheet.Name!.Value);
        var rows = ((WorksheetPart)book.GetPartById(sheet.Id!)).Worksheet.Descendants<Row>().ToList();
        Assert.Equal("制度名", rows[0].Elements<Cell>().ElementAt(1).InnerText);
        Assert.Equal(shown.Order(), rows.Skip(1).Select(r => r.Elements<Cell>().ElementAt(1).InnerText).Order());
    }
}
