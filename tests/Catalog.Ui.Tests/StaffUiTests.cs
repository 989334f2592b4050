using System.Text;
using System.Text.RegularExpressions;
using Catalog.Ui.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Catalog.Ui.Tests;

/// <summary>The staff UI in a real headless Chromium against the real service and the repository's seed.</summary>
[Collection("ui")]
public sealed class StaffUiTests(UiFixture fixture, ITestOutputHelper output)
{
    private async Task ScreenshotAsync(UiSession ui, string name) =>
        output.WriteLine("screenshot: " + await ui.ScreenshotAsync(name));

    private static async Task<int> ShownTotalAsync(IPage page)
    {
        var title = await page.Locator("#results-title").InnerTextAsync();
        var m = Regex.Match(title, @"(\d[\d,]*)件");
        return m.Success ? int.Parse(m.Groups[1].Value.Replace(",", "")) : 0;
    }

    private static async Task<Dictionary<string, int>> FacetCountsAsync(IPage page, string facet)
    {
        var counts = new Dictionary<string, int>();
        foreach (var item in await page.Locator($"fieldset[data-facet='{facet}'] li").AllAsync())
        {
            var label = await item.Locator(".facet-label").InnerTextAsync();
            var count = await item.Locator(".count").InnerTextAsync();
            counts[label] = int.Parse(count.Trim('(', ')'));
        }
        return counts;
    }

    private static async Task SearchAsync(IPage page, string q)
    {
        await page.Locator("#q").FillAsync(q);
        await page.Locator("#q").PressAsync("Enter");
        await Expect(page.Locator("#results-title")).ToContainTextAsync(q);
    }

    [Fact]
    public async Task SearchingForJidouUntenShowsResultsWithHighlightedMarks()
    {
        await using var ui = await fixture.OpenAsync();
        await ui.GotoAsync("/");

        await SearchAsync(ui.Page, "自動運転");

        await Expect(ui.Page).ToHaveURLAsync(new Regex(@"\?q=%E8%87%AA%E5%8B%95%E9%81%8B%E8%BB%A2"));
        Assert.True(await ShownTotalAsync(ui.Page) > 0);
        var hits = ui.Page.Locator("#hits > li.hit");
        Assert.True(await hits.CountAsync() > 0);
        var marks = await ui.Page.Locator("#hits .snippet mark").AllInnerTextsAsync();
        Assert.NotEmpty(marks);
        Assert.All(marks, m => Assert.Contains(m, "自動運転"));
        // Each hit shows its ministry and a status badge.
        await Expect(hits.First.Locator(".badge")).ToBeVisibleAsync();
        await Expect(hits.First.Locator(".hit-meta")).ToContainTextAsync("所管");
        await ScreenshotAsync(ui, "01-search-results");
    }

    [Fact]
    public async Task TickingAMinistryFacetNarrowsTheResultsAndItsCounts()
    {
        await using var ui = await fixture.OpenAsync();
        await ui.GotoAsync("/");
        await Expect(ui.Page.Locator("fieldset[data-facet='ministry']")).ToBeVisibleAsync();
        var total = await ShownTotalAsync(ui.Page);
        var ministries = await FacetCountsAsync(ui.Page, "ministry");
        var kindsBefore = await FacetCountsAsync(ui.Page, "kind");
        var (ministry, count) = ministries.Where(m => m.Value > 0 && m.Value < total).OrderBy(m => m.Value).First();

        await ui.Page.Locator("fieldset[data-facet='ministry'] label", new() { HasText = ministry }).Locator("input").CheckAsync();

        await Expect(ui.Page.Locator("#results-title")).ToContainTextAsync($"{count}件");
        await Expect(ui.Page).ToHaveURLAsync(new Regex("ministry="));
        Assert.Equal(count, await ui.Page.Locator("#hits > li.hit").CountAsync());
        Assert.All(await ui.Page.Locator("#hits .hit-meta").AllInnerTextsAsync(), m => Assert.Contains(ministry, m));
        // The other facets now count within the ticked ministry; its own facet keeps counting all (multi-select).
        var kindsAfter = await FacetCountsAsync(ui.Page, "kind");
        Assert.NotEqual(kindsBefore, kindsAfter);
        Assert.True(kindsAfter.Values.Sum() < kindsBefore.Values.Sum());
        Assert.Equal(ministries, await FacetCountsAsync(ui.Page, "ministry"));
        await Expect(ui.Page.Locator("fieldset[data-facet='ministry'] input:checked")).ToHaveCountAsync(1);
        await ScreenshotAsync(ui, "02-facet-ticked");
    }

    [Fact]
    public async Task RangeBucketsSortTheOpenOnlyToggleAndPagesAllGoIntoTheUrl()
    {
        await using var ui = await fixture.OpenAsync();
        await ui.GotoAsync("/");
        var total = await ShownTotalAsync(ui.Page);

        // Two pages of the whole catalogue: the next page is in the URL.
        Assert.True(total > 20, $"the seed has {total} programs");
        await ui.Page.GetByRole(AriaRole.Button, new() { Name = "次のページ" }).ClickAsync();
        await Expect(ui.Page).ToHaveURLAsync(new Regex("page=2"));
        await Expect(ui.Page.Locator("#pager")).ToContainTextAsync($"2 / {(total + 19) / 20} ページ");

        // A cap bucket sends capMin and starts again at page 1.
        var cap = ui.Page.Locator("fieldset[data-facet='cap'] li", new() { HasText = "1億円以上" });
        var capCount = int.Parse((await cap.Locator(".count").InnerTextAsync()).Trim('(', ')'));
        await cap.Locator("input").CheckAsync();
        await Expect(ui.Page).ToHaveURLAsync(new Regex("capMin=100000000"));
        await Expect(ui.Page).Not.ToHaveURLAsync(new Regex("page="));
        await Expect(ui.Page.Locator("#results-title")).ToContainTextAsync($"{capCount}件");

        await ui.Page.Locator("#sort").SelectOptionAsync("cap");
        await Expect(ui.Page).ToHaveURLAsync(new Regex("sort=cap"));
        await Expect(ui.Page.Locator("#export-csv")).ToHaveAttributeAsync("href", new Regex("capMin=100000000.*sort=cap|sort=cap.*capMin=100000000"));

        // 受付中のみ: nothing in the seed is open today, so the page offers to drop the filters.
        await ui.Page.Locator("#open-only").CheckAsync();
        await Expect(ui.Page).ToHaveURLAsync(new Regex("status=%E5%8F%97%E4%BB%98%E4%B8%AD"));
        if (await ShownTotalAsync(ui.Page) == 0)
            await Expect(ui.Page.Locator("#loosen button", new() { HasText = "募集状況: 受付中 を外す" })).ToBeVisibleAsync();
        await ui.Page.Locator("#open-only").UncheckAsync();
        await Expect(ui.Page).Not.ToHaveURLAsync(new Regex("status="));
        await Expect(ui.Page.Locator("#results-title")).ToContainTextAsync($"{capCount}件");
    }

    [Fact]
    public async Task OpeningAProgramShowsItsCapsTable()
    {
        await using var ui = await fixture.OpenAsync();
        await ui.GotoAsync("/?q=先駆タイプ");
        await ui.Page.Locator("#hits a.hit-link", new() { HasText = "地方創生推進交付金（先駆タイプ）" }).ClickAsync();

        await Expect(ui.Page).ToHaveURLAsync(new Regex("id=chihou-sousei-suishin-koufukin-senku"));
        await Expect(ui.Page.Locator("#detail-title")).ToHaveTextAsync("地方創生推進交付金（先駆タイプ）");
        var rows = ui.Page.Locator("table.caps tbody tr");
        await Expect(rows).ToHaveCountAsync(3);
        await Expect(rows.Nth(0)).ToContainTextAsync("都道府県");
        await Expect(rows.Nth(0)).ToContainTextAsync("3.0億円");
        await Expect(rows.Nth(2)).ToContainTextAsync("中枢中核都市");
        await Expect(ui.Page.Locator("#detail-view")).ToContainTextAsync("内閣府");
    }

    [Fact]
    public async Task OpeningAProgramShowsItsAdoptionsByYearAndContactsAsWritten()
    {
        await using var ui = await fixture.OpenAsync();
        await ui.GotoAsync("/?id=smart-city-model-project");

        await Expect(ui.Page.Locator("#detail-title")).ToHaveTextAsync("スマートシティモデルプロジェクト");
        var adoptions = ui.Page.Locator("[data-section='adoptions']");
        await Expect(adoptions.Locator("summary").First).ToContainTextAsync("令和3年度");
        await Expect(adoptions).ToContainTextAsync("札幌市");
        await Expect(ui.Page.Locator("[data-section='selections'] tbody th").First).ToHaveTextAsync("令和元年度");
        await Expect(ui.Page.Locator("[data-section='contacts']")).ToContainTextAsync("hqt-smartcity-mlit(atmark)gxb.mlit.go.jp");
        await Expect(ui.Page.Locator("[data-section='related'] a").First).ToHaveAttributeAsync("href", new Regex(@"\?id="));
        // Missing fields leave no trace: no stray "null" or "undefined" in the text.
        var text = await ui.Page.Locator("#detail-view").InnerTextAsync();
        Assert.DoesNotContain("null", text);
        Assert.DoesNotContain("undefined", text);
        await ScreenshotAsync(ui, "03-detail");
    }

    [Fact]
    public async Task ApplicationWindowsAreShownInWarekiWithTheIsoDateOnHover()
    {
        await using var ui = await fixture.OpenAsync();
        await ui.GotoAsync("/?id=chiiki-iot-jisso-keikaku-jichitai-ai");

        var times = ui.Page.Locator("[data-section='windows'] time");
        await Expect(times.First).ToHaveTextAsync("令和2年5月29日");
        await Expect(times.First).ToHaveAttributeAsync("title", new Regex("^2020-05-29"));
        await Expect(times.Nth(1)).ToHaveTextAsync("令和2年7月31日");
    }

    [Fact]
    public async Task TheWarekiFormatterHandlesEraBoundariesAndFiscalYears()
    {
        await using var ui = await fixture.OpenAsync();
        await ui.GotoAsync("/?id=smart-city-model-project");
        var results = await ui.Page.EvaluateAsync<string[]>("""
            async () => {
              const m = await import('/app.js');
              return [m.formatWareki('2019-05-01'), m.formatWareki('2019-04-30T10:00:00+09:00'),
                      m.formatWareki('2024-05-10T12:00:00+09:00'), m.formatWareki('2024-05-10T23:59:59+09:00'),
                      m.fiscalYearLabel(2019), m.fiscalYearLabel(2018), m.fiscalYearLabel(2021), m.fiscalYearLabel(1989)];
            }
            """);
        Assert.Equal(
            ["令和元年5月1日", "平成31年4月30日 10:00", "令和6年5月10日 正午", "令和6年5月10日", "令和元年度", "平成30年度", "令和3年度", "平成元年度"],
            results);
    }

    [Fact]
    public async Task ExportingCsvFromThePageGivesExcelReadyRows()
    {
        await using var ui = await fixture.OpenAsync();
        await ui.GotoAsync("/?q=自動運転");
        var total = await ShownTotalAsync(ui.Page);
        Assert.True(total > 0);
        await Expect(ui.Page.Locator("#export-csv")).ToHaveAttributeAsync("href", new Regex(@"^/api/export\?q=.+&format=csv$"));

        var download = await ui.Page.RunAndWaitForDownloadAsync(() => ui.Page.Locator("#export-csv").ClickAsync());
        var path = await download.PathAsync();
        var bytes = await File.ReadAllBytesAsync(path);

        Assert.Matches(@"^programs-\d{8}\.csv$", download.SuggestedFilename);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = new UTF8Encoding(false).GetString(bytes[3..]);
        var lines = text.Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("ID,制度名,所管府省", lines[0]);
        var names = await ui.Page.Locator("#hits a.hit-link").AllInnerTextsAsync();
        Assert.Equal(total, lines.Length - 1);
        Assert.All(names, n => Assert.Contains(lines.Skip(1), l => l.Contains(n)));
    }

    [Fact]
    public async Task ExportingJsonFromThePageGivesTheShownRecords()
    {
        await using var ui = await fixture.OpenAsync();
        await ui.GotoAsync("/?q=自動運転");
        var total = await ShownTotalAsync(ui.Page);
        var href = await ui.Page.Locator("#export-json").GetAttributeAsync("href");

        using var http = new HttpClient { BaseAddress = fixture.App.BaseAddress };
        using var response = await http.GetAsync(href);
        response.EnsureSuccessStatusCode();
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var records = json.RootElement.ValueKind == System.Text.Json.JsonValueKind.Array
            ? json.RootElement
            : json.RootElement.EnumerateObject().First(p => p.Value.ValueKind == System.Text.Json.JsonValueKind.Array).Value;
        Assert.Equal(total, records.GetArrayLength());
    }

    [Fact]
    public async Task ReloadingASharedUrlGivesTheSamePage()
    {
        await using var ui = await fixture.OpenAsync();
        await ui.GotoAsync("/");
        await SearchAsync(ui.Page, "スマートシティ");
        var unfiltered = await ui.Page.Locator("#results-title").InnerTextAsync();
        await ui.Page.Locator("fieldset[data-facet='ministry'] label", new() { HasText = "国土交通省" }).Locator("input").CheckAsync();
        await Expect(ui.Page).ToHaveURLAsync(new Regex("ministry="));
        // The URL changes before the results do: wait for the filtered count (国土交通省 has fewer).
        await Expect(ui.Page.Locator("#results-title")).Not.ToHaveTextAsync(unfiltered);
        var resultsTitle = await ui.Page.Locator("#results-title").InnerTextAsync();
        await ui.Page.Locator("#hits a.hit-link").First.ClickAsync();
        await Expect(ui.Page.Locator("#detail-title")).ToBeVisibleAsync();
        var detailTitle = await ui.Page.Locator("#detail-title").InnerTextAsync();
        var shared = ui.Page.Url;
        Assert.Contains("q=", shared);
        Assert.Contains("id=", shared);

        // Someone else opens the shared link in another browser context (storage of its own, cleared).
        await using var other = await fixture.OpenAsync();
        await other.GotoAsync(shared);
        await Expect(other.Page.Locator("#detail-title")).ToHaveTextAsync(detailTitle);
        // ... and the reload of the page itself gives it back too.
        await ui.Page.ReloadAsync();
        await Expect(ui.Page.Locator("#detail-title")).ToHaveTextAsync(detailTitle);
        // Back to the results: the same query, the same ticked facet, the same count.
        await other.Page.Locator(".back-link").ClickAsync();
        await Expect(other.Page.Locator("#results-title")).ToHaveTextAsync(resultsTitle);
        await Expect(other.Page.Locator("#q")).ToHaveValueAsync("スマートシティ");
        await Expect(other.Page.Locator("fieldset[data-facet='ministry'] label", new() { HasText = "国土交通省" }).Locator("input")).ToBeCheckedAsync();
    }

    [Fact]
    public async Task TheBackButtonRestoresThePreviousState()
    {
        await using var ui = await fixture.OpenAsync();
        await ui.GotoAsync("/");
        await SearchAsync(ui.Page, "自動運転");
        var first = await ui.Page.Locator("#results-title").InnerTextAsync();
        await SearchAsync(ui.Page, "交付金");
        await ui.Page.Locator("#hits a.hit-link").First.ClickAsync();
        await Expect(ui.Page.Locator("#detail-title")).ToBeVisibleAsync();

        await ui.Page.GoBackAsync();
        await Expect(ui.Page.Locator("#detail-view")).ToBeHiddenAsync();
        await Expect(ui.Page.Locator("#q")).ToHaveValueAsync("交付金");

        await ui.Page.GoBackAsync();
        await Expect(ui.Page.Locator("#q")).ToHaveValueAsync("自動運転");
        await Expect(ui.Page.Locator("#results-title")).ToHaveTextAsync(first);

        await ui.Page.GoForwardAsync();
        await Expect(ui.Page.Locator("#q")).ToHaveValueAsync("交付金");
    }

    [Fact]
    public async Task SuggestionsAppearAsYouTypeAndTheKeyboardPicksOne()
    {
        await using var ui = await fixture.OpenAsync();
        await ui.GotoAsync("/");
        await ui.Page.Locator("#q").PressSequentiallyAsync("交付", new() { Delay = 50 });

        var options = ui.Page.Locator("#suggest-list [role='option']");
        await Expect(options.First).ToBeVisibleAsync();
        await Expect(ui.Page.Locator("#q")).ToHaveAttributeAsync("aria-expanded", "true");
        await ui.Page.Locator("#q").PressAsync("ArrowDown");
        await Expect(options.First).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(ui.Page.Locator("#q")).ToHaveAttributeAsync("aria-activedescendant", "suggest-0");
        var picked = await options.First.Locator(".suggest-text").InnerTextAsync();
        await ui.Page.Locator("#q").PressAsync("Enter");

        await Expect(ui.Page.Locator("#suggest-list")).ToBeHiddenAsync();
        // A program name opens its detail; a field searches for it.
        await Expect(ui.Page.Locator("#detail-title:visible, #results-title:visible")).ToContainTextAsync(picked);
    }

    [Fact]
    public async Task NoHitsOfferTheRelaxedResultsAndFiltersToLoosen()
    {
        await using var ui = await fixture.OpenAsync();
        await ui.GotoAsync("/?q=自動運転%20存在しない語&ministry=総務省");

        await Expect(ui.Page.Locator("#loosen")).ToBeVisibleAsync();
        var loosen = ui.Page.Locator("#loosen button", new() { HasText = "所管府省: 総務省 を外す" });
        await Expect(loosen).ToBeVisibleAsync();
        await ScreenshotAsync(ui, "04-empty-state");

        await loosen.ClickAsync();
        await Expect(ui.Page).Not.ToHaveURLAsync(new Regex("ministry="));
        // Without the ministry the relaxed search finds the 自動運転 programs, and says it relaxed.
        await Expect(ui.Page.Locator("#notice")).ToBeVisibleAsync();
        Assert.True(await ui.Page.Locator("#hits > li.hit").CountAsync() > 0);
    }

    [Fact]
    public async Task APhoneWidthPageCollapsesTheFacets()
    {
        await using var ui = await fixture.OpenAsync(width: 390, height: 844);
        await ui.GotoAsync("/?q=スマートシティ");

        await Expect(ui.Page.Locator("#facets")).ToBeHiddenAsync();
        await ScreenshotAsync(ui, "05-phone");
        await ui.Page.Locator("#facet-toggle").ClickAsync();
        await Expect(ui.Page.Locator("#facets")).ToBeVisibleAsync();
        await Expect(ui.Page.Locator("#facet-toggle")).ToHaveAttributeAsync("aria-expanded", "true");
        var width = await ui.Page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the page scrolls sideways: {width}px");
        await ScreenshotAsync(ui, "06-phone-facets-open");
    }
}
