using System.Text.Json.Nodes;
using Catalog.Core.Programs;
using Catalog.Tests.Import;
using Catalog.Tests.Support;

namespace Catalog.Tests.Evidence;

/// <summary>
/// A value edited without its quote is refused by every import path that reads JSON, with file,
/// line, record, field, value and quote (the workbook's own test is in WorkbookTests).
/// </summary>
public class EvidenceSupportImportTests
{
    private const string Society5 = "chihou-sousei-suishin-koufukin-society5";
    private const string RateQuote = "「（令和3年度予算 1,000億円の内数 補助率 1/2）」";

    private static JsonObject SeedRecord(string id) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Seed, "programs", id + ".json")))!.AsObject();

    [Fact]
    public void AChangedRateInTheSeedFolderIsRefusedAtItsLineNamingTheQuote()
    {
        using var t = new TestStore();
        var seed = t.Folder.Combine("seed");
        EvidenceTests.CopyFolder(RepoPaths.Seed, seed);
        var file = Path.Combine(seed, "programs", Society5 + ".json");
        var record = SeedRecord(Society5);
        record["rate"]!["text"] = "2/3";
        File.WriteAllText(file, record.ToJsonString(ProgramJson.Indented));

        var result = t.Importer.Import(seed);

        var e = Assert.Single(result.Errors);
        Assert.Equal(file, e.File);
        Assert.Equal(Array.FindIndex(File.ReadAllLines(file), l => l.Contains("\"2/3\"", StringComparison.Ordinal)) + 1, e.Line);
        Assert.Equal((Society5, "rate.text"), (e.RecordId, e.Field));
        Assert.Contains($"the rate 2/3 is not stated by its quote: evidence[", e.Message);
        Assert.Contains(RateQuote, e.Message);
        Assert.Equal(0, t.Store.Count());
    }

    [Fact]
    public void AChangedRateInAnNdjsonFileIsRefusedAtItsLine()
    {
        using var t = new TestStore();
        var lines = new[] { "chihou-sousei-suishin-koufukin-senku", Society5, "chihou-sousei-suishin-koufukin-yokotenkai" }.Select(id =>
        {
            var record = SeedRecord(id);
            // Imported without the rest of the seed: relations would point at records not here.
            record.Remove("related");
            var evidence = record["evidence"]!.AsArray();
            foreach (var related in evidence.Where(x => x!["field"]!.GetValue<string>().StartsWith("related", StringComparison.Ordinal)).ToList()) evidence.Remove(related);
            if (id == Society5) record["rate"]!["text"] = "2/3";
            return record.ToJsonString(ProgramJson.Compact);
        });
        var file = t.Folder.Combine("programs.ndjson");
        File.WriteAllText(file, string.Join("\n", lines) + "\n");

        var result = t.Importer.Import(file);

        var e = Assert.Single(result.Errors);
        Assert.Equal((file, 2, Society5, "rate.text"), (e.File, e.Line, e.RecordId, e.Field));
        Assert.Contains(RateQuote, e.Message);
        Assert.StartsWith($"{file}:2: record '{Society5}' field 'rate.text': the rate 2/3 is not stated", e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AnAliasNoDocumentUsesIsRefused()
    {
        using var t = new TestStore();
        var record = SeedRecord("joso-ai-machizukuri-suishin");
        record.Remove("related");
        var evidence = record["evidence"]!.AsArray();
        foreach (var related in evidence.Where(x => x!["field"]!.GetValue<string>().StartsWith("related", StringComparison.Ordinal)).ToList()) evidence.Remove(related);
        record["aliases"]!.AsArray().Add("常総AI");
        var file = t.Folder.Combine("joso.json");
        File.WriteAllText(file, record.ToJsonString(ProgramJson.Indented));

        var e = Assert.Single(t.Importer.Import(file).Errors);
        Assert.Equal("aliases[2]", e.Field);
        Assert.Contains("the name 常総AI is not stated by any quote", e.Message);
    }
}
