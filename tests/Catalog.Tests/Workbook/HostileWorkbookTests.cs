using System.Diagnostics;
using Catalog.Core;
using Catalog.Core.Export;
using Catalog.Core.Import;
using Catalog.Core.Search;
using Catalog.Core.Store;
using Catalog.Core.Workbook;
using Catalog.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Catalog.Tests.Workbook;

/// <summary>
/// The catalogue every hostile import is tried against: the real SQLite file and the real index,
/// built once for the class. <see cref="State"/> is what must not move.
/// </summary>
public sealed class SeededCatalogue : IDisposable
{
    private readonly ServiceProvider _services;

    public SeededCatalogue()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Catalog:DataPath"] = Folder.Combine("data") }).Build();
        _services = new ServiceCollection().AddCatalogCore(configuration).BuildServiceProvider();
        _services.GetRequiredService<CatalogDatabase>().Migrate();
        // Synthetic rather than the seed: as real a store and index, a fraction of the import's time.
        // Another seed than the hostile files' own three programs, so importing one of them would show.
        var ndjson = Folder.Combine("catalogue.ndjson");
        Catalog.Benchmarks.SyntheticCatalogue.WriteNdjson(ndjson, 40, seed: 30);
        var seeded = Importer.Import(ndjson);
        Assert.True(seeded.Succeeded, string.Join("\n", seeded.Errors));
        Assert.NotEqual(0, _services.GetRequiredService<SearchIndex>().Search(new SearchRequest { Q = "ドローン" }).Total);
    }

    public TempFolder Folder { get; } = new();
    public CatalogImporter Importer => _services.GetRequiredService<CatalogImporter>();
    public ProgramStore Store => _services.GetRequiredService<ProgramStore>();

    /// <summary>Records, revisions, the whole export, a search, and the index's files (names, sizes, times).</summary>
    public string State()
    {
        using var export = new MemoryStream();
        ProgramExporter.WriteJsonAsync(Store.ReadAll(), export).GetAwaiter().GetResult();
        var search = _services.GetRequiredService<SearchIndex>().Search(new SearchRequest { Q = "ドローン" });
        var data = Folder.Combine("data");
        var index = Directory.EnumerateFiles(data, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith("catalog.db", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => $"{Path.GetRelativePath(data, f)} {new FileInfo(f).Length} {File.GetLastWriteTimeUtc(f):O}");
        return string.Join("\n", [
            $"records {Store.Count()}", $"revisions {_services.GetRequiredService<RevisionLog>().Revisions().Count}",
            $"search {search.Total}: {string.Join(" ", search.Hits.Select(h => h.Id))}", .. index,
            Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(export.ToArray()))]);
    }

    public void Dispose()
    {
        _services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Folder.Dispose();
    }
}

/// <summary>
/// Issue #30: each file of the hostile corpus (<see cref="HostileFiles"/>) is refused with one
/// line naming the file, the sheet or part, and the limit; in bounded time and allocation; and
/// the catalogue — SQLite and index — is as it was. Peak memory per file: docs/file-limits.md.
/// </summary>
public class HostileWorkbookTests(SeededCatalogue catalogue, ITestOutputHelper output) : IClassFixture<SeededCatalogue>
{
    public static TheoryData<string, string> Corpus => new()
    {
        { "zip-bomb.xlsx", "制度 シート: 部品 xl/worksheets/sheet1.xml の展開後の大きさが上限を超えています（128 MB まで、FileLimits.MaxPartBytes）" },
        // .NET's zip reader stops where the header says the part ends: the first 1 KB of a sheet is no sheet.
        { "zip-bomb-lying-headers.xlsx", "制度 シート: 部品 xl/worksheets/sheet1.xml の XML が壊れています（" },
        { "billion-laughs.xlsx", "制度 シート: 部品 xl/worksheets/sheet1.xml に DTD（<!DOCTYPE>、実体の宣言）があります" },
        { "external-entity.xlsx", "制度 シート: 部品 xl/worksheets/sheet1.xml に DTD（<!DOCTYPE>、実体の宣言）があります" },
        { "million-rows.xlsx", "制度 シート 100001 行目: シートの行数が上限を超えています（100,000 行まで、FileLimits.MaxRowsPerSheet）" },
        { "long-cell.xlsx", "制度 シート 2 行目: セル B2 の文字数が上限を超えています（32,767 字まで、FileLimits.MaxCellChars）" },
        { "long-shared-string.xlsx", "部品 xl/sharedStrings.xml の 1 番目の文字列の長さが上限を超えています（32,767 字まで、FileLimits.MaxCellChars）" },
        { "deep-nesting.xlsx", "制度 シート: 部品 xl/worksheets/sheet1.xml の XML の入れ子が上限を超えています（64 段まで、FileLimits.MaxXmlDepth）" },
        { "too-many-sheets.xlsx", "シートの数が上限を超えています（32 枚まで、FileLimits.MaxSheets）" },
        { "too-many-parts.xlsx", "zip の中のファイルの数（…）が上限を超えています（1,000 個まで、FileLimits.MaxParts）" },
        { "oversized.xlsx", "ファイルの大きさ（40 MB）が上限を超えています（32 MB まで、FileLimits.MaxFileBytes）" },
        { "truncated.xlsx", "Excel ブック（.xlsx）として開けません" },
        { "encrypted.xlsx", "パスワードで保護（暗号化）されたブックか、Excel 97-2003 形式のファイルです" },
        { "macro-vba.xlsx", "マクロ（VBA、xl/vbaProject.bin）を含むブックは取り込みません" },
        { "macro-content-type.xlsx", "マクロ有効ブック（application/vnd.ms-excel.sheet.macroEnabled.main+xml）は取り込みません" },
        { "macro-enabled.xlsm", "マクロ有効ブック（.xlsm）は取り込みません" },
        { "external-link.xlsx", "ほかのブックへのリンク（外部参照、xl/externalLinks/externalLink1.xml）を含むブックは取り込みません" },
        { "million-rows.csv", "上限額 シート 100001 行目: シートの行数が上限を超えています（100,000 行まで、FileLimits.MaxRowsPerSheet）" },
        { "long-cell.csv", "上限額 シート 2 行目: G 列のセルの文字数が上限を超えています（32,767 字まで、FileLimits.MaxCellChars）" },
        { "oversized.csv", "ファイルの大きさ（40 MB）が上限を超えています（32 MB まで、FileLimits.MaxFileBytes）" },
    };

    [Fact]
    public void TheCorpusHasAnExpectedRefusalForEveryHostileFile() =>
        Assert.Equal(HostileFiles.Names.Order(), Corpus.Select(row => (string)row[0]).Order());

    [Theory]
    [MemberData(nameof(Corpus))]
    public void AHostileFileIsRefusedInOneLineNamingTheLimitAndChangesNothing(string name, string expected)
    {
        using var folder = new TempFolder();
        var file = HostileFiles.Write(name, folder.Path);
        var before = catalogue.State();

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var result = catalogue.Importer.Import(file);
        clock.Stop();
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;

        output.WriteLine($"{name}: refused in {clock.ElapsedMilliseconds} ms, {allocated / 1048576.0:F1} MB allocated");
        var error = Assert.Single(result.Errors).ToString();
        // The file, then the sheet when there is one, then the limit ("…" stands for a number that varies).
        var parts = $"{file}: {expected}".Split('…');
        Assert.True(error.StartsWith(parts[0], StringComparison.Ordinal), error[file.Length..]);
        Assert.True(parts.Length == 1 || error.IndexOf(parts[1], parts[0].Length, StringComparison.Ordinal) > 0, error);
        // Bounded: a refusal reads no more than a limit allows, whatever the file claims to hold.
        Assert.True(allocated < 64L * 1024 * 1024, $"{name}: {allocated / 1048576} MB allocated");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"{name}: {clock.Elapsed}");
        Assert.Equal(before, catalogue.State());
    }

    [Fact]
    public void PartsThatTogetherExpandPastTheLimitAreRefused()
    {
        using var folder = new TempFolder();
        var file = GoodWorkbook(folder);
        var importer = new CatalogImporter(catalogue.Store, limits: new FileLimits { MaxExpandedBytes = 16 * 1024 });
        var error = Assert.Single(importer.Validate(file).Result.Errors);
        Assert.Equal($"{file}: ブック全体の展開後の大きさが上限を超えています（16,384 バイトまで、FileLimits.MaxExpandedBytes）", error.ToString());
    }

    [Theory]
    [InlineData("xlsx")]
    [InlineData("csv")]
    public void AReadThatTakesLongerThanTheLimitIsRefused(string kind)
    {
        using var folder = new TempFolder();
        var file = kind == "xlsx" ? GoodWorkbook(folder) : folder.Combine("上限額.csv");
        if (kind == "csv") File.WriteAllText(file, "制度ID,制度名【参照】,対象,上限額,単位,金額（円）【自動】,備考\r\nx,,,1億円,,,\r\n");
        var importer = new CatalogImporter(catalogue.Store, limits: new FileLimits { MaxReadTime = TimeSpan.Zero });
        var error = Assert.Single(importer.Validate(file).Result.Errors);
        Assert.Equal($"{file}: 読み込みにかかる時間が上限を超えています（0 秒まで、FileLimits.MaxReadTime）", error.ToString());
    }

    [Fact]
    public void TheImportVerbRefusesInOneLineAndTakesItsLimitsFromConfiguration()
    {
        using var folder = new TempFolder();
        // The export's three programs fill four rows of 制度: a limit of three rows, set as configuration, refuses them.
        var good = GoodWorkbook(folder);
        var refused = VerbProcess.Run(folder.Combine("data"), "import", good, "--Catalog:FileLimits:MaxRowsPerSheet=3");
        Assert.Equal(1, refused.Code);
        Assert.Equal([$"{good}: 制度 シート 4 行目: シートの行数が上限を超えています（3 行まで、FileLimits.MaxRowsPerSheet）",
            "1 error(s); nothing was imported."], refused.Stderr.TrimEnd().Split('\n'));
    }

    private static string GoodWorkbook(TempFolder folder)
    {
        var file = folder.Combine("good.xlsx");
        WorkbookExporter.WriteFile(Catalog.Benchmarks.SyntheticCatalogue.Generate(3).ToList(), file);
        return file;
    }
}
