using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Catalog.Core.Municipalities;
using Catalog.Tests.Support;

using static Catalog.Tests.Municipalities.MunicipalityCodes;

namespace Catalog.Tests.Municipalities;

/// <summary>The municipality view end to end: seed through the importer, requests over HTTP.</summary>
[Collection(MunicipalityServers.Collection)]
public class MunicipalitiesApiTests(MunicipalityServers servers)
{
    [Fact]
    public async Task APrefectureToCityPickerGetsThe47PrefecturesAndEveryMunicipalityOfOne()
    {
        var server = await servers.Seed();
        var prefectures = (await server.Client.GetObjectAsync("/api/prefectures"))["municipalities"]!.AsArray();
        Assert.Equal(47, prefectures.Count);
        Assert.Equal(("北海道", "沖縄県"), (prefectures[0]!["name"]!.GetValue<string>(), prefectures[46]!["name"]!.GetValue<string>()));

        // All of them, not the best 20 or 100: 北海道 and its 179 municipalities, and the six 北方領土 村 that hold codes.
        var hokkaido = (await server.Client.GetObjectAsync("/api/municipalities?prefecture=" + Uri.EscapeDataString("北海道")))["municipalities"]!.AsArray();
        Assert.Equal("北海道", hokkaido[0]!["name"]!.GetValue<string>());
        Assert.Equal(1 + 179 + 6, hokkaido.Count);
        var codes = hokkaido.Skip(1).Select(m => m!["code"]!.GetValue<string>()).ToList();
        Assert.Equal(codes.Order(StringComparer.Ordinal), codes);
        Assert.All(hokkaido, m => Assert.Equal("北海道", m!["prefecture"]!["name"]!.GetValue<string>()));
        var byCode = (await server.Client.GetObjectAsync("/api/municipalities?prefecture=010006"))["municipalities"]!.AsArray();
        Assert.Equal(hokkaido.Count, byCode.Count);

        var problem = await server.Client.GetProblemAsync("/api/municipalities?prefecture=" + Uri.EscapeDataString(Miyakojima), "prefecture");
        Assert.Contains("沖縄県", problem["detail"]!.GetValue<string>());
        await server.Client.GetProblemAsync("/api/municipalities?prefecture=" + Uri.EscapeDataString("架空県"), "prefecture", 404);
    }

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
        // Peers are near and of its class: 沖縄県 has no neighbour, so 三浦市 (神奈川県), a 市 adopted by the same
        // program, is none, and any peer there is must be a 市 in 沖縄県.
        var peers = detail["peers"]!.AsArray();
        var maas = await server.Client.GetObjectAsync("/api/adoptions?program=nihonban-maas-suishin-shien&pageSize=500");
        Assert.Contains(maas["adoptions"]!.AsArray(), a => a!["lgCodes"]!.AsArray().Any(c => c!.GetValue<string>() == Miura));
        Assert.DoesNotContain(peers, p => p!["code"]!.GetValue<string>() == Miura);
        Assert.All(peers, p => Assert.Equal(["同じ都道府県（沖縄県）", "同じ区分（市）"], p!["because"]!.AsArray().Select(b => b!.GetValue<string>())));
        Assert.DoesNotContain(peers, p => p!["code"]!.GetValue<string>() == Miyakojima);
    }

    [Fact]
    public async Task AizuwakamatsusPeersAreCitiesNearbyAndEachSharedProgramShowsOnceWithItsYears()
    {
        var server = await servers.Seed();
        var detail = await server.Client.GetObjectAsync($"/api/municipalities/{Aizuwakamatsu}");
        var peers = detail["peers"]!.AsArray().Select(p => p!.AsObject()).ToList();

        // Adopted by the same program (スマートシティモデル事業) as 会津若松市 (福島県), and each left out for one reason:
        // 仙台市 and 新潟市 are next door but 政令指定都市, 松山市 is a 市 but 愛媛県 is far away.
        var smartCity = await server.Client.GetObjectAsync("/api/adoptions?program=smart-city-model-project&pageSize=500");
        var coAdopted = smartCity["adoptions"]!.AsArray().SelectMany(a => a!["lgCodes"]!.AsArray().Select(c => c!.GetValue<string>())).ToHashSet();
        Assert.Superset(new HashSet<string> { Aizuwakamatsu, Sendai, Niigata, Matsuyama, Maebashi }, coAdopted);
        Assert.DoesNotContain(peers, p => p["code"]!.GetValue<string>() is Sendai or Niigata or Matsuyama);

        // 前橋市 (群馬県, adjacent) is one: its program once, with the year it was adopted in, though the seed has
        // that adoption twice (with and without a year).
        var maebashi = peers.Single(p => p["code"]!.GetValue<string>() == Maebashi);
        Assert.Equal(["隣接県（群馬県）", "同じ区分（市）"], maebashi["because"]!.AsArray().Select(b => b!.GetValue<string>()));
        var shared = maebashi["adoptions"]!.AsArray().Single(a => a!["programId"]!.GetValue<string>() == "smart-city-model-project")!;
        Assert.Equal([2021], shared["fiscalYears"]!.AsArray().Select(y => y!.GetValue<int>()));
        Assert.Null(shared["fiscalYear"]);
    }

    [Fact]
    public async Task EveryPeerInTheSeedIsInTheSameOrAnAdjacentPrefectureOfTheSameClassWithEachProgramOnce()
    {
        var server = await servers.Seed();
        var adoptions = await server.Client.GetObjectAsync("/api/adoptions?pageSize=500");
        var codes = adoptions["adoptions"]!.AsArray().SelectMany(a => a!["lgCodes"]!.AsArray().Select(c => c!.GetValue<string>())).Distinct().Order().ToList();
        var details = new Dictionary<string, JsonObject>();
        async Task<JsonObject> Detail(string code) =>
            details.TryGetValue(code, out var d) ? d : details[code] = await server.Client.GetObjectAsync($"/api/municipalities/{code}");
        // The class a peer must share, read from the API: the most specific class the master states, else the kind.
        static string ClassOf(JsonObject summary)
        {
            var classes = summary["classes"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();
            return new[] { "政令指定都市", "中枢中核都市", "中核市" }.FirstOrDefault(classes.Contains) ?? summary["kind"]!.GetValue<string>();
        }

        var checkedPeers = 0;
        foreach (var code in codes)
        {
            var detail = await Detail(code);
            var m = detail["municipality"]!.AsObject();
            var mine = detail["adoptions"]!.AsArray().Select(a => a!["programId"]!.GetValue<string>()).ToHashSet();
            foreach (var p in detail["peers"]!.AsArray().Select(p => p!.AsObject()))
            {
                var peer = (await Detail(p["code"]!.GetValue<string>()))["municipality"]!.AsObject();
                var (here, there) = (code[..2], peer["code"]!.GetValue<string>()[..2]);
                var because = p["because"]!.AsArray().Select(b => b!.GetValue<string>()).ToList();
                Assert.True(here == there || PrefectureAdjacency.AreAdjacent(here, there), $"{m["name"]}: {peer["name"]} is in {peer["prefecture"]!["name"]}");
                Assert.Equal(here == there ? $"同じ都道府県（{m["prefecture"]!["name"]}）" : $"隣接県（{peer["prefecture"]!["name"]}）", because[0]);
                Assert.Equal(ClassOf(m), ClassOf(peer));
                Assert.Equal($"同じ区分（{ClassOf(m)}）", because[1]);
                Assert.Equal(2, because.Count);
                var programs = p["adoptions"]!.AsArray().Select(a => a!["programId"]!.GetValue<string>()).ToList();
                Assert.Equal(programs.Distinct(), programs);
                Assert.All(programs, id => Assert.Contains(id, mine));
                Assert.All(p["adoptions"]!.AsArray(), a =>
                {
                    var years = a!["fiscalYears"]!.AsArray().Select(y => y!.GetValue<int>()).ToList();
                    Assert.Equal(years.Distinct().Order(), years);
                });
                checkedPeers++;
            }
        }
        Assert.True(checkedPeers > 20, $"only {checkedPeers} peers in the seed");
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

    [Theory]
    [InlineData("茨城県つくば市", "082201")]
    [InlineData("茨城県 つくば", "082201")]
    [InlineData("広島県府中", "342084")]
    [InlineData("福島県だて", "072133")]
    public async Task APrefectureInFrontOfTheNameSearchesOnlyThatPrefecture(string q, string expected)
    {
        var server = await servers.Seed();
        var found = (await server.Client.GetObjectAsync("/api/municipalities?q=" + Uri.EscapeDataString(q)))["municipalities"]!.AsArray();
        Assert.Equal(expected, found[0]!["code"]!.GetValue<string>());
        Assert.All(found, m => Assert.Equal(expected[..2], m!["code"]!.GetValue<string>()[..2]));
    }

    [Theory]
    [InlineData("加賀市", "172065")]
    [InlineData("茨城県つくば市", "082201")]
    [InlineData("東京都府中市", "132063")]
    [InlineData("広島県 府中市", "342084")]
    [InlineData("かがし", "172065")]
    [InlineData("沖縄県", "470007")]
    [InlineData("１７２０６５", "172065")]
    public async Task AMunicipalityParameterTakesANameAsWellAsACode(string text, string code)
    {
        var server = await servers.Seed();
        var escaped = Uri.EscapeDataString(text);

        var detail = await server.Client.GetObjectAsync($"/api/municipalities/{escaped}");
        var byName = await server.Client.GetObjectAsync($"/api/adoptions?municipality={escaped}&pageSize=500");
        var byCode = await server.Client.GetObjectAsync($"/api/adoptions?municipality={code}&pageSize=500");

        Assert.Equal(code, detail["municipality"]!["code"]!.GetValue<string>());
        Assert.Equal(byCode.ToJsonString(), byName.ToJsonString());
        if (code == "172065") Assert.True(byName["total"]!.GetValue<int>() > 0, "the seed has adoptions of 加賀市");
    }

    [Fact]
    public async Task TheVerdictsOfAMunicipalityAreFoundByItsName()
    {
        var server = await servers.WithFixtures();
        var table = await server.Client.GetObjectAsync($"/api/municipalities/{Uri.EscapeDataString("沖縄県宮古島市")}/programs?asOf={AsOf}");
        Assert.Equal(Miyakojima, table["municipality"]!["code"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("府中市", "東京都府中市 (132063)", "広島県府中市 (342084)")]
    [InlineData("伊達市", "北海道伊達市 (012335)", "福島県伊達市 (072133)")]
    public async Task AnAmbiguousNameIsAProblemNamingTheCandidatesWithTheirPrefectures(string name, string first, string second)
    {
        var server = await servers.Seed();
        foreach (var (url, parameter) in new[] { ($"/api/municipalities/{Uri.EscapeDataString(name)}", "code"),
            ($"/api/municipalities/{Uri.EscapeDataString(name)}/programs", "code"), ($"/api/adoptions?municipality={Uri.EscapeDataString(name)}", "municipality") })
        {
            var problem = await server.Client.GetProblemAsync(url, name);
            var detail = problem["detail"]!.GetValue<string>();
            Assert.Contains(first, detail);
            Assert.Contains(second, detail);
            Assert.Equal(parameter, problem["parameter"]!.GetValue<string>());
            Assert.Equal([first[..3], second[..3]], problem["candidates"]!.AsArray().Select(c => c!["prefecture"]!.GetValue<string>()[..3]));
        }
    }

    [Fact]
    public async Task ANameInNoMasterIsNotFoundAndTheNearestNamesAreOffered()
    {
        var server = await servers.Seed();
        var problem = await server.Client.GetProblemAsync("/api/adoptions?municipality=" + Uri.EscapeDataString("加賀"), "加賀", 404);
        Assert.Equal("municipality", problem["parameter"]!.GetValue<string>());
        Assert.Contains("石川県加賀市 (172065)", problem["detail"]!.GetValue<string>());
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
