using Catalog.Core.Programs;
using System.Text.Json.Nodes;
using Catalog.Tests.Support;
using static Catalog.Tests.Support.Programs;

namespace Catalog.Tests.Search;

/// <summary>
/// Query understanding over HTTP with the real seed: each notation in q must give exactly the
/// hits of the same search written with parameters, and say what it understood.
/// </summary>
public sealed class QueryUnderstandingApiTests(SeedServer seed) : IClassFixture<SeedServer>
{
    private HttpClient Client => seed.Server.Client;

    private static string Query(params (string Key, string Value)[] parameters) =>
        "/api/programs?pageSize=100&" + string.Join('&', parameters.Select(p => p.Key + "=" + Uri.EscapeDataString(p.Value)));

    /// <summary>Searches <paramref name="q"/> and the explicit form; asserts the same hits and facets, returns the first.</summary>
    private async Task<JsonObject> SameAsExplicit(string q, (string, string)[] explicitParameters, string? asOf = null)
    {
        var extra = asOf is null ? [] : new[] { ("asOf", asOf) };
        var understood = await Client.GetObjectAsync(Query([("q", q), .. extra]));
        var written = await Client.GetObjectAsync(Query([.. explicitParameters, .. extra, ("interpret", "false")]));
        Assert.Equal(written.Ids(), understood.Ids());
        Assert.Equal(written["total"]!.GetValue<int>(), understood["total"]!.GetValue<int>());
        Assert.Equal(written["facets"]!.ToJsonString(), understood["facets"]!.ToJsonString());
        return understood;
    }

    private static void AssertUnderstood(JsonObject response, string? rest, params (string Text, string Filter, string Value)[] parts)
    {
        Assert.Equal(rest, response["q"]?.GetValue<string>());
        var understood = response["understood"]!.AsArray()
            .Select(p => (p!["text"]!.GetValue<string>(), p["filter"]!.GetValue<string>(), p["value"]!.GetValue<string>())).ToList();
        Assert.Equal(parts, understood);
    }

    [Theory]
    [InlineData("2021年度 ドローン", "2021年度", "2021", "ドローン")]
    [InlineData("２０２１年度 ドローン", "２０２１年度", "2021", "ドローン")]
    [InlineData("2021年度ドローン", "2021年度", "2021", "ドローン")]
    [InlineData("令和3年度 スマートシティ", "令和3年度", "2021", "スマートシティ")]
    [InlineData("R3 デジ田", "R3", "2021", "デジ田")]
    [InlineData("R3年度 MaaS", "R3年度", "2021", "MaaS")]
    [InlineData("FY2021 MaaS", "FY2021", "2021", "MaaS")]
    [InlineData("令和元年度", "令和元年度", "2019", null)]
    [InlineData("平成31年度", "平成31年度", "2019", null)]
    [InlineData("令和6年度", "令和6年度", "2024", null)]
    [InlineData("R5", "R5", "2023", null)]
    public async Task FiscalYearNotationsFilterByFiscalYear(string q, string text, string year, string? rest)
    {
        var response = await SameAsExplicit(q, [("q", rest ?? ""), ("fiscalYear", year)]);

        AssertUnderstood(response, rest, (text, "fiscalYear", year));
        Assert.NotEmpty(response.Ids());
        Assert.All(response["hits"]!.AsArray(), h => Assert.Contains(int.Parse(year), h!["fiscalYears"]!.AsArray().Select(y => y!.GetValue<int>())));
        var facet = response["facets"]!["fiscalYear"]!.AsArray().Single(v => v!["value"]!.GetValue<string>() == year)!;
        Assert.True(facet["selected"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("補助率1/2以上", "0.5")]
    [InlineData("1/2以上", "0.5")]
    [InlineData("2分の1", "0.5")]
    [InlineData("２分の１以上", "0.5")]
    [InlineData("補助率２分の１", "0.5")]
    [InlineData("50%以上", "0.5")]
    [InlineData("10/10", "1")]
    public async Task RateNotationsSetTheLowestRate(string q, string rate)
    {
        var response = await SameAsExplicit(q, [("rateMin", rate)]);

        AssertUnderstood(response, null, (q, "rateMin", rate));
        Assert.All(response["hits"]!.AsArray(), h => Assert.True(h!["rateMax"]!.GetValue<decimal>() >= decimal.Parse(rate)));
        // Every seed program whose highest rate reaches it; as text, 補助率２分の１ finds nothing.
        var expected = SeedRecords.Count(p => p.Rate?.Max >= decimal.Parse(rate));
        Assert.True(expected > 0, $"no seed program at {rate}: the test would prove nothing");
        Assert.Equal(expected, response["total"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("上限1億円以上", "capMin", "100000000")]
    [InlineData("1,000万円以上", "capMin", "10000000")]
    [InlineData("1億円まで", "capMax", "100000000")]
    [InlineData("5000万円まで", "capMax", "50000000")]
    [InlineData("3億", "capMin", "300000000")]
    public async Task AmountNotationsBoundTheCapInYen(string q, string filter, string yen)
    {
        var response = await SameAsExplicit(q, [(filter, yen)]);

        AssertUnderstood(response, null, (q, filter, yen));
        // The seed programs whose highest cap is on the right side of the bound (programs without a cap never are).
        var bound = long.Parse(yen);
        var expected = SeedRecords.Count(p => ProgramCaps.MaxYen(p) is { } cap && (filter == "capMin" ? cap >= bound : cap <= bound));
        Assert.Equal(expected, response["total"]!.GetValue<int>());
        Assert.All(response["hits"]!.AsArray(), h =>
        {
            var cap = h!["capMaxYen"]!.GetValue<long>();
            Assert.True(filter == "capMin" ? cap >= long.Parse(yen) : cap <= long.Parse(yen), $"{h["id"]}: cap {cap}");
        });
    }

    [Theory]
    [InlineData("市町村 交付金", "市町村", "市区町村", "交付金")]
    [InlineData("市区町村 交付金", "市区町村", "市区町村", "交付金")]
    [InlineData("都道府県 交付金", "都道府県", "都道府県", "交付金")]
    [InlineData("県 交付金", "県", "都道府県", "交付金")]
    [InlineData("中核市 交付金", "中核市", "中核市", "交付金")]
    [InlineData("民間 つくば", "民間", "民間事業者", "つくば")]
    public async Task ApplicantWordsFilterByApplicantClass(string q, string text, string applicant, string rest)
    {
        var response = await SameAsExplicit(q, [("q", rest), ("applicant", applicant)]);

        AssertUnderstood(response, rest, (text, "applicant", applicant));
        Assert.NotEmpty(response.Ids());
        var textOnly = await Client.GetObjectAsync(Query(("q", rest)));
        Assert.True(response.Ids().Count < textOnly.Ids().Count, "the applicant filter leaves some programs out");
    }

    [Theory]
    [InlineData("内閣府 交付金", "内閣府", "内閣府", "交付金")]
    [InlineData("総務省 スマートシティ", "総務省", "総務省", "スマートシティ")]
    [InlineData("国交省 スマートシティ", "国交省", "国土交通省", "スマートシティ")]
    [InlineData("国土交通省 スマートシティ", "国土交通省", "国土交通省", "スマートシティ")]
    [InlineData("経産省 MaaS", "経産省", "経済産業省", "MaaS")]
    public async Task MinistryNamesFilterByMinistry(string q, string text, string ministry, string rest)
    {
        var response = await SameAsExplicit(q, [("q", rest), ("ministry", ministry)]);

        AssertUnderstood(response, rest, (text, "ministry", ministry));
        Assert.NotEmpty(response.Ids());
        Assert.All(response["hits"]!.AsArray(), h => Assert.Equal(ministry, h!["ministry"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("募集中")]
    [InlineData("受付中")]
    [InlineData("公募中")]
    public async Task OpenWordsFilterByStatus(string q)
    {
        // The seed's one dated window: 令和2年5月29日 – 7月31日.
        var response = await SameAsExplicit(q, [("status", "受付中")], asOf: "2020-06-01");

        AssertUnderstood(response, null, (q, "status", "受付中"));
        Assert.Equal(["chiiki-iot-jisso-keikaku-jichitai-ai"], response.Ids());
    }

    [Fact]
    public async Task NearDeadlineFindsProgramsClosingWithinFourteenDays()
    {
        var near = await SameAsExplicit("締切間近", [("status", "受付中"), ("deadlineBefore", "2020-08-03")], asOf: "2020-07-20");
        var early = await SameAsExplicit("締切間近", [("status", "受付中"), ("deadlineBefore", "2020-06-15")], asOf: "2020-06-01");

        AssertUnderstood(near, null, ("締切間近", "status", "受付中"), ("締切間近", "deadlineBefore", "2020-08-03"));
        Assert.Equal(["chiiki-iot-jisso-keikaku-jichitai-ai"], near.Ids());
        Assert.Empty(early.Ids()); // open, but closing in two months
    }

    [Fact]
    public async Task APlannersWholeLineCombinesEveryFilter()
    {
        var response = await SameAsExplicit("令和3年度 補助率1/2以上 上限1億円以上 市町村 交付金",
            [("q", "交付金"), ("fiscalYear", "2021"), ("rateMin", "0.5"), ("capMin", "100000000"), ("applicant", "市区町村")]);

        AssertUnderstood(response, "交付金",
            ("令和3年度", "fiscalYear", "2021"), ("補助率1/2以上", "rateMin", "0.5"), ("上限1億円以上", "capMin", "100000000"), ("市町村", "applicant", "市区町村"));
        Assert.Equal(3, response["total"]!.GetValue<int>()); // the three 令和3年度 types of 地方創生推進交付金
        Assert.All(response.Ids(), id => Assert.StartsWith("chihou-sousei-suishin-koufukin", id));
    }

    [Theory]
    [InlineData("企業")]          // in 企業版ふるさと納税
    [InlineData("自治体")]        // in 自治体AI実装タイプ
    [InlineData("\"2021年度\" ドローン")]
    [InlineData("2021年度 OR ドローン")]
    [InlineData("50% ドローン")]
    public async Task AmbiguousWordsStayText(string q)
    {
        var understood = await Client.GetObjectAsync(Query(("q", q)));
        var text = await Client.GetObjectAsync(Query(("q", q), ("interpret", "false")));

        AssertUnderstood(understood, q);
        Assert.Equal(text.Ids(), understood.Ids());
    }

    [Fact]
    public async Task AContentWordStillFindsItsProgramByName()
    {
        var response = await Client.GetObjectAsync(Query(("q", "企業")));

        Assert.Contains("kigyo-ban-furusato-nozei", response.Ids());
    }

    [Fact]
    public async Task InterpretFalseSearchesTheLineAsText()
    {
        var off = await Client.GetObjectAsync(Query(("q", "補助率２分の１"), ("interpret", "false")));
        var on = await Client.GetObjectAsync(Query(("q", "補助率２分の１")));

        AssertUnderstood(off, "補助率２分の１");
        Assert.DoesNotContain(off["facets"]!["rate"]!.AsArray(), v => v!["selected"]!.GetValue<bool>());
        // As text the notation finds only records that write it so; understood, every program at 1/2 or more.
        Assert.True(off["total"]!.GetValue<int>() < on["total"]!.GetValue<int>());
        Assert.Equal(SeedRecords.Count(p => p.Rate?.Max >= 0.5m), on["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task InterpretMustBeTrueOrFalse()
    {
        await Client.GetProblemAsync(Query(("q", "R3"), ("interpret", "maybe")), "interpret");
    }

    [Fact]
    public async Task UnderstoodYearsJoinTheYearsGivenAsParameters()
    {
        var withParameter = await Client.GetObjectAsync(Query(("q", "令和3年度"), ("fiscalYear", "2019")));
        var both = await Client.GetObjectAsync(Query(("fiscalYear", "2019"), ("fiscalYear", "2021")));

        Assert.Equal(both.Ids(), withParameter.Ids());
        Assert.Contains("shin-mobility-service-suishin", withParameter.Ids()); // 2019
        Assert.Contains("nihonban-maas-suishin-shien", withParameter.Ids());   // 2021
        var selected = withParameter["facets"]!["fiscalYear"]!.AsArray().Where(v => v!["selected"]!.GetValue<bool>()).Select(v => v!["value"]!.GetValue<string>());
        Assert.Equal(["2021", "2019"], selected.ToList());
    }

    [Fact]
    public async Task TheStricterBoundWins()
    {
        var response = await Client.GetObjectAsync(Query(("q", "上限1億円以上"), ("capMin", "300000000")));
        var stricter = await Client.GetObjectAsync(Query(("capMin", "300000000")));

        Assert.Equal(stricter.Ids(), response.Ids());
        Assert.Equal(SeedRecords.Count(p => ProgramCaps.MaxYen(p) >= 300_000_000), response.Ids().Count);
        Assert.NotEmpty(response.Ids());
    }

    [Fact]
    public async Task ContradictingAmountsAreAProblemNamingQ()
    {
        var problem = await Client.GetProblemAsync(Query(("q", "1億円以上 5000万円まで")), "q");

        Assert.Equal("q", problem["parameter"]!.GetValue<string>());
    }

    [Fact]
    public async Task ExportFollowsTheUnderstoodFilters()
    {
        using var understood = await Client.GetAsync("/api/export?format=json&q=" + Uri.EscapeDataString("2021年度 ドローン"));
        using var written = await Client.GetAsync("/api/export?format=json&interpret=false&fiscalYear=2021&q=" + Uri.EscapeDataString("ドローン"));

        Assert.Equal(await written.Content.ReadAsStringAsync(), await understood.Content.ReadAsStringAsync());
    }
}

/// <summary>Loanwords and abbreviations the dictionary spells differently from the text.</summary>
public sealed class LoanwordSearchTests(SeedServer seed) : IClassFixture<SeedServer>
{
    private async Task<List<string>> Ids(string q) =>
        (await seed.Server.Client.GetObjectAsync("/api/programs?pageSize=100&q=" + Uri.EscapeDataString(q))).Ids();

    [Theory]
    [InlineData("ソサエティ5.0", "Society5.0")]
    [InlineData("ソサエティ５．０", "Society5.0")]
    [InlineData("Society 5.0", "Society5.0")]
    [InlineData("デジタルトランスフォーメーション", "DX")]
    [InlineData("マース", "MaaS")]
    [InlineData("官民連携", "公民連携")]
    public async Task TheLoanwordFindsWhatTheSpellingInTheTextFinds(string typed, string written)
    {
        var found = await Ids(typed);

        Assert.NotEmpty(found);
        Assert.Equal((await Ids(written)).Order(), found.Order());
    }

    [Fact]
    public async Task SocietyFiveInKatakanaFindsBothSocietyPrograms()
    {
        var found = await Ids("ソサエティ5.0");

        Assert.Contains("chihou-sousei-suishin-koufukin-society5", found);
        Assert.Contains("tsukuba-society5-shakai-jisso-trial", found);
    }

    [Theory]
    [InlineData("PPP")]
    [InlineData("PFI")]
    public async Task PublicPrivatePartnershipAbbreviationsFindTheProgramsThatSpellItOut(string q)
    {
        var found = await Ids(q);

        Assert.Contains("kominrenkei-model-jigyo", found);
        Assert.Contains("smart-city-kanmin-renkei-platform", found);
    }
}

public sealed class LocalFiveGTests
{
    [Fact]
    public async Task Local5GAlsoFindsGeneral5GProgramsRankedBelowItsOwn()
    {
        await using var server = await CatalogTestServer.StartAsync();
        server.Add(
            Make("local-5g", "ローカル5G活用モデル構築事業"),
            Make("base-station", "5G基地局整備支援事業"),
            Make("drone", "ドローン物流実証事業"));

        var local = await server.Client.GetObjectAsync("/api/programs?q=" + Uri.EscapeDataString("ローカル5G"));
        var general = await server.Client.GetObjectAsync("/api/programs?q=5G");

        Assert.Equal(["local-5g", "base-station"], local.Ids());
        Assert.Equal(["base-station", "local-5g"], general.Ids().Order().ToList());
    }
}

public sealed class QueryUnderstandingOpenApiTests
{
    [Fact]
    public async Task OpenApiDescribesInterpretAndTheUnderstoodParts()
    {
        await using var server = await CatalogTestServer.StartAsync();
        var doc = JsonNode.Parse(await server.Client.GetStringAsync("/openapi/v1.json"))!;

        var interpret = doc["paths"]!["/api/programs"]!["get"]!["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "interpret")!;
        Assert.Contains("q", interpret["description"]!.GetValue<string>());
        var part = doc["components"]!["schemas"]!["UnderstoodPart"]!;
        Assert.Equal(["filter", "label", "text", "value"], part["properties"]!.AsObject().Select(p => p.Key).Order().ToList());
        Assert.NotNull(doc["components"]!["schemas"]!["SearchResponse"]!["properties"]!["understood"]);
    }
}

public sealed class ContentWordTests
{
    [Fact]
    public async Task AWordBecomesTextOnceAProgramNameContainsIt()
    {
        await using var server = await CatalogTestServer.StartAsync();
        server.Add(Make("pref-dx", "広域DX推進事業", applicants: ["都道府県"]), Make("city-dx", "まちのDX推進事業", applicants: ["市区町村"]));
        var before = await server.Client.GetObjectAsync("/api/programs?q=" + Uri.EscapeDataString("県 DX"));

        server.Add(Make("kenmin-dx", "県域DX推進事業", applicants: ["市区町村"]));
        var after = await server.Client.GetObjectAsync("/api/programs?q=" + Uri.EscapeDataString("県 DX"));

        Assert.Equal("applicant", Assert.Single(before["understood"]!.AsArray())!["filter"]!.GetValue<string>());
        Assert.Equal(["pref-dx"], before.Ids());
        Assert.Empty(after["understood"]!.AsArray());
        Assert.Equal("県 DX", after["q"]!.GetValue<string>());
        Assert.Contains("kenmin-dx", after.Ids());
    }
}
