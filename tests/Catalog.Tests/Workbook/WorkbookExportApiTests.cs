using Catalog.Core.Import;
using Catalog.Core.Store;
using Catalog.Tests.Import;
using Catalog.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using static Catalog.Tests.Support.Programs;

namespace Catalog.Tests.Workbook;

public sealed class WorkbookExportApiTests
{
    [Fact]
    public async Task XlsxExportIsTheWorkbookOfTheMatchingProgramsAndImportsBack()
    {
        await using var server = await CatalogTestServer.StartAsync();
        server.Add(
            Make("drone-a", "ドローン物流", fields: ["ドローン", "物流"], capYen: 50_000_000),
            Make("drone-b", "ドローン点検", ministry: "総務省", fields: ["ドローン"]),
            Make("other", "観光DX", fields: ["観光"]));

        using var response = await server.Client.GetAsync("/api/export?format=xlsx&field=ドローン");
        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.Matches(@"^programs-\d{8}\.xlsx$", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var folder = new TempFolder();
        var file = folder.Combine("download.xlsx");
        await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync());

        using (var document = SpreadsheetDocument.Open(file, false))
        {
            var book = document.WorkbookPart!;
            var programs = ((WorksheetPart)book.GetPartById(book.Workbook.Sheets!.Elements<Sheet>().First().Id!)).Worksheet;
            var ids = programs.Descendants<Row>().Skip(1).Select(r => r.Elements<Cell>().First().InnerText).Order().ToList();
            Assert.Equal(["drone-a", "drone-b"], ids);
        }

        using var t = new TestStore();
        var result = t.Importer.Import(file);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(new ImportCounts(2, 0, 0), result.Counts);
        Assert.Equal("ドローン点検", t.Store.Find("drone-b")!.Name);
    }

    [Fact]
    public async Task XlsxExportRefusesShiftJis()
    {
        await using var server = await CatalogTestServer.StartAsync();
        var problem = await server.Client.GetProblemAsync("/api/export?format=xlsx&encoding=shift_jis", "encoding");
        Assert.Contains("only for format=csv", problem["detail"]!.GetValue<string>());
    }
}
