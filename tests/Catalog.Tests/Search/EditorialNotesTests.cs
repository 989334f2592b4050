using Catalog.Tests.Support;
using static Catalog.Tests.Support.Programs;

namespace Catalog.Tests.Search;

/// <summary>#26: notes written while transcribing are kept and exported, never searched or shown as snippets.</summary>
public sealed class EditorialNotesTests
{
    [Fact]
    public async Task EditorialNotesAreExportedButNeitherSearchedNorSnippeted()
    {
        await using var server = await CatalogTestServer.StartAsync();
        var p = Make("with-note", "防災アプリ導入支援", summary: "防災アプリの導入を支援する。");
        p.Notes = "令和6年度は3件を採択。";
        p.EditorialNotes = "文書には補助率の記載がないため未記載（転記メモ）。";
        server.Add(p);

        Assert.Empty((await server.Client.GetObjectAsync("/api/programs?q=" + Uri.EscapeDataString("転記メモ"))).Ids());
        Assert.Equal(["with-note"], (await server.Client.GetObjectAsync("/api/programs?q=" + Uri.EscapeDataString("採択"))).Ids());
        var hit = (await server.Client.GetObjectAsync("/api/programs?q=" + Uri.EscapeDataString("防災")))["hits"]![0]!;
        Assert.DoesNotContain(hit["snippets"]!.AsArray(), s => s!["html"]!.GetValue<string>().Contains("転記メモ"));

        var detail = await server.Client.GetObjectAsync("/api/programs/with-note");
        Assert.Equal(p.EditorialNotes, detail["editorialNotes"]!.GetValue<string>());
        var export = await server.Client.GetObjectAsync("/api/export?format=json");
        Assert.Equal(p.EditorialNotes, export["programs"]![0]!["editorialNotes"]!.GetValue<string>());
    }
}
