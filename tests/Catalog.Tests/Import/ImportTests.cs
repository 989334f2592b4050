using System.Text;
using Catalog.Core;
using Catalog.Core.Export;
using Catalog.Core.Import;
using Catalog.Core.Programs;
using Catalog.Core.Store;
using Catalog.Tests.Support;

namespace Catalog.Tests.Import;

/// <summary>A store and importer over their own database in a temp folder.</summary>
internal sealed class TestStore : IDisposable
{
    public TestStore()
    {
        var db = new CatalogDatabase(new CatalogOptions { DataPath = Folder.Combine("data") });
        db.Migrate();
        Store = new ProgramStore(db);
        Importer = new CatalogImporter(Store);
    }

    public TempFolder Folder { get; } = new();
    public ProgramStore Store { get; }
    public CatalogImporter Importer { get; }

    public string Export(bool ndjson = false)
    {
        using var ms = new MemoryStream();
        if (ndjson) ProgramExporter.WriteNdjsonAsync(Store.ReadAll(), ms).GetAwaiter().GetResult();
        else ProgramExporter.WriteJsonAsync(Store.ReadAll(), ms).GetAwaiter().GetResult();
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    public void Dispose() => Folder.Dispose();
}

public class ImportTests
{
    private static readonly int SeedProgramCount = Directory.GetFiles(Path.Combine(RepoPaths.Seed, "programs"), "*.json").Length;

    [Fact]
    public void ImportingTheSeedAddsEveryProgramFile()
    {
        using var t = new TestStore();
        var result = t.Importer.Import(RepoPaths.Seed);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(SeedProgramCount, result.Counts.Added);
        Assert.Equal(SeedProgramCount, t.Store.Count());
        Assert.Contains(t.Store.ReadAll(), p => p.Adoptions.Count > 0);
    }

    [Fact]
    public void ImportingTheSameSeedTwiceChangesNothing()
    {
        using var t = new TestStore();
        t.Importer.Import(RepoPaths.Seed);
        var before = t.Export();
        var again = t.Importer.Import(RepoPaths.Seed);
        Assert.Equal(new ImportCounts(0, 0, SeedProgramCount), again.Counts);
        Assert.Equal(before, t.Export());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ExportImportedIntoAnEmptyDatabaseExportsTheSameBytes(bool ndjson)
    {
        using var first = new TestStore();
        first.Importer.Import(RepoPaths.Seed);
        var export = first.Export(ndjson);
        var file = first.Folder.Combine(ndjson ? "export.ndjson" : "export.json");
        File.WriteAllText(file, export);

        using var second = new TestStore();
        var result = second.Importer.Import(file);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(export, second.Export(ndjson));
    }

    [Fact]
    public void ImportDerivesRatesCapsDurationsAndJstWindows()
    {
        using var t = new TestStore();
        var file = t.Folder.Combine("p.json");
        File.WriteAllText(file, """
            {
              "id": "sample-program",
              "name": "サンプル交付金",
              "fiscalYears": ["令和6年度", 2025],
              "level": "national",
              "ministry": "内閣府",
              "kinds": ["交付金"],
              "rate": { "text": "定額、または2/3" },
              "caps": [ { "applicant": "中枢中核都市", "text": "2.5億円", "per": "year" } ],
              "maxDurationText": "最長5か年度",
              "windows": [ { "start": "令和6年4月5日", "end": "2024-05-10T12:00" } ],
              "sources": [ { "document": "x.txt" } ]
            }
            """);
        Assert.True(t.Importer.Import(file).Succeeded);
        var p = t.Store.Find("sample-program")!;
        Assert.Equal([2024, 2025], p.FiscalYears);
        Assert.Equal("mixed", p.Rate!.Kind);
        Assert.Equal(250_000_000L, p.Caps[0].AmountYen);
        Assert.Equal(5, p.MaxDurationYears);
        Assert.Equal("2024-04-05T00:00:00+09:00", p.Windows[0].Start);
        Assert.Equal("2024-05-10T12:00:00+09:00", p.Windows[0].End);
        Assert.Equal("受付中", ProgramStatus.At(p, DateTimeOffset.Parse("2024-05-10T11:59:00+09:00")).Status);
        Assert.Equal("締切", ProgramStatus.At(p, DateTimeOffset.Parse("2024-05-10T12:00:01+09:00")).Status);
        Assert.Equal("予告", ProgramStatus.At(p, DateTimeOffset.Parse("2024-04-04T23:59:59+09:00")).Status);
    }

    /// <summary>Each broken seed: the file to break, how, and what the error must name.</summary>
    public static TheoryData<string, string, string, string> BrokenSeeds => new()
    {
        { "truncated JSON", "programs/chihou-sousei-suishin-koufukin-senku.json", "truncate", "malformed JSON" },
        { "Shift_JIS bytes", "programs/chihou-sousei-suishin-koufukin-senku.json", "sjis", "not valid UTF-8" },
        { "duplicate id", "programs/zz-duplicate.json", "duplicate", "duplicate id" },
        { "unknown level", "programs/chihou-sousei-suishin-koufukin-senku.json", "\"level\": \"national\"=>\"level\": \"galactic\"", "'level'" },
        { "rate 3/2", "programs/chihou-sousei-suishin-koufukin-senku.json", "\"text\": \"1/2\"=>\"text\": \"3/2\"", "'rate.text'" },
        { "cap abc億円", "programs/chihou-sousei-suishin-koufukin-senku.json", "\"text\": \"3.0億円\"=>\"text\": \"abc億円\"", "'caps[0].text'" },
        { "dangling reference", "adoptions/kominrenkei-model-jigyo.json", "\"programId\": \"kominrenkei-model-jigyo\"=>\"programId\": \"no-such-program\"", "no-such-program" },
        { "unknown field", "programs/chihou-sousei-suishin-koufukin-senku.json", "\"level\":=>\"levle\": 1, \"level\":", "levle" },
    };

    [Theory]
    [MemberData(nameof(BrokenSeeds))]
    public void ABrokenSeedIsRejectedWholeWithFileLineAndField(string what, string relative, string breakage, string expected)
    {
        using var t = new TestStore();
        var seed = t.Folder.Combine("seed");
        CopyFolder(RepoPaths.Seed, seed);
        var firstImport = t.Importer.Import(seed);
        Assert.True(firstImport.Succeeded);
        // Change the catalogue's copy so a successful import would show up as an update.
        File.WriteAllText(Path.Combine(seed, "programs", "kigyo-ban-furusato-nozei.json"),
            File.ReadAllText(Path.Combine(seed, "programs", "kigyo-ban-furusato-nozei.json")).Replace("\"name\": \"企業版ふるさと納税\"", "\"name\": \"企業版ふるさと納税（改）\""));
        var before = t.Export();

        var file = Path.Combine(seed, relative);
        Break(file, breakage, seed);
        var result = t.Importer.Import(seed);

        Assert.False(result.Succeeded, what);
        var error = Assert.Single(result.Errors, e => e.ToString().Contains(expected, StringComparison.Ordinal));
        Assert.Equal(Path.GetFullPath(file), Path.GetFullPath(error.File));
        Assert.NotNull(error.Line);
        Assert.Equal(before, t.Export());
    }

    [Fact]
    public void AWindowThatEndsBeforeItStartsNamesTheWindowAndItsLine()
    {
        using var t = new TestStore();
        var file = t.Folder.Combine("p.json");
        File.WriteAllText(file, """
            {
              "id": "bad-window",
              "name": "窓口",
              "level": "national",
              "ministry": "総務省",
              "windows": [
                { "start": "2024-05-01", "end": "2024-04-01" }
              ],
              "sources": [ { "document": "x.txt" } ]
            }
            """);
        var result = t.Importer.Import(file);
        var error = Assert.Single(result.Errors);
        Assert.Equal("windows[0].end", error.Field);
        Assert.Equal("bad-window", error.RecordId);
        Assert.Equal(7, error.Line);
        Assert.Equal(0, t.Store.Count());
    }

    [Fact]
    public void TheImportVerbPrintsEveryErrorAndExitsNonZero()
    {
        using var t = new TestStore();
        var file = t.Folder.Combine("broken.json");
        File.WriteAllText(file, """
            [
              { "id": "Bad Id", "name": "", "level": "national", "ministry": "総務省", "sources": [ { "document": "x" } ] },
              { "id": "ok-id", "name": "x", "level": "national", "ministry": "月面省", "sources": [] }
            ]
            """);
        var (code, stdout, stderr) = VerbProcess.Run(t.Folder.Combine("data"), "import", file);
        Assert.Equal(1, code);
        Assert.Contains("broken.json:2: record 'Bad Id' field 'id'", stderr);
        Assert.Contains("broken.json:2: record 'Bad Id' field 'name': is required", stderr);
        Assert.Contains("broken.json:3: record 'ok-id' field 'ministry'", stderr);
        Assert.Contains("field 'sources'", stderr);
        Assert.Contains("nothing was imported", stderr);
        Assert.Equal("", stdout);
    }

    [Fact]
    public void TheImportAndExportVerbsRoundTripTheSeed()
    {
        using var t = new TestStore();
        var data = t.Folder.Combine("verbdata");
        var (code, stdout, _) = VerbProcess.Run(data, "import", RepoPaths.Seed);
        Assert.Equal(0, code);
        Assert.Contains($"{SeedProgramCount} added, 0 updated, 0 unchanged", stdout);
        var exportFile = t.Folder.Combine("out.json");
        Assert.Equal(0, VerbProcess.Run(data, "export", "--output", exportFile).Code);
        var again = VerbProcess.Run(data, "import", exportFile);
        Assert.Contains($"0 added, 0 updated, {SeedProgramCount} unchanged", again.Stdout);
    }

    private static void Break(string file, string breakage, string seed)
    {
        switch (breakage)
        {
            case "truncate":
                var text = File.ReadAllText(file);
                File.WriteAllText(file, text[..(text.Length / 2)]);
                break;
            case "sjis":
                Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
                File.WriteAllBytes(file, Encoding.GetEncoding("shift_jis").GetBytes(File.ReadAllText(file)));
                break;
            case "duplicate":
                File.Copy(Path.Combine(seed, "programs", "chihou-sousei-suishin-koufukin-senku.json"), file);
                break;
            default:
                var (from, to) = (breakage.Split("=>")[0], breakage.Split("=>")[1]);
                var original = File.ReadAllText(file);
                Assert.Contains(from, original);
                File.WriteAllText(file, ReplaceFirst(original, from, to));
                break;
        }
    }

    private static string ReplaceFirst(string s, string from, string to)
    {
        var i = s.IndexOf(from, StringComparison.Ordinal);
        return s[..i] + to + s[(i + from.Length)..];
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var f in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, f));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(f, target);
        }
    }
}
