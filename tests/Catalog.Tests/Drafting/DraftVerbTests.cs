using System.Text.Json.Nodes;
using Catalog.Core.Audit;
using Catalog.Tests.Import;
using Catalog.Tests.Support;

namespace Catalog.Tests.Drafting;

/// <summary>The draft verb as staff run it, and the import of its output before and after review.</summary>
public sealed class DraftVerbTests
{
    private const string Address = "https://www.soumu.go.jp/menu_news/s-news/draft-test.html";

    [Fact]
    public void ADraftedPdfIsStoredWithItsAddressAndImportsOnlyOnceItsReviewBlockIsResolved()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.Combine("documents"));
        File.WriteAllBytes(folder.Combine("notice.pdf"), TestDocuments.NoticePdf);

        var (code, stdout, stderr) = VerbProcess.Run(null, "draft", folder.Combine("notice.pdf"), "--url", Address,
            "--output", folder.Combine("draft.json"), "--documents", folder.Combine("documents"));

        Assert.True(code == 0, stderr);
        Assert.Equal("", stdout); // the record went to --output
        var stored = Assert.Single(Directory.GetFiles(folder.Combine("documents")));
        var document = SourceDocument.Load(stored);
        Assert.Equal(Address, document.Address);
        var record = JsonNode.Parse(File.ReadAllText(folder.Combine("draft.json")))!.AsObject();
        Assert.Equal(Path.GetFileName(stored), record["sources"]![0]!["document"]!.GetValue<string>());
        Assert.Equal(Address, record["url"]!.GetValue<string>());
        foreach (var e in record["evidence"]!.AsArray())
            if (e!["field"]!.GetValue<string>() != "url")
                Assert.Contains(EvidenceAudit.Normalise(e["quote"]!.GetValue<string>()), EvidenceAudit.Normalise(document.Body));

        // Unreviewed, it is refused with the file and the field; nothing is imported.
        using var store = new TestStore();
        var refused = store.Importer.Import(folder.Combine("draft.json"));
        var error = Assert.Single(refused.Errors);
        Assert.Equal("draft", error.Field);
        Assert.Contains("unreviewed draft", error.Message);
        Assert.Empty(store.Store.ReadAll());

        // The reviewer resolves every item (here: accepts them) and deletes the block: it imports.
        record.Remove("draft");
        File.WriteAllText(folder.Combine("draft.json"), record.ToJsonString());
        var imported = store.Importer.Import(folder.Combine("draft.json"));
        Assert.True(imported.Succeeded, string.Join("\n", imported.Errors));
        Assert.Equal("地域データ連携モデル事業", Assert.Single(store.Store.ReadAll()).Name);
    }

    [Fact]
    public void AnEmptyReviewBlockImportsAndIsNotStored()
    {
        using var store = new TestStore();
        var path = store.Folder.Combine("reviewed.json");
        File.WriteAllText(path, """
            { "id": "reviewed-draft", "name": "地域データ連携モデル事業", "level": "national", "ministry": "総務省",
              "sources": [ { "document": "x.txt" } ], "draft": { "missing": [], "unsure": [] } }
            """);

        var result = store.Importer.Import(path);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.DoesNotContain("\"draft\"", store.Export());
    }

    [Fact]
    public void AnEncryptedPdfGetsOneLineNamingItAndNothingIsWritten()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.Combine("documents"));
        File.WriteAllBytes(folder.Combine("locked.pdf"), TestDocuments.EncryptedPdf());

        var (code, stdout, stderr) = VerbProcess.Run(null, "draft", folder.Combine("locked.pdf"), "--url", Address,
            "--output", folder.Combine("draft.json"), "--documents", folder.Combine("documents"));

        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("locked.pdf", line);
        Assert.Contains("encrypted", line);
        Assert.False(File.Exists(folder.Combine("draft.json")));
        Assert.Empty(Directory.GetFiles(folder.Combine("documents")));
    }
}
