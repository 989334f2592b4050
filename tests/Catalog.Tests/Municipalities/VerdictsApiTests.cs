using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Catalog.Core.Municipalities;
using Catalog.Tests.Support;

using static Catalog.Tests.Municipalities.MunicipalityCodes;

namespace Catalog.Tests.Municipalities;

/// <summary>Verdicts for a municipality end to end: why each program is 対象, 要確認, 対象外 or 記載不足, as JSON and CSV.</summary>
[Collection(MunicipalityServers.Collection)]
public class VerdictsApiTests(MunicipalityServers servers)
{
    private static JsonObject VerdictOf(JsonObject table, string programId) =>
        table["verdicts"]!.AsArray().Single(v => v!["programId"]!.GetValue<string>() == programId)!.AsObject();

    private static IEnumerable<JsonObject> Reasons(JsonObject verdict, string rule) =>
        verdict["reasons"]!.AsArray().Select(r => r!.AsObject()).Where(r => r["rule"]!.GetValue<string>() == rule);

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
        Assert.Contains(Reasons(closed, "公募期間"), r => r["effect"]!.GetValue<string>() == "excluded" && r["fact"]!.GetValue<string>() == "受付は令和6年2月29日に締切");

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
    public async Task ReasonsShowDatesInWarekiAndTheFieldsKeepIso()
    {
        var server = await servers.Seed();
        // 2020-06-01: the AI implementation type (window 令和2年5月29日–7月31日) is open, others closed or announced.
        var table = await server.Client.GetObjectAsync($"/api/municipalities/{Miyakojima}/programs?asOf=2020-06-01&hideEnded=false");
        var verdicts = table["verdicts"]!.AsArray().Select(v => v!.AsObject()).ToList();

        var facts = verdicts.SelectMany(v => v["reasons"]!.AsArray().Select(r => r!["fact"]!.GetValue<string>())).ToList();
        Assert.All(facts, f => Assert.DoesNotMatch(@"\d{4}-\d{2}-\d{2}", f));
        var ai = verdicts.Single(v => v["programId"]!.GetValue<string>() == "chiiki-iot-jisso-keikaku-jichitai-ai");
        Assert.Contains(Reasons(ai, "公募期間"), r => r["fact"]!.GetValue<string>() == "受付中。締切 令和2年7月31日（残り60日）");
        Assert.StartsWith("2020-07-31T", ai["nextDeadline"]!.GetValue<string>());
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
        Assert.Contains(Reasons(sendai, "上限額"), r => r["fact"]!.GetValue<string>().Contains("出典: test fixture (not a real list)（令和6年4月1日時点）"));

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
        Assert.Contains(lines, l => l.StartsWith($"{Miyakojima},宮古島市,対象外,zz-closed,", StringComparison.Ordinal) && l.Contains("令和6年2月29日に締切"));
        Assert.Contains(".csv", response.Content.Headers.ContentDisposition?.FileName ?? response.Content.Headers.ContentDisposition?.FileNameStar);
    }

    [Fact]
    public async Task VerdictsDownloadAsShiftJisCsvOnRequest()
    {
        var server = await servers.Seed();
        var url = $"/api/municipalities/{Miyakojima}/programs?asOf={AsOf}&format=csv";
        var utf8 = await server.Client.GetByteArrayAsync(url);

        using var response = await server.Client.GetAsync(url + "&encoding=shift_jis");

        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.IsSuccessStatusCode, Encoding.UTF8.GetString(bytes));
        Assert.Equal("shift_jis", response.Content.Headers.ContentType?.CharSet);
        Assert.NotEqual(0xEF, bytes[0]); // no UTF-8 BOM
        Assert.Equal(Encoding.UTF8.GetString(utf8, 3, utf8.Length - 3), ShiftJis.GetString(bytes));
    }

    [Fact]
    public async Task ShiftJisVerdictsRefuseACharacterItCannotEncodeAndNameIt()
    {
        var server = await servers.WithFixtures();
        var problem = await server.Client.GetProblemAsync($"/api/municipalities/{Miyakojima}/programs?asOf={AsOf}&format=csv&encoding=shift_jis", "encoding");
        var detail = problem["detail"]!.GetValue<string>();
        Assert.Contains("zz-kichi", detail);
        Assert.Contains("U+20BB7", detail);
    }

    [Theory]
    [InlineData("format=csv&encoding=latin1")]
    [InlineData("encoding=shift_jis")] // JSON is UTF-8
    public async Task AnEncodingTheVerdictsCannotBeWrittenInIsAProblemNamingIt(string query)
    {
        var server = await servers.Seed();
        var problem = await server.Client.GetProblemAsync($"/api/municipalities/{Miyakojima}/programs?{query}", "encoding");
        Assert.Equal("encoding", problem["parameter"]!.GetValue<string>());
    }

    private static Encoding ShiftJis
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(932);
        }
    }
}
