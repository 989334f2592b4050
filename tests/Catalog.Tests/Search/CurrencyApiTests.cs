using Catalog.Core.Programs;
using Catalog.Tests.Support;
using static Catalog.Tests.Support.Programs;

namespace Catalog.Tests.Search;

/// <summary>Status that tells the truth about time (#23): ended programs, 通年 under 受付中, the next call's forecast.</summary>
public sealed class CurrencyApiTests
{
    // One year's call of a family: the records a forecast is computed from.
    private static ProgramRecord YearlyCall(string id, string name, string family, int year, string start, string end)
    {
        var p = Make(id, $"{name} {year}年度", years: [year], windows: [Window(start, end)]);
        p.FamilyKey = family;
        return p;
    }

    [Fact]
    public async Task AProgramWhoseLastFiscalYearIsOverIsEndedNotUnknown()
    {
        await using var server = await CatalogTestServer.StartAsync();
        server.Add(
            Make("r3-call", "令和3年度の公募", years: [2021], windows: [Window("2021-04-05T00:00:00+09:00", "2021-05-10T12:00:00+09:00")]),
            Make("r3-no-window", "令和3年度の事業", years: [2021]),
            Make("r8-no-window", "令和8年度の事業", years: [2026]),
            Make("r3-year-round", "令和3年度の相談窓口", years: [2021], windows: [new() { Start = "2021-04-01", YearRound = true }]),
            Make("r5-no-end", "令和5年度の随時受付", years: [2023], windows: [new() { Start = "2023-02-22" }]));

        var now = await server.Client.GetObjectAsync("/api/programs?asOf=2026-12-04&pageSize=10");
        var status = now.Hits().ToDictionary(h => h["id"]!.GetValue<string>(), h => h["status"]?.GetValue<string>());
        Assert.Equal("終了", status["r3-call"]);
        Assert.Equal("終了", status["r3-no-window"]);
        Assert.Equal("終了", status["r3-year-round"]);
        Assert.Equal("終了", status["r5-no-end"]); // a window without an end closes with its last fiscal year
        Assert.Equal("受付中", (await server.Client.GetObjectAsync("/api/programs/r5-no-end?asOf=2023-06-01"))["status"]!.GetValue<string>());
        Assert.Null(status["r8-no-window"]); // current, window not published: 期間不明
        Assert.Equal(4, now.Count("status", "終了"));
        Assert.Equal(2021, now.Hits().First(h => h["id"]!.GetValue<string>() == "r3-call")["endedFiscalYear"]!.GetValue<int>());

        // Within its fiscal year the same call is only closed; the last day of 令和3年度 still counts.
        var march = await server.Client.GetObjectAsync("/api/programs?asOf=2022-03-31T23:00:00%2B09:00&status=締切");
        Assert.Equal(["r3-call"], march.Ids());
        var april = await server.Client.GetObjectAsync("/api/programs?asOf=2022-04-01&status=終了&sort=name");
        Assert.Equal(["r3-call", "r3-no-window", "r3-year-round"], april.Ids().Order().ToList());

        // Ended programs stay searchable and can be left out.
        var hidden = await server.Client.GetObjectAsync("/api/programs?asOf=2026-12-04&hideEnded=true");
        Assert.Equal(1, hidden["total"]!.GetValue<int>());
        Assert.Equal(["r8-no-window"], hidden.Ids());
        var detail = await server.Client.GetObjectAsync("/api/programs/r3-no-window?asOf=2026-12-04");
        Assert.Equal("終了", detail["status"]!.GetValue<string>());
        Assert.Equal(2021, detail["endedFiscalYear"]!.GetValue<int>());
    }

    [Fact]
    public async Task AFamilyWithThreeYearlyCallsForecastsTheNextOnTheLatestRecordOnly()
    {
        await using var server = await CatalogTestServer.StartAsync();
        ProgramRecord Call(string id, int year, string start, string end) => YearlyCall(id, "スマートシティ推進事業", "smart-city-suishin", year, start, end);
        server.Add(
            Call("sc-2022", 2022, "2022-04-08", "2022-05-16T12:00:00+09:00"),
            Call("sc-2023", 2023, "2023-04-05", "2023-05-10T12:00:00+09:00"),
            Call("sc-2024", 2024, "2024-04-05", "2024-05-10T12:00:00+09:00"),
            Make("lonely", "一度きりの公募", years: [2024], windows: [Window("2024-06-01", "2024-06-30")]));

        var result = await server.Client.GetObjectAsync("/api/programs?q=スマートシティ推進事業&asOf=2024-12-01");
        var forecasts = result.Hits().Where(h => h["forecast"] is not null).ToList();
        var latest = Assert.Single(forecasts);
        Assert.Equal("sc-2024", latest["id"]!.GetValue<string>());
        var f = latest["forecast"]!;
        Assert.Equal(2025, f["fiscalYear"]!.GetValue<int>());
        Assert.Equal("2025-04-05", f["start"]!.GetValue<string>());
        Assert.Equal("2025-05-10", f["end"]!.GetValue<string>());
        Assert.Equal("次回公募（推定）2025年4月上旬〜5月上旬", f["text"]!.GetValue<string>());
        Assert.Equal([2022, 2023, 2024], f["basisFiscalYears"]!.AsArray().Select(y => y!.GetValue<int>()));
        Assert.Equal("令和4年度・令和5年度・令和6年度の公募期間から推定", f["basis"]!.GetValue<string>());
        Assert.True(f["estimated"]!.GetValue<bool>());

        // The calendar carries it as a tentative event, said to be an estimate.
        var ics = await server.Client.GetStringAsync("/api/calendar.ics?asOf=2024-12-01&q=" + Uri.EscapeDataString("スマートシティ推進事業"));
        var calendar = Ical.Net.Calendar.Load(ics)!;
        var tentative = Assert.Single(calendar.Events, e => e.Status == "TENTATIVE");
        Assert.Equal("【推定】スマートシティ推進事業 2024年度 次回公募", tentative.Summary);
        Assert.Equal(new DateOnly(2025, 4, 5), DateOnly.FromDateTime(tentative.DtStart!.Value));
        Assert.Contains("公表された日程ではありません", tentative.Description);
        Assert.Equal(3, calendar.Events.Count(e => e.Status != "TENTATIVE")); // the three real windows

        // The detail carries it too, and the family's other years, newest first; a one-off call has none;
        // an announced window replaces it.
        var detail = await server.Client.GetObjectAsync("/api/programs/sc-2024?asOf=2024-12-01");
        Assert.Equal(["sc-2023", "sc-2022"], detail["family"]!.AsArray().Select(f => f!["id"]!.GetValue<string>()));
        Assert.Equal("終了", detail["family"]![0]!["status"]!.GetValue<string>());
        Assert.Equal("2025-04-05", detail["forecast"]!["start"]!.GetValue<string>());
        Assert.Null((await server.Client.GetObjectAsync("/api/programs/lonely?asOf=2024-12-01"))["forecast"]);
        Assert.Null((await server.Client.GetObjectAsync("/api/programs/sc-2024?asOf=2024-05-01"))["forecast"]);
    }

    [Fact]
    public async Task TheOverviewListsOpenClosingSoonAnnouncedAndForecastCalls()
    {
        await using var server = await CatalogTestServer.StartAsync();
        ProgramRecord Call(string id, int year, string start, string end) => YearlyCall(id, "実証事業", "jissho", year, start, end);
        server.Add(
            Call("jissho-2023", 2023, "2023-05-01", "2023-06-15"),
            Call("jissho-2024", 2024, "2024-05-07", "2024-06-14"),
            Call("jissho-2024-b", 2024, "2024-05-07", "2024-06-14"), // a second menu of the same year: one entry for the family
            Make("closing", "締切間近の公募", windows: [Window("2024-11-01", "2024-12-20")]),
            Make("open-late", "長い公募", windows: [Window("2024-11-01", "2025-02-28")]),
            Make("year-round", "通年の相談", windows: [new() { Start = "2024-04-01", YearRound = true }]),
            Make("announced", "予告された公募", years: [2025], windows: [Window("2025-01-15", "2025-02-14")]));

        var o = await server.Client.GetObjectAsync("/api/overview?asOf=2024-12-01");
        List<string> Ids(string list) => o[list]!.AsArray().Select(h => h!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(["closing", "open-late", "year-round"], Ids("openNow"));
        Assert.Equal(3, o["openTotal"]!.GetValue<int>());
        Assert.Equal(["closing"], Ids("closingSoon"));
        Assert.Equal(["announced"], Ids("announced"));
        Assert.Equal(["jissho-2024"], Ids("forecast"));
        Assert.Equal("次回公募（推定）2025年5月上旬〜6月中旬", o["forecast"]![0]!["forecast"]!["text"]!.GetValue<string>());
    }
}
