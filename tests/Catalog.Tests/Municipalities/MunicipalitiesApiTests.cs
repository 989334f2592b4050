using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Catalog.Core.Municipalities;
using Catalog.Tests.Support;

namespace Catalog.Tests.Municipalities;

/// <summary>The municipality view end to end: seed through the importer, requests over HTTP.</summary>
public class MunicipalitiesApiTests(MunicipalitiesApiTests.Servers servers) : IClassFixture<MunicipalitiesApiTests.Servers>
{
    private const string AsOf = "2024-05-01";
    private const string Miyakojima = "472140";
    private const string Sendai = "041009";
    private const string Sapporo = "011002";

    /// <summary>Programs around <see cref="AsOf"/>: open, closed, for 中枢中核都市 only, and one excluding earlier adoptees.</summary>
    private static Dictionary<string, string> Fixtures() => new()
    {
        ["programs/zz-open.json"] = MunicipalityFixtures.Program("zz-open", "【試験】受付中の交付金", "2024-04-01", "2024-05-31"),
        ["programs/zz-closed.json"] = MunicipalityFixtures.Program("zz-closed", "【試験】締切済みの交付金", "2024-01-10", "2024-02-29"),
        ["programs/zz-ccc-only.json"] = MunicipalityFixtures.Program("zz-ccc-only", "【試験】中枢中核都市向け", "2024-04-01", "2024-05-31", applicants: "\"中枢中核都市\""),
        ["programs/zz-earlier.json"] = MunicipalityFixtures.Program("zz-earlier", "【試験】先行事業", "2021-04-01", "2021-05-31", extra: """
            ,
              "selections": [ { "fiscalYear": 2021, "count": 1 } ]
            """),
        ["programs/zz-later.json"] = MunicipalityFixtures.Program("zz-later", "【試験】後継事業", "2024-04-01", "2024-05-31", extra: """
            ,
              "eligibility": { "rules": [ { "kind": "notAdopted", "programId": "zz-earlier", "fiscalYears": [2021], "text": "先行事業（2021年度）の支援対象となっていないこと" } ] }
            """),
        ["adoptions/zz-earlier.json"] = """
            { "adoptions": [ { "programId": "zz-earlier", "fiscalYear": 2021, "prefecture": "沖縄県", "municipality": "宮古島市", "title": "試験の採択" } ] }
            """,
    };

    /// <summary>
    /// The three catalogues the tests read, each started once for the class and only when a test
    /// asks for it: the seed; the seed with the fixtures; the fixtures with 仙台市 as 中枢中核都市.
    /// </summary>
    public sealed class Servers : IAsyncLifetime
    {
        private readonly Lazy<Task<(CatalogTestServer Server, TempFolder Folder)>> _plain = new(() => StartAsync(fixtures: false));
        private readonly Lazy<Task<(CatalogTestServer Server, TempFolder Folder)>> _withFixtures = new(() => StartAsync(fixtures: true));
        private readonly Lazy<Task<(CatalogTestServer Server, TempFolder Folder)>> _withCentralCore = new(() => StartAsync(fixtures: true, centralCore: [Sendai]));

        public async Task<CatalogTestServer> Seed() => (await _plain.Value).Server;
        public async Task<CatalogTestServer> WithFixtures() => (await _withFixtures.Value).Server;
        public async Task<CatalogTestServer> WithSendaiAsCentralCore() => (await _withCentralCore.Value).Server;

        public Task InitializeAsync() => Task.CompletedTask;

        public async Task DisposeAsync()
        {
            foreach (var started in new[] { _plain, _withFixtures, _withCentralCore }.Where(l => l.IsValueCreated))
            {
                var (server, folder) = await started.Value;
                await server.DisposeAsync();
                folder.Dispose();
            }
        }

        private static async Task<(CatalogTestServer Server, TempFolder Folder)> StartAsync(bool fixtures, IReadOnlyList<string>? centralCore = null)
        {
            var folder = new TempFolder();
            var seed = fixtures || centralCore is not null ? MunicipalityFixtures.Seed(folder, fixtures ? Fixtures() : null, centralCore) : RepoPaths.Seed;
            return (await CatalogTestServer.StartAsync(seedPath: seed), folder);
        }
    }

    private static JsonObject VerdictOf(JsonObject table, string programId) =>
        table["verdicts"]!.AsArray().Single(v => v!["programId"]!.GetValue<string>() == programId)!.AsObject();

    private static IEnumerable<JsonObject> Reasons(JsonObject verdict, string rule) =>
        verdict["reasons"]!.AsArray().Select(r => r!.AsObject()).Where(r => r["rule"]!.GetValue<string>() == rule);

    [Fact]
    public async Task MiyakojimaIsFoundByItsReadingAndHasIts2021JapanMaasAdoption()
    {
        var server = await servers.Seed();

        var found = await server.Client.GetObjectAsync("/api/municipalities?q=" + Uri.EscapeDataString("みやこじま"));
        var first = found["municipalities"]!.AsArray()[0]!;
        Assert.Equal(("宮古島市", Miyakojima, "沖縄県"), (first["name"]!.GetValue<string>(), first["code"]!.GetValue<string>(), first["prefecture"]!["name"]!.GetValue<string>()));

        var detail = await server.Client.GetObjectAsync($"/api/municipalities/{Miyakojima}");
        var adoptions = detail["adoptions"]!.AsArray();
        Assert.Contains(adoptions, a => a!["programId"]!.GetValue<string>() == "nihonban-maas-suishin-shien"
            && a["fiscalYear"]?.GetValue<int>() == 2021 && a["programName"]!.GetValue<string>().Contains("日本版MaaS"));
        Assert.Contains(detail["classes"]!.AsArray(), c => c!["class"]!.GetValue<string>() == "市" && c["membership"]!.GetValue<string>() == "member" && c["source"] is not null);
        Assert.Contains(detail["classes"]!.AsArray(), c => c!["class"]!.GetValue<string>() == "中枢中核都市" && c["membership"]!.GetValue<string>() == "unknown");
        // Peers: others adopted by the same program, in the same prefecture or of the same class.
        var peers = detail["peers"]!.AsArray();
        Assert.NotEmpty(peers);
        Assert.All(peers, p => Assert.Contains(p!["adoptions"]!.AsArray(), a => a!["programId"]!.GetValue<string>() == "nihonban-maas-suishin-shien"));
        Assert.DoesNotContain(peers, p => p!["code"]!.GetValue<string>() == Miyakojima);
    }

    [Theory]
    [InlineData("つくば", "つくば市")]
    [InlineData("浜松", "浜松市")]
    [InlineData("ミヤコジマ", "宮古島市")]
    [InlineData("４７２１４０", "宮古島市")]
    [InlineData("47214", "宮古島市")]
    [InlineData("沖縄", "沖縄県")]
    public async Task MunicipalitiesAreFoundByNameKanaAndCode(string q, string expected)
    {
        var server = await servers.Seed();
        var found = await server.Client.GetObjectAsync("/api/municipalities?q=" + Uri.EscapeDataString(q));
        Assert.Equal(expected, found["municipalities"]!.AsArray()[0]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task ADesignatedCityCarriesItsClassWithTheSource()
    {
        var server = await servers.Seed();
        var found = await server.Client.GetObjectAsync("/api/municipalities?q=" + Uri.EscapeDataString("浜松"));
        var hamamatsu = found["municipalities"]!.AsArray()[0]!;
        Assert.Contains("政令指定都市", hamamatsu["classes"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Contains("中枢中核都市", hamamatsu["unknownClasses"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.DoesNotContain("中核市", hamamatsu["unknownClasses"]!.AsArray().Select(c => c!.GetValue<string>())); // a 政令指定都市 is never a 中核市
    }

    [Fact]
    public async Task BadCodesGetProblemDetailsSayingWhich()
    {
        var server = await servers.Seed();
        var unknown = "47999" + LgCode.CheckDigit("47999"); // well-formed, in no master
        Assert.Contains("6 digits", (await server.Client.GetProblemAsync("/api/municipalities/47214", "code"))["detail"]!.GetValue<string>());
        Assert.Contains("check digit", (await server.Client.GetProblemAsync("/api/municipalities/472141", "472141"))["detail"]!.GetValue<string>());
        Assert.Contains("not all digits", (await server.Client.GetProblemAsync("/api/municipalities/47214x", "47214x"))["detail"]!.GetValue<string>());
        Assert.Contains("not in the municipality master", (await server.Client.GetProblemAsync($"/api/municipalities/{unknown}", unknown, 404))["detail"]!.GetValue<string>());
        await server.Client.GetProblemAsync("/api/municipalities/472141/programs", "check digit");
        await server.Client.GetProblemAsync($"/api/municipalities/{unknown}/programs", unknown, 404);
        await server.Client.GetProblemAsync($"/api/municipalities/{Miyakojima}/programs?asOf=yesterday", "asOf");
        await server.Client.GetProblemAsync($"/api/municipalities/{Miyakojima}/programs?format=xlsx", "format");
        await server.Client.GetProblemAsync("/api/adoptions?municipality=472141", "check digit");
        await server.Client.GetProblemAsync("/api/adoptions?prefecture=" + Uri.EscapeDataString("架空県"), "prefecture");
        await server.Client.GetProblemAsync("/api/adoptions?fiscalYear=abc", "fiscalYear");
        await server.Client.GetProblemAsync("/api/adoptions?program=no-such-program", "program");
        await server.Client.GetProblemAsync("/api/municipalities?limit=0", "limit");
    }

    [Fact]
    public async Task VerdictsGiveTheReasonsForOpenClosedAndExcludedPrograms()
    {
        // With a (fixture) 中枢中核都市 list that leaves 宮古島市 out, its cap is the 市区町村 one.
        var server = await servers.WithSendaiAsCentralCore();
        var table = await server.Client.GetObjectAsync($"/api/municipalities/{Miyakojima}/programs?asOf={AsOf}");
        Assert.Equal("2024-05-01T00:00:00+09:00", table["asOf"]!.GetValue<string>());

        var open = VerdictOf(table, "zz-open");
        Assert.Equal("対象", open["outcome"]!.GetValue<string>());
        Assert.Equal("市区町村", open["matchedClass"]!.GetValue<string>());
        Assert.Equal(30, open["daysLeft"]!.GetValue<int>());
        Assert.Equal(["2.0億円／年度"], open["cap"]!["texts"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("対象", table["verdicts"]!.AsArray()[0]!["outcome"]!.GetValue<string>()); // open and eligible first

        var closed = VerdictOf(table, "zz-closed");
        Assert.Equal("対象外", closed["outcome"]!.GetValue<string>());
        Assert.Contains(Reasons(closed, "公募期間"), r => r["effect"]!.GetValue<string>() == "excluded" && r["fact"]!.GetValue<string>().Contains("2024-02-29"));

        var later = VerdictOf(table, "zz-later");
        Assert.Equal("対象外", later["outcome"]!.GetValue<string>());
        var history = Assert.Single(Reasons(later, "採択歴"));
        Assert.Equal(("zz-earlier", 2021), (history["programId"]!.GetValue<string>(), history["fiscalYear"]!.GetValue<int>()));
        Assert.Contains("【試験】先行事業", history["fact"]!.GetValue<string>());

        // Another city, never adopted by the earlier program (its 2021 list is complete): 対象.
        var ishigaki = (await server.Client.GetObjectAsync("/api/municipalities?q=" + Uri.EscapeDataString("いしがき")))["municipalities"]!.AsArray()[0]!["code"]!.GetValue<string>();
        var other = await server.Client.GetObjectAsync($"/api/municipalities/{ishigaki}/programs?asOf={AsOf}");
        Assert.Equal("対象", VerdictOf(other, "zz-later")["outcome"]!.GetValue<string>());

        // Counts add up, and no verdict is 対象 without a matched class.
        var counts = table["counts"]!;
        // Ended programs are counted but hidden by default (endedHidden); every other verdict is listed.
        Assert.True(table["endedHidden"]!.GetValue<bool>());
        Assert.Equal(table["verdicts"]!.AsArray().Count, counts["eligible"]!.GetValue<int>() + counts["check"]!.GetValue<int>()
            + counts["notEligible"]!.GetValue<int>() + counts["dataGap"]!.GetValue<int>());
        Assert.DoesNotContain(table["verdicts"]!.AsArray(), v => v!["outcome"]!.GetValue<string>() == "終了");
        Assert.All(table["verdicts"]!.AsArray().Where(v => v!["outcome"]!.GetValue<string>() == "対象"), v => Assert.NotNull(v!["matchedClass"]));
    }

    [Fact]
    public async Task AMunicipalityWithNoClassDataGetsCheckNotEligible()
    {
        var server = await servers.WithFixtures();
        var table = await server.Client.GetObjectAsync($"/api/municipalities/{Sendai}/programs?asOf={AsOf}");
        var cccOnly = VerdictOf(table, "zz-ccc-only");
        Assert.Equal("要確認", cccOnly["outcome"]!.GetValue<string>());
        Assert.Contains(Reasons(cccOnly, "申請主体"), r => r["effect"]!.GetValue<string>() == "unknown" && r["class"]!.GetValue<string>() == "中枢中核都市");
        var open = VerdictOf(table, "zz-open");
        Assert.Equal("要確認", open["outcome"]!.GetValue<string>()); // eligible, but the cap depends on the unknown list
        Assert.Contains(Reasons(open, "上限額"), r => r["effect"]!.GetValue<string>() == "unknown");
    }

    [Fact]
    public async Task ADesignatedCityGetsTheCentralCoreCapOnlyWhenTheClassListSaysSo()
    {
        var server = await servers.WithSendaiAsCentralCore();
        var sendai = VerdictOf(await server.Client.GetObjectAsync($"/api/municipalities/{Sendai}/programs?asOf={AsOf}"), "zz-open");
        Assert.Equal("対象", sendai["outcome"]!.GetValue<string>());
        Assert.Equal("中枢中核都市", sendai["cap"]!["class"]!.GetValue<string>());
        Assert.Equal(["2.5億円／年度"], sendai["cap"]!["texts"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Contains(Reasons(sendai, "上限額"), r => r["fact"]!.GetValue<string>().Contains("test fixture"));

        var sapporo = VerdictOf(await server.Client.GetObjectAsync($"/api/municipalities/{Sapporo}/programs?asOf={AsOf}"), "zz-open");
        Assert.Equal("対象", sapporo["outcome"]!.GetValue<string>());
        Assert.Equal("市区町村", sapporo["cap"]!["class"]!.GetValue<string>());
        Assert.Equal(["2.0億円／年度"], sapporo["cap"]!["texts"]!.AsArray().Select(t => t!.GetValue<string>()));
    }

    [Fact]
    public async Task VerdictsFollowTheSearchFiltersAndDownloadAsCsvWithABom()
    {
        var server = await servers.WithFixtures();
        var open = await server.Client.GetObjectAsync($"/api/municipalities/{Miyakojima}/programs?asOf={AsOf}&status=" + Uri.EscapeDataString("受付中"));
        var ids = open["verdicts"]!.AsArray().Select(v => v!["programId"]!.GetValue<string>()).ToList();
        Assert.Contains("zz-open", ids);
        Assert.DoesNotContain("zz-closed", ids);

        using var response = await server.Client.GetAsync($"/api/municipalities/{Miyakojima}/programs?asOf={AsOf}&format=csv");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("団体コード,団体名,判定,制度ID,制度名", lines[0]);
        var all = await server.Client.GetObjectAsync($"/api/municipalities/{Miyakojima}/programs?asOf={AsOf}");
        Assert.Equal(all["verdicts"]!.AsArray().Count + 1, lines.Length);
        Assert.Contains(lines, l => l.StartsWith($"{Miyakojima},宮古島市,対象外,zz-closed,", StringComparison.Ordinal) && l.Contains("2024-02-29"));
        Assert.Contains(".csv", response.Content.Headers.ContentDisposition?.FileName ?? response.Content.Headers.ContentDisposition?.FileNameStar);
    }

    [Fact]
    public async Task AdoptionSearchFiltersAndCountsPerPrefectureProgramAndYear()
    {
        var server = await servers.Seed();
        // Expected figures straight from the seed files.
        var seedRows = Directory.GetFiles(Path.Combine(RepoPaths.Seed, "adoptions"), "*.json")
            .SelectMany(f => JsonNode.Parse(File.ReadAllBytes(f))!["adoptions"]!.AsArray()).Select(a => a!.AsObject()).ToList();
        bool Maas2021(JsonObject a) => a["programId"]!.GetValue<string>() == "nihonban-maas-suishin-shien" && a["fiscalYear"]?.GetValue<int>() == 2021;

        var result = await server.Client.GetObjectAsync("/api/adoptions?program=nihonban-maas-suishin-shien&fiscalYear=2021");
        Assert.Equal(seedRows.Count(Maas2021), result["total"]!.GetValue<int>());
        Assert.Equal(seedRows.Count(a => Maas2021(a) && a["prefecture"]?.GetValue<string>() == "沖縄県"), result.Count("prefecture", "沖縄県"));
        // The program facet ignores its own selection: other programs of 2021 are counted too.
        Assert.Equal(seedRows.Count(a => a["programId"]!.GetValue<string>() == "smart-city-model-project" && a["fiscalYear"]?.GetValue<int>() == 2021),
            result.Count("program", "smart-city-model-project"));
        Assert.Equal(seedRows.Count(a => a["programId"]!.GetValue<string>() == "nihonban-maas-suishin-shien" && a["fiscalYear"] is null),
            result.Count("fiscalYear", "unknown"));

        var miyakojima = await server.Client.GetObjectAsync($"/api/adoptions?municipality={Miyakojima}");
        Assert.Equal(seedRows.Count(a => a["municipality"]!.GetValue<string>() == "宮古島市"), miyakojima["total"]!.GetValue<int>());
        var byKana = await server.Client.GetObjectAsync("/api/adoptions?q=" + Uri.EscapeDataString("みやこじま"));
        Assert.Equal(miyakojima["total"]!.GetValue<int>(), byKana["total"]!.GetValue<int>());
        var okinawa = await server.Client.GetObjectAsync("/api/adoptions?prefecture=" + Uri.EscapeDataString("沖縄県"));
        Assert.Equal(seedRows.Count(a => a["prefecture"]?.GetValue<string>() == "沖縄県"), okinawa["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task TheOpenApiDocumentAndTheExportDescribeMunicipalitiesAndEligibility()
    {
        var server = await servers.Seed();
        var openApi = await server.Client.GetObjectAsync("/openapi/v1.json");
        var paths = openApi["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/municipalities", paths);
        Assert.Contains("/api/municipalities/{code}", paths);
        Assert.Contains("/api/municipalities/{code}/programs", paths);
        Assert.Contains("/api/adoptions", paths);

        var schema = new MiniJsonSchema(JsonNode.Parse(await server.Client.GetStringAsync("/api/schema/program.json"))!.AsObject());
        var record = await server.Client.GetObjectAsync("/api/programs/chiiki-iot-jisso-keikaku-jichitai-ai");
        var rule = record["eligibility"]!["rules"]![0]!;
        Assert.Equal(("notAdopted", "chiiki-iot-jisso-keikaku-2018-2019"), (rule["kind"]!.GetValue<string>(), rule["programId"]!.GetValue<string>()));
        var exported = JsonNode.Parse(await server.Client.GetStringAsync("/api/export?format=json"))!["programs"]!.AsArray();
        foreach (var p in exported) Assert.Empty(schema.Validate(p!));
        Assert.Contains(exported, p => p!["adoptions"]!.AsArray().Any(a => a!["lgCodes"]!.AsArray().Count > 1));
        Assert.Contains(exported, p => p!["adoptions"]!.AsArray().Any(a => a!["scope"]!.GetValue<string>() == "area"));
    }
}
