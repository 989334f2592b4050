using System.Text.Json.Nodes;
using Catalog.Tests.Support;
using static Catalog.Tests.Support.Programs;

namespace Catalog.Tests.Search;

public sealed class SearchApiTests
{
    [Fact]
    public async Task FacetCountsIgnoreTheirOwnSelectionButApplyTheOthers()
    {
        await using var server = await CatalogTestServer.StartAsync();
        server.Add(
            Make("a-cao-grant", "交付金A", ministry: "内閣府", kinds: ["交付金"]),
            Make("b-cao-subsidy", "補助金B", ministry: "内閣府", kinds: ["補助金"]),
            Make("c-mic-subsidy", "補助金C", ministry: "総務省", kinds: ["補助金"]),
            Make("d-mlit-subsidy", "補助金D", ministry: "国土交通省", kinds: ["補助金"]));

        var result = await server.Client.GetObjectAsync("/api/programs?ministry=内閣府&ministry=総務省&kind=補助金");

        Assert.Equal(["b-cao-subsidy", "c-mic-subsidy"], result.Ids().Order().ToList());
        // ministry counts: the kind filter applies, the ministry selection does not.
        Assert.Equal(1, result.Count("ministry", "内閣府"));
        Assert.Equal(1, result.Count("ministry", "総務省"));
        Assert.Equal(1, result.Count("ministry", "国土交通省"));
        // kind counts: the ministry filter applies, the kind selection does not.
        Assert.Equal(1, result.Count("kind", "交付金"));
        Assert.Equal(2, result.Count("kind", "補助金"));
        var selected = result["facets"]!["ministry"]!.AsArray().Where(v => v!["selected"]!.GetValue<bool>()).Select(v => v!["value"]!.GetValue<string>());
        Assert.Equal(["内閣府", "総務省"], selected.Order().ToList());
    }

    [Fact]
    public async Task ApplicantFilterFindsProgramsOpenToTheEnclosingClass()
    {
        await using var server = await CatalogTestServer.StartAsync();
        server.Add(
            Make("city-program", "市区町村向け", applicants: ["市区町村"]),
            Make("local-gov-program", "自治体向け", applicants: ["地方公共団体"]),
            Make("prefecture-program", "都道府県向け", applicants: ["都道府県"]),
            Make("business-program", "事業者向け", applicants: ["民間事業者"]));

        var core = await server.Client.GetObjectAsync("/api/programs?applicant=中枢中核都市");
        Assert.Equal(["city-program", "local-gov-program"], core.Ids().Order().ToList());
        var prefecture = await server.Client.GetObjectAsync("/api/programs?applicant=都道府県");
        Assert.Equal(["local-gov-program", "prefecture-program"], prefecture.Ids().Order().ToList());
        Assert.Equal(2, core.Count("applicant", "中枢中核都市"));
        Assert.Equal(1, core.Count("applicant", "民間事業者"));
    }

    [Fact]
    public async Task StatusIsComputedAtTheGivenMoment()
    {
        await using var server = await CatalogTestServer.StartAsync();
        server.Add(
            Make("spring-call", "春の公募", windows: [Window("2024-04-05T00:00:00+09:00", "2024-05-10T12:00:00+09:00")]),
            Make("summer-call", "夏の公募", windows: [Window("2024-07-01T00:00:00+09:00", "2024-07-31T23:59:59+09:00")]),
            Make("always-open", "通年の相談", windows: [new() { Start = "2024-01-01T00:00:00+09:00", YearRound = true }]),
            Make("no-window", "期間不明"));

        // 受付中 takes in the year-round programs: they are open now too.
        var may = await server.Client.GetObjectAsync("/api/programs?status=受付中&asOf=2024-05-01&sort=deadline");
        Assert.Equal(["spring-call", "always-open"], may.Ids());
        Assert.Equal(2, may.Count("status", "受付中"));
        var hit = may["hits"]![0]!;
        Assert.Equal("2024-05-10T12:00:00+09:00", hit["nextDeadline"]!.GetValue<string>());
        Assert.Equal(9, hit["daysLeft"]!.GetValue<int>());
        Assert.Equal(1, may.Count("status", "予告"));
        Assert.Equal(1, may.Count("status", "通年"));

        var june = await server.Client.GetObjectAsync("/api/programs?asOf=2024-06-01T09:00:00%2B09:00&status=締切&status=予告");
        Assert.Equal(["spring-call", "summer-call"], june.Ids().Order().ToList());
        var noWindow = (await server.Client.GetObjectAsync("/api/programs?q=期間不明&asOf=2024-06-01"))["hits"]![0]!; // within its fiscal year
        Assert.Null(noWindow["status"]);
    }

    [Fact]
    public async Task DeadlineSortPutsTheSoonestFirstAndBreaksTiesById()
    {
        await using var server = await CatalogTestServer.StartAsync();
        server.Add(
            Make("z-late", "締切遅い", windows: [Window("2024-04-01", "2024-06-30T23:59:59+09:00")]),
            Make("b-same", "締切同じB", windows: [Window("2024-04-01", "2024-05-10T12:00:00+09:00")]),
            Make("a-same", "締切同じA", windows: [Window("2024-04-01", "2024-05-10T12:00:00+09:00")]),
            Make("c-none", "締切なし"));

        var first = await server.Client.GetObjectAsync("/api/programs?sort=deadline&asOf=2024-04-10");
        Assert.Equal(["a-same", "b-same", "z-late", "c-none"], first.Ids());
        var again = await server.Client.GetObjectAsync("/api/programs?sort=deadline&asOf=2024-04-10");
        Assert.Equal(first.Ids(), again.Ids());
    }

    [Fact]
    public async Task CapAndRateSortsAndRangesUseTheDerivedNumbers()
    {
        await using var server = await CatalogTestServer.StartAsync();
        server.Add(
            Make("small", "小", rateMax: 0.5m, capYen: 10_000_000),
            Make("large", "大", rateMax: 0.75m, capYen: 300_000_000),
            Make("middle", "中", rateMax: 0.6667m, capYen: 50_000_000),
            Make("unknown", "不明"));

        Assert.Equal(["large", "middle", "small", "unknown"], (await server.Client.GetObjectAsync("/api/programs?sort=cap")).Ids());
        Assert.Equal(["large", "middle", "small", "unknown"], (await server.Client.GetObjectAsync("/api/programs?sort=rate")).Ids());
        var ranged = await server.Client.GetObjectAsync("/api/programs?capMin=50000000&capMax=100000000&rateMin=0.66");
        Assert.Equal(["middle"], ranged.Ids());
        var all = await server.Client.GetObjectAsync("/api/programs");
        Assert.Equal(2, all.Count("cap", "50000000"));
        Assert.Equal("1億円以上", all["facets"]!["cap"]!.AsArray().Single(v => v!["value"]!.GetValue<string>() == "100000000")!["label"]!.GetValue<string>());
        Assert.Equal(2, all.Count("rate", "0.66"));
    }

    [Fact]
    public async Task PagesPartitionTheResultsInAStableOrder()
    {
        await using var server = await CatalogTestServer.StartAsync();
        server.Add(Enumerable.Range(1, 25).Select(i => Make($"p-{i:D2}", $"同名の事業", summary: "スマートシティ")).ToArray());

        var pages = new List<string>();
        for (var page = 1; page <= 3; page++)
        {
            var result = await server.Client.GetObjectAsync($"/api/programs?q=スマートシティ&page={page}&pageSize=10");
            Assert.Equal(25, result["total"]!.GetValue<int>());
            Assert.Equal(page, result["page"]!.GetValue<int>());
            pages.AddRange(result.Ids());
        }
        Assert.Equal(Enumerable.Range(1, 25).Select(i => $"p-{i:D2}"), pages);
    }

    [Fact]
    public async Task SnippetsEscapeTheSourceAndMarkOnlyTheMatches()
    {
        await using var server = await CatalogTestServer.StartAsync();
        server.Add(Make("xss", "<script>alert(1)</script>自動運転", summary: "自動運転 <img src=x onerror=alert(1)> と \"引用\" & 記号"));

        var hit = (await server.Client.GetObjectAsync("/api/programs?q=自動運転"))["hits"]![0]!;
        var snippets = hit["snippets"]!.AsArray().ToDictionary(s => s!["field"]!.GetValue<string>(), s => s!["html"]!.GetValue<string>());

        Assert.Equal("&lt;script&gt;alert(1)&lt;/script&gt;<mark>自動運転</mark>", snippets["name"]);
        Assert.Equal("<mark>自動運転</mark> &lt;img src=x onerror=alert(1)&gt; と &quot;引用&quot; &amp; 記号", snippets["summary"]);
        foreach (var html in snippets.Values)
        {
            var withoutMarks = html.Replace("<mark>", "").Replace("</mark>", "");
            Assert.DoesNotContain('<', withoutMarks);
            Assert.DoesNotContain('"', withoutMarks);
        }
    }

    [Fact]
    public async Task ZeroHitsRelaxAndToOrAndSaySo()
    {
        await using var server = await CatalogTestServer.StartAsync();
        server.Add(Make("drone", "ドローン物流実証"), Make("maas", "地域MaaS"));

        var strict = await server.Client.GetObjectAsync("/api/programs?q=ドローン MaaS");
        Assert.True(strict["relaxed"]!.GetValue<bool>());
        Assert.False(string.IsNullOrEmpty(strict["notice"]!.GetValue<string>()));
        Assert.Equal(["drone", "maas"], strict.Ids().Order().ToList());

        var plain = await server.Client.GetObjectAsync("/api/programs?q=ドローン 物流");
        Assert.False(plain["relaxed"]!.GetValue<bool>());
        Assert.Null(plain["notice"]);
        Assert.Equal(["drone"], plain.Ids());
    }

    [Fact]
    public async Task PartOfAWordIsFoundThroughBigramsWhenTheDictionarySplitsItDifferently()
    {
        await using var server = await CatalogTestServer.StartAsync();
        server.Add(Make("city", "スマートシティ推進事業"), Make("other", "観光振興"));

        var result = await server.Client.GetObjectAsync("/api/programs?q=トシテ");
        Assert.Equal(["city"], result.Ids());
        Assert.False(result["relaxed"]!.GetValue<bool>());
    }

    [Fact]
    public async Task QuerySyntaxSupportsPhrasesExclusionAndOr()
    {
        await using var server = await CatalogTestServer.StartAsync();
        server.Add(Make("drone", "ドローン物流実証"), Make("maas", "地域MaaS実証"), Make("ai", "AI活用"));

        Assert.Equal(["maas"], (await server.Client.GetObjectAsync("/api/programs?q=実証 -ドローン")).Ids());
        Assert.Equal(["ai", "drone"], (await server.Client.GetObjectAsync("/api/programs?q=ドローン OR AI")).Ids().Order().ToList());
        Assert.Equal(["drone"], (await server.Client.GetObjectAsync("/api/programs?q=%22物流実証%22")).Ids());
    }

    [Fact]
    public async Task EditedSynonymsTakeEffectWithoutARebuild()
    {
        await using var server = await CatalogTestServer.StartAsync();
        server.Add(Make("kosodate", "子育て支援交付金"));
        var rebuilds = server.Index.Rebuilds;

        Assert.Equal(0, (await server.Client.GetObjectAsync("/api/programs?q=育児"))["total"]!.GetValue<int>());
        var file = Path.Combine(server.DataPath, "synonyms.txt");
        await File.AppendAllTextAsync(file, "\n育児,子育て\n");
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddSeconds(1));

        Assert.Equal(["kosodate"], (await server.Client.GetObjectAsync("/api/programs?q=育児")).Ids());
        Assert.Equal(rebuilds, server.Index.Rebuilds);
    }

    [Fact]
    public async Task DefaultSynonymsLinkPlannersWords()
    {
        await using var server = await CatalogTestServer.StartAsync();
        server.Add(Make("platform", "データ連携基盤の整備", kinds: ["委託"]), Make("grant", "まちづくり交付金", kinds: ["交付金"]), Make("subsidy", "まちづくり補助金"));

        Assert.Equal(["platform"], (await server.Client.GetObjectAsync("/api/programs?q=都市OS")).Ids());
        // 補助金 and 交付金 are not the same: the word as typed ranks first, the other still shows.
        Assert.Equal(["subsidy", "grant"], (await server.Client.GetObjectAsync("/api/programs?q=補助金")).Ids());
    }

    [Fact]
    public async Task LuceneSyntaxInTheQueryIsSearchedAsTextNotParsed()
    {
        await using var server = await CatalogTestServer.StartAsync();
        server.Add(Make("ai", "AI活用"));
        foreach (var q in new[] { "AI:*", "AI AND (", "[* TO", "~~~", "\\", "AI^", "!!!" })
        {
            using var response = await server.Client.GetAsync("/api/programs?q=" + Uri.EscapeDataString(q));
            Assert.True(response.IsSuccessStatusCode, $"q={q} → {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task RandomQueryTextNeverCausesAServerError()
    {
        await using var server = await CatalogTestServer.StartAsync();
        server.Add(Make("one", "スマートシティ推進事業", summary: "自動運転とドローンの実証"));
        var random = new Random(7);
        const string alphabet = "あいうアイウ漢字自動運転 　\"-ORAND()[]{}:*?~^!\\/'<>&　ｱｲｳＡＢＣ123１２３、。・\t\u0000\uD842\uDFB7\uD800";
        for (var i = 0; i < 150; i++)
        {
            var q = new string(Enumerable.Range(0, random.Next(1, 40)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            using var response = await server.Client.GetAsync("/api/programs?q=" + Uri.EscapeDataString(q));
            Assert.True((int)response.StatusCode is 200 or 400, $"q={q} → {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            using var suggest = await server.Client.GetAsync("/api/suggest?q=" + Uri.EscapeDataString(q));
            Assert.True((int)suggest.StatusCode is 200 or 400, $"suggest q={q} → {(int)suggest.StatusCode}");
        }
    }

    [Fact]
    public async Task ProgramDetailHasStatusAndRelatedNames()
    {
        await using var server = await CatalogTestServer.StartAsync();
        var main = Make("main-program", "本体事業", windows: [Window("2024-04-01T00:00:00+09:00", "2024-04-30T23:59:59+09:00")]);
        main.Related = [new() { Id = "sister-program", Relation = "合同審査" }];
        server.Add(main, Make("sister-program", "姉妹事業"));

        var detail = await server.Client.GetObjectAsync("/api/programs/main-program?asOf=2024-04-10");
        Assert.Equal("受付中", detail["status"]!.GetValue<string>());
        Assert.Equal(20, detail["daysLeft"]!.GetValue<int>());
        Assert.Equal("姉妹事業", detail["relatedPrograms"]![0]!["name"]!.GetValue<string>());
        Assert.NotNull(detail["adoptions"]);

        await server.Client.GetProblemAsync("/api/programs/no-such-program", "no-such-program", status: 404);
    }

    [Fact]
    public async Task SuggestCompletesNamesAliasesAndFields()
    {
        await using var server = await CatalogTestServer.StartAsync();
        server.Add(Make("dd", "デジタル田園都市国家構想推進交付金", aliases: ["デジ田交付金"]));

        var suggestions = JsonNode.Parse(await server.Client.GetStringAsync("/api/suggest?q=デジ"))!.AsArray();
        Assert.Contains(suggestions, s => s!["text"]!.GetValue<string>() == "デジタル田園都市国家構想推進交付金" && s["kind"]!.GetValue<string>() == "name" && s["id"]!.GetValue<string>() == "dd");
        Assert.Contains(suggestions, s => s!["kind"]!.GetValue<string>() == "alias");
        var fields = JsonNode.Parse(await server.Client.GetStringAsync("/api/suggest?q=まちづ"))!.AsArray();
        Assert.Contains(fields, s => s!["text"]!.GetValue<string>() == "まちづくり" && s["kind"]!.GetValue<string>() == "field");
        Assert.True(suggestions.Count <= 10);
        var kana = JsonNode.Parse(await server.Client.GetStringAsync("/api/suggest?q=こうふきん"))!.AsArray();
        Assert.Contains(kana, s => s!["id"]?.GetValue<string>() == "dd");
    }
}
