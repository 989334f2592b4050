using System.Diagnostics;
using System.Net;
using System.ServiceModel.Syndication;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using Catalog.Core.Import;
using Catalog.Tests.Support;
using Ical.Net.CalendarComponents;

namespace Catalog.Tests.Changes;

public class FeedTests(EditedCatalogue fixture) : IClassFixture<EditedCatalogue>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private HttpClient Client => fixture.Server.Client;
    private EditedSeed Edited => fixture.Edited;

    [Fact]
    public async Task TheAtomFeedIsWellFormedAtomWithTheRequiredElementsAndJapaneseTitles()
    {
        using var response = await Client.GetAsync("/feed.atom?pageSize=100");
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        var xml = await response.Content.ReadAsStringAsync();

        var doc = XDocument.Parse(xml);
        var feed = doc.Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        foreach (var required in new[] { "id", "title", "updated", "author" }) Assert.NotNull(feed.Element(Atom + required));
        Assert.Contains(feed.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "self");
        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.NotEmpty(entries);
        foreach (var e in entries)
        {
            foreach (var required in new[] { "id", "title", "updated" }) Assert.False(string.IsNullOrEmpty((string?)e.Element(Atom + required)), required);
            Assert.True(Uri.IsWellFormedUriString((string)e.Element(Atom + "id")!, UriKind.Absolute));
            Assert.True(DateTimeOffset.TryParse((string)e.Element(Atom + "updated")!, out _));
            Assert.StartsWith(fixture.Server.BaseAddress.ToString(), (string)e.Element(Atom + "link")!.Attribute("href")!);
        }
        Assert.Equal(entries.Count, entries.Select(e => (string)e.Element(Atom + "id")!).Distinct().Count());

        var titles = entries.Take(4).Select(e => (string)e.Element(Atom + "title")!).ToList();
        Assert.Contains(titles, t => t.StartsWith("締切が令和2年8月14日に変更：", StringComparison.Ordinal));
        Assert.Contains(titles, t => t == $"新規掲載：{EditedSeed.NewName}");
        Assert.Contains(titles, t => t.StartsWith("掲載終了：", StringComparison.Ordinal));
        Assert.Contains(titles, t => t.StartsWith($"上限額が{EditedSeed.NewCap}に変更：", StringComparison.Ordinal));

        // And the library reads it back as Atom 1.0.
        using var reader = XmlReader.Create(new StringReader(xml));
        var parsed = SyndicationFeed.Load(reader);
        Assert.Equal(entries.Count, parsed.Items.Count());
    }

    [Fact]
    public async Task TheAtomFeedFollowsTheSearchAndItsEntryIdsAreStable()
    {
        var xml = await Client.GetStringAsync($"/feed.atom?q={Uri.EscapeDataString("試験")}");
        var entries = XDocument.Parse(xml).Root!.Elements(Atom + "entry").ToList();
        var entry = Assert.Single(entries);
        Assert.Equal($"新規掲載：{EditedSeed.NewName}", (string)entry.Element(Atom + "title")!);
        Assert.EndsWith($"/?id={EditedSeed.NewId}", (string)entry.Element(Atom + "link")!.Attribute("href")!);

        var again = XDocument.Parse(await Client.GetStringAsync($"/feed.atom?q={Uri.EscapeDataString("試験")}"));
        Assert.Equal((string)entry.Element(Atom + "id")!, (string)again.Root!.Element(Atom + "entry")!.Element(Atom + "id")!);
    }

    [Fact]
    public async Task TheCalendarHasOneEventPerWindowWithTheRightJapanTimesAndAReminderAWeekBeforeTheDeadline()
    {
        var ics = await Client.GetStringAsync("/api/calendar.ics");
        var calendar = Ical.Net.Calendar.Load(ics)!;
        var windows = fixture.Server.Store.ReadAll().SelectMany(p => p.Windows.Select(w => (p.Id, w))).Where(x => x.w.Start is not null || x.w.End is not null).ToList();
        // One event per dated window, plus one tentative event per family with a forecast next call.
        Assert.Equal(windows.Count, calendar.Events.Count(e => e.Status != "TENTATIVE"));
        Assert.All(calendar.Events.Where(e => e.Status == "TENTATIVE"), e => Assert.StartsWith("【推定】", e.Summary));
        Assert.True(calendar.Events.Count(e => e.Status == "TENTATIVE") >= 1);
        Assert.Equal(calendar.Events.Count, calendar.Events.Select(e => e.Uid).Distinct().Count());
        Assert.Equal("Asia/Tokyo", Assert.Single(calendar.TimeZones).TzId);

        // Dates and times from the source: 2025-04-01 10:00 to 2025-05-30 17:00 JST.
        var timed = calendar.Events.Single(e => e.Uid!.StartsWith(EditedSeed.NewId + ".", StringComparison.Ordinal));
        Assert.Equal("Asia/Tokyo", timed.DtStart!.TzId);
        Assert.Equal(new DateTime(2025, 4, 1, 1, 0, 0, DateTimeKind.Utc), timed.DtStart.AsUtc);
        Assert.Equal(new DateTime(2025, 5, 30, 8, 0, 0, DateTimeKind.Utc), timed.DtEnd!.AsUtc);
        Assert.Contains("受付開始: 令和7年4月1日 10:00", timed.Description);
        Assert.Contains("状態: ", timed.Description);
        Assert.Equal(new Uri(fixture.Server.BaseAddress, $"/?id={EditedSeed.NewId}"), timed.Url);
        var alarm = Assert.Single(timed.Alarms);
        Assert.Equal("END", alarm.Trigger!.Related);
        Assert.Equal(-7, alarm.Trigger.Duration!.Value.Days);

        // Dates only (令和2年5月29日 to the moved 令和2年8月14日): all day, the end exclusive.
        var allDay = calendar.Events.Single(e => e.Uid!.StartsWith(Edited.DeadlineId + ".", StringComparison.Ordinal));
        Assert.False(allDay.DtStart!.HasTime);
        Assert.Equal(new DateOnly(2020, 5, 29), allDay.DtStart.Date);
        Assert.Equal(new DateOnly(2020, 8, 15), allDay.DtEnd!.Date);
    }

    [Fact]
    public async Task TheCalendarFollowsTheSearch()
    {
        var ics = await Client.GetStringAsync($"/api/calendar.ics?q={Uri.EscapeDataString("試験")}");
        var only = Assert.Single(Ical.Net.Calendar.Load(ics)!.Events);
        Assert.StartsWith(EditedSeed.NewId + ".", only.Uid);
        var none = Ical.Net.Calendar.Load(await Client.GetStringAsync("/api/calendar.ics?ministry=" + Uri.EscapeDataString("国土交通省") + "&q=" + Uri.EscapeDataString("試験")))!;
        Assert.Empty(none.Events);
    }

    [Fact]
    public async Task ASecondParserPythonsIcalendarReadsTheCalendar()
    {
        var ics = await Client.GetStringAsync("/api/calendar.ics");
        const string script = """
            import sys, json, icalendar
            cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
            out = {"timezones": [str(c["TZID"]) for c in cal.walk("VTIMEZONE")], "events": []}
            for e in cal.walk("VEVENT"):
                s, t = e.decoded("DTSTART"), e.decoded("DTEND")
                iso = lambda d: d.isoformat()
                out["events"].append({"uid": str(e["UID"]), "start": iso(s), "end": iso(t),
                    "alarms": [str(a["TRIGGER"].to_ical(), "ascii") for a in e.walk("VALARM")]})
            print(json.dumps(out))
            """;
        var psi = new ProcessStartInfo("/usr/bin/python3", ["-c", script])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            StandardInputEncoding = new System.Text.UTF8Encoding(false),
        };
        using var python = Process.Start(psi)!;
        await python.StandardInput.WriteAsync(ics);
        python.StandardInput.Close();
        var stdout = await python.StandardOutput.ReadToEndAsync();
        var stderr = await python.StandardError.ReadToEndAsync();
        await python.WaitForExitAsync();
        Assert.True(python.ExitCode == 0, "python3 icalendar (apt-get install python3-icalendar): " + stderr);

        var parsed = JsonNode.Parse(stdout)!;
        Assert.Equal(["Asia/Tokyo"], parsed["timezones"]!.AsArray().Select(t => t!.GetValue<string>()));
        var ours = Ical.Net.Calendar.Load(ics)!.Events.Select(e => e.Uid).Order(StringComparer.Ordinal);
        var events = parsed["events"]!.AsArray();
        Assert.Equal(ours, events.Select(e => e!["uid"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        var timed = events.Single(e => e!["uid"]!.GetValue<string>().StartsWith(EditedSeed.NewId + ".", StringComparison.Ordinal))!;
        Assert.Equal("2025-04-01T10:00:00+09:00", timed["start"]!.GetValue<string>());
        Assert.Equal("2025-05-30T17:00:00+09:00", timed["end"]!.GetValue<string>());
        Assert.Equal("-P7D", timed["alarms"]![0]!.GetValue<string>());
    }
}

/// <summary>Feeds over a catalogue that changes during the test.</summary>
public class FeedUpdateTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public async Task ACalendarEventKeepsItsUidWhenTheProgramChangesAndItsWindowMoves()
    {
        using var edited = new EditedSeed();
        await using var server = await CatalogTestServer.StartAsync(seedPath: edited.Path);
        var before = Ical.Net.Calendar.Load(await server.Client.GetStringAsync("/api/calendar.ics"))!;
        var uids = before.Events.Select(e => e.Uid).Order(StringComparer.Ordinal).ToList();
        var uid = before.Events.Single(e => e.Uid!.StartsWith(EditedSeed.NewId + ".", StringComparison.Ordinal)).Uid;

        edited.Edit(EditedSeed.NewId, p => p["summary"] = "概要を書き換えた。");
        Assert.True(server.Importer.Import(edited.Path).Commit!.Revision is not null);
        var unrelated = Ical.Net.Calendar.Load(await server.Client.GetStringAsync("/api/calendar.ics"))!;
        Assert.Equal(uids, unrelated.Events.Select(e => e.Uid).Order(StringComparer.Ordinal));

        edited.Edit(EditedSeed.NewId, p => p["windows"]![0]!["end"] = "2025-06-13T17:00:00+09:00");
        server.Importer.Import(edited.Path);
        var moved = Ical.Net.Calendar.Load(await server.Client.GetStringAsync("/api/calendar.ics"))!;
        var e = moved.Events.Single(x => x.Uid == uid);
        Assert.Equal(new DateTime(2025, 6, 13, 8, 0, 0, DateTimeKind.Utc), e.DtEnd!.AsUtc);
        Assert.Equal(uids, moved.Events.Select(x => x.Uid).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AFeedReaderThatHasTheLatestFeedGetsNotModifiedUntilAnImportChangesIt()
    {
        using var edited = new EditedSeed();
        await using var server = await CatalogTestServer.StartAsync(seedPath: RepoPaths.Seed);
        using var first = await server.Client.GetAsync("/feed.atom");
        var etag = first.Headers.ETag!;

        using var same = new HttpRequestMessage(HttpMethod.Get, "/feed.atom");
        same.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await server.Client.SendAsync(same)).StatusCode);

        server.Importer.Import(edited.Path, new ImportOptions { Replace = true });
        using var changed = new HttpRequestMessage(HttpMethod.Get, "/feed.atom");
        changed.Headers.IfNoneMatch.Add(etag);
        using var response = await server.Client.SendAsync(changed);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("掲載終了", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AfterARevertTheSearchFollowsTheRestoredCatalogue()
    {
        using var edited = new EditedSeed();
        await using var server = await CatalogTestServer.StartAsync(seedPath: RepoPaths.Seed);
        server.Importer.Import(edited.Path, new ImportOptions { Replace = true });
        var search = await server.Client.GetObjectAsync($"/api/programs?q={Uri.EscapeDataString("試験")}");
        Assert.Contains(EditedSeed.NewId, search.Ids());

        var reverter = (Catalog.Core.Changes.CatalogReverter)server.Services.GetService(typeof(Catalog.Core.Changes.CatalogReverter))!;
        Assert.Null(reverter.Revert(1).IndexError);
        var after = await server.Client.GetObjectAsync($"/api/programs?q={Uri.EscapeDataString("試験")}");
        Assert.DoesNotContain(EditedSeed.NewId, after.Ids());
        var feed = await server.Client.GetStringAsync("/feed.atom");
        Assert.Contains($"掲載終了：{EditedSeed.NewName}", feed);
        // The removed programs come back with the revert: 再掲載, not 新規掲載; each entry links to the page.
        var restored = XDocument.Parse(feed).Root!.Elements(Atom + "entry")
            .Single(e => ((string)e.Element(Atom + "title")!).StartsWith("再掲載：", StringComparison.Ordinal));
        Assert.Equal($"再掲載：{SeedName(edited.RemovedId)}", (string)restored.Element(Atom + "title")!);
        Assert.EndsWith($"/?id={edited.RemovedId}", (string)restored.Element(Atom + "link")!.Attribute("href")!);
        var removedEntry = XDocument.Parse(feed).Root!.Elements(Atom + "entry").First(e => (string)e.Element(Atom + "title")! == $"掲載終了：{EditedSeed.NewName}");
        Assert.EndsWith($"/?id={EditedSeed.NewId}", (string)removedEntry.Element(Atom + "link")!.Attribute("href")!);
    }

    private static string SeedName(string id) =>
        System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Seed, "programs", id + ".json")))!["name"]!.GetValue<string>();
}
