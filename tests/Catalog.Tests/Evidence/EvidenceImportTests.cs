using System.Text.Json.Nodes;
using Catalog.Core.Import;
using Catalog.Tests.Import;
using Catalog.Tests.Support;

namespace Catalog.Tests.Evidence;

/// <summary>The importer refuses malformed or incomplete evidence, naming file, line, record and field.</summary>
public class EvidenceImportTests
{
    private const string Id = "joso-ai-machizukuri-suishin";

    // Writes the seed record with a change into a folder of its own and imports it.
    private static (ImportResult Result, string File, string[] Lines, TestStore Store) ImportChanged(Action<JsonObject> change)
    {
        var t = new TestStore();
        var record = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Seed, "programs", Id + ".json")))!.AsObject();
        record.Remove("related"); // imported alone: its relations point at records not in this import
        record["evidence"]!.AsArray().Where(e => e!["field"]!.GetValue<string>().StartsWith("related", StringComparison.Ordinal)).ToList()
            .ForEach(e => record["evidence"]!.AsArray().Remove(e));
        change(record);
        var folder = t.Folder.Combine("in");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, Id + ".json");
        File.WriteAllText(file, record.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        return (t.Importer.Import(folder), file, File.ReadAllLines(file), t);
    }

    private static int LineContaining(string[] lines, string text) => Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal)) + 1;

    [Fact]
    public void TheSeedRecordImportsAloneWithItsEvidence()
    {
        var (result, _, _, t) = ImportChanged(_ => { });
        using (t)
        {
            Assert.True(result.Succeeded, string.Join("\n", result.Errors));
            Assert.Contains(t.Store.Find(Id)!.Evidence, e => e.Field == "budget" && e.Quote == "予算額 11,200 千円");
        }
    }

    [Fact]
    public void AnEvidencePathThatNamesNoValueIsRefusedAndNothingIsImported()
    {
        var (result, file, lines, t) = ImportChanged(r => r["evidence"]!.AsArray().Add(new JsonObject
        {
            ["field"] = "caps[0]", ["document"] = "000_f9fad185daa86c82.txt", ["quote"] = "10,000千円",
        }));
        using (t)
        {
            var e = Assert.Single(result.Errors);
            Assert.Equal(file, e.File);
            Assert.Equal(Id, e.RecordId);
            Assert.Matches(@"^evidence\[\d+\]\.field$", e.Field);
            Assert.Contains("'caps[0]' names no value", e.Message);
            Assert.Equal(LineContaining(lines, "\"caps[0]\""), e.Line);
            Assert.Equal(0, t.Store.Count());
        }
    }

    [Fact]
    public void AStatedValueWithoutEvidenceIsRefusedAtItsLine()
    {
        var (result, _, lines, t) = ImportChanged(r => r["url"] = "https://www.city.joso.lg.jp/");
        using (t)
        {
            var e = Assert.Single(result.Errors);
            Assert.Equal("url", e.Field);
            Assert.Contains("has no evidence", e.Message);
            Assert.Equal(LineContaining(lines, "\"url\""), e.Line);
        }
    }

    [Fact]
    public void ADocumentTheRecordDoesNotCiteIsRefused()
    {
        var (result, _, _, t) = ImportChanged(r => r["evidence"]![0]!["document"] = "999_unknown.txt");
        using (t)
        {
            var e = Assert.Single(result.Errors);
            Assert.Equal("evidence[0].document", e.Field);
            Assert.Contains("'999_unknown.txt' is not among the sources of this record", e.Message);
        }
    }

    [Fact]
    public void ABasisMustBeKnownCarryAReasonAndNameAnExistingRecord()
    {
        var (result, _, _, t) = ImportChanged(r =>
        {
            var ev = r["evidence"]!.AsArray();
            ev[0] = new JsonObject { ["field"] = "name", ["basis"] = "hearsay", ["reason"] = "聞いた" };
            ev[1] = new JsonObject { ["field"] = "ministry", ["basis"] = "general-knowledge" };
            ev[2] = new JsonObject { ["field"] = "ministry", ["basis"] = "derived-from:no-such-program", ["reason"] = "同じ" };
            ev[3] = new JsonObject { ["field"] = "bureau", ["document"] = "000_f9fad185daa86c82.txt", ["quote"] = "担当部", ["reason"] = "x" };
        });
        using (t)
        {
            var messages = result.Errors.Select(e => $"{e.Field}: {e.Message}").ToList();
            Assert.Contains(messages, m => m.StartsWith("evidence[0].basis: 'hearsay' is not general-knowledge", StringComparison.Ordinal));
            Assert.Contains(messages, m => m.StartsWith("evidence[1].reason: is required", StringComparison.Ordinal));
            Assert.Contains(messages, m => m.StartsWith("evidence[2].basis: refers to 'no-such-program'", StringComparison.Ordinal));
            Assert.Contains(messages, m => m.StartsWith("evidence[3]: gives either a document and a quote, or a basis and a reason", StringComparison.Ordinal));
            Assert.Equal(0, t.Store.Count());
        }
    }

    [Fact]
    public void AnAdoptionRowWithEvidenceMustCoverItsPlaceAndYear()
    {
        using var t = new TestStore();
        var table = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Seed, "adoptions", "mirai-gijutsu-shakai-jisso-selections.json")))!.AsObject();
        var row = table["adoptions"]![0]!.AsObject();
        var evidence = row["evidence"]!.AsArray();
        foreach (var entry in evidence.Where(x => x!["field"]!.GetValue<string>() == "fiscalYear").ToList()) evidence.Remove(entry);
        EvidenceTests.CopyFolder(RepoPaths.Seed, t.Folder.Combine("seed"));
        File.WriteAllText(t.Folder.Combine("seed", "adoptions", "mirai-gijutsu-shakai-jisso-selections.json"), table.ToJsonString());

        var result = t.Importer.Import(t.Folder.Combine("seed"));

        var e = Assert.Single(result.Errors);
        Assert.Equal("fiscalYear", e.Field);
        Assert.Equal("mirai-gijutsu-shakai-jisso", e.RecordId);
        Assert.Contains("has no evidence", e.Message);
        Assert.Equal(0, t.Store.Count());
    }
}
