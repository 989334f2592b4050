using Catalog.Tests.Support;

namespace Catalog.Tests.Municipalities;

/// <summary>Municipality codes the municipality API tests use.</summary>
internal static class MunicipalityCodes
{
    /// <summary>The date the verdicts are judged at: the fixture programs' windows lie around it.</summary>
    public const string AsOf = "2024-05-01";
    public const string Miyakojima = "472140";
    public const string Sendai = "041009";
    public const string Sapporo = "011002";
    public const string Miura = "142107";         // 三浦市 (神奈川県)
    public const string Aizuwakamatsu = "072028"; // 会津若松市 (福島県)
    public const string Maebashi = "102016";      // 前橋市 (群馬県)
    public const string Niigata = "151009";       // 新潟市 (政令指定都市)
    public const string Matsuyama = "382019";     // 松山市 (愛媛県)
}

/// <summary>The municipality API tests' classes share one set of servers (a collection runs its classes one at a time).</summary>
[CollectionDefinition(MunicipalityServers.Collection)]
public sealed class MunicipalityServersCollection : ICollectionFixture<MunicipalityServers>;

/// <summary>
/// The three catalogues the tests read, each started once for the collection and only when a test
/// asks for it: the seed; the seed with the fixtures; the fixtures with 仙台市 as 中枢中核都市.
/// </summary>
public sealed class MunicipalityServers : IAsyncLifetime
{
    public const string Collection = "municipality servers";

    private readonly Lazy<Task<(CatalogTestServer Server, TempFolder Folder)>> _plain = new(() => StartAsync(fixtures: false));
    private readonly Lazy<Task<(CatalogTestServer Server, TempFolder Folder)>> _withFixtures = new(() => StartAsync(fixtures: true));
    private readonly Lazy<Task<(CatalogTestServer Server, TempFolder Folder)>> _withCentralCore = new(() => StartAsync(fixtures: true, centralCore: [MunicipalityCodes.Sendai]));

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

    /// <summary>Programs around <see cref="MunicipalityCodes.AsOf"/>: open, closed, for 中枢中核都市 only, and one excluding earlier adoptees.</summary>
    private static Dictionary<string, string> Fixtures() => new()
    {
        ["programs/zz-open.json"] = MunicipalityFixtures.Program("zz-open", "【試験】受付中の交付金", "2024-04-01", "2024-05-31"),
        ["programs/zz-closed.json"] = MunicipalityFixtures.Program("zz-closed", "【試験】締切済みの交付金", "2024-01-10", "2024-02-29"),
        // 𠮷 (U+20BB7) is outside Shift_JIS (CP932).
        ["programs/zz-kichi.json"] = MunicipalityFixtures.Program("zz-kichi", "【試験】𠮷野地区の交付金", "2024-01-10", "2024-02-29"),
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
}
