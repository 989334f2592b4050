using System.Net;
using System.Text.Json.Nodes;
using Catalog.Core.Import;
using Catalog.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Tests.Changes;

/// <summary>The service over the seed (revision 1) and then the edited copy imported with --replace (revision 2).</summary>
public sealed class EditedCatalogue : IAsyncLifetime
{
    public EditedSeed Edited { get; } = new();
    public CatalogTestServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await CatalogTestServer.StartAsync(seedPath: RepoPaths.Seed);
        var result = Server.Importer.Import(Edited.Path, new ImportOptions { Replace = true });
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(2, result.Commit!.Revision);
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Edited.Dispose();
    }
}

public class ChangesApiTests(EditedCatalogue fixture) : IClassFixture<EditedCatalogue>
{
    private HttpClient Client => fixture.Server.Client;
    private EditedSeed Edited => fixture.Edited;

    [Fact]
    public async Task TheLatestChangesAreExactlyTheMovedDeadlineTheNewProgramTheRemovedProgramAndTheChangedCap()
    {
        var changes = (await Client.GetObjectAsync("/api/changes?pageSize=100"))["changes"]!.AsArray();
        var latest = changes.Where(c => c!["revision"]!.GetValue<long>() == 2).ToList();
        Assert.Equal(
            new[] { (Edited.CapId, "changed"), (Edited.DeadlineId, "changed"), (Edited.RemovedId, "removed"), (EditedSeed.NewId, "added") }
                .OrderBy(x => x.Item1, StringComparer.Ordinal),
            latest.Select(c => (c!["programId"]!.GetValue<string>(), c["change"]!.GetValue<string>())));
        // Newest first: revision 2 before the seed's revision 1.
        Assert.Equal(2, changes[0]!["revision"]!.GetValue<long>());
        Assert.Equal(1, changes[^1]!["revision"]!.GetValue<long>());

        var deadline = latest.Single(c => c!["programId"]!.GetValue<string>() == Edited.DeadlineId)!;
        Assert.Equal("締切が令和2年8月14日に変更", deadline["title"]!.GetValue<string>());
        // The deadline, then the quote edited with it.
        var fields = deadline["fields"]!.AsArray();
        Assert.Equal(["windows[0].end", Edited.DeadlineQuotePath], fields.Select(f => f!["path"]!.GetValue<string>()));
        var field = fields[0]!;
        Assert.Equal(("windows[0].end", "募集期間1・締切", "2020-07-31T23:59:59+09:00", "2020-08-14T23:59:59+09:00"),
            (field["path"]!.GetValue<string>(), field["labelJa"]!.GetValue<string>(), field["before"]!.GetValue<string>(), field["after"]!.GetValue<string>()));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+09:00$", deadline["time"]!.GetValue<string>());

        var cap = latest.Single(c => c!["programId"]!.GetValue<string>() == Edited.CapId)!;
        Assert.Equal($"上限額が{EditedSeed.NewCap}に変更", cap["title"]!.GetValue<string>());
        Assert.Equal("新規掲載", latest.Single(c => c!["change"]!.GetValue<string>() == "added")!["title"]!.GetValue<string>());
        var removed = latest.Single(c => c!["change"]!.GetValue<string>() == "removed")!;
        Assert.Equal("掲載終了", removed["title"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(removed["programName"]!.GetValue<string>()));
    }

    [Fact]
    public async Task ChangesFollowTheSearchFiltersIncludingRemovedProgramsTheSearchWouldHaveReturned()
    {
        var removedMinistry = fixture.Server.Services.GetRequiredService<Catalog.Core.Store.RevisionLog>().RemovedPrograms()
            .Select(r => JsonNode.Parse(r.Json)!["ministry"]!.GetValue<string>()).Single();
        var same = await Client.GetObjectAsync($"/api/changes?ministry={Uri.EscapeDataString(removedMinistry)}&since=2000-01-01&pageSize=100");
        var ids = same["changes"]!.AsArray().Select(c => c!["programId"]!.GetValue<string>()).ToHashSet();
        Assert.Contains(Edited.RemovedId, ids);
        Assert.All(same["changes"]!.AsArray(), c => Assert.True(
            fixture.Server.Store.Find(c!["programId"]!.GetValue<string>()) is not { } p || p.Ministry == removedMinistry));

        var other = Catalog.Core.Programs.Vocabulary.Ministries.First(m => m != removedMinistry);
        var elsewhere = await Client.GetObjectAsync($"/api/changes?ministry={Uri.EscapeDataString(other)}&pageSize=100");
        Assert.DoesNotContain(elsewhere["changes"]!.AsArray(), c => c!["programId"]!.GetValue<string>() == Edited.RemovedId);

        var byName = await Client.GetObjectAsync($"/api/changes?q={Uri.EscapeDataString("試験")}&pageSize=100");
        Assert.Contains(byName["changes"]!.AsArray(), c => c!["programId"]!.GetValue<string>() == EditedSeed.NewId);

        var none = await Client.GetObjectAsync($"/api/changes?since={DateTime.UtcNow.AddDays(2):yyyy-MM-dd}");
        Assert.Equal(0, none["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task AProgramsHistoryListsItsChangesNewestFirst()
    {
        var history = await Client.GetObjectAsync($"/api/programs/{Edited.DeadlineId}/history");
        var changes = history["changes"]!.AsArray();
        Assert.Equal(["changed", "added"], changes.Select(c => c!["change"]!.GetValue<string>()));
        Assert.Equal("windows[0].end", changes[0]!["fields"]![0]!["path"]!.GetValue<string>());

        // A removed program keeps its history.
        var removed = await Client.GetObjectAsync($"/api/programs/{Edited.RemovedId}/history");
        Assert.Equal(["removed", "added"], removed["changes"]!.AsArray().Select(c => c!["change"]!.GetValue<string>()));
        await Client.GetProblemAsync("/api/programs/no-such-program/history", "no-such-program", 404);
    }

    [Theory]
    [InlineData("/api/changes?since=yesterday", "since")]
    [InlineData("/api/changes?until=2025-13-01", "until")]
    [InlineData("/api/changes?since=2025-05-01&until=2025-04-01", "since")]
    [InlineData("/api/changes?ministry=NoSuchMinistry", "ministry")]
    [InlineData("/feed.atom?pageSize=1000", "pageSize")]
    [InlineData("/api/calendar.ics?kind=NoSuchKind", "kind")]
    public async Task BadParametersGetAProblemNamingThem(string url, string parameter) =>
        await Client.GetProblemAsync(url, parameter);

    [Fact]
    public async Task TheOpenApiDocumentListsTheChangesAndBothFeeds()
    {
        var doc = await Client.GetObjectAsync("/openapi/v1.json");
        var paths = doc["paths"]!.AsObject();
        foreach (var path in new[] { "/api/changes", "/api/programs/{id}/history", "/feed.atom", "/api/calendar.ics" })
            Assert.True(paths.ContainsKey(path), $"{path} is not in the OpenAPI document");
        Assert.NotNull(paths["/feed.atom"]!["get"]!["responses"]!["200"]!["content"]!["application/atom+xml"]);
        Assert.NotNull(paths["/api/calendar.ics"]!["get"]!["responses"]!["304"]);
    }

    [Fact]
    public async Task BothFeedsAnswerConditionalRequestsWithNotModified()
    {
        foreach (var url in new[] { "/feed.atom", "/api/calendar.ics?q=" + Uri.EscapeDataString("IoT") })
        {
            using var first = await Client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            var etag = first.Headers.ETag!;
            var modified = first.Content.Headers.LastModified!.Value;

            using var byTag = new HttpRequestMessage(HttpMethod.Get, url);
            byTag.Headers.IfNoneMatch.Add(etag);
            using var notModified = await Client.SendAsync(byTag);
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
            Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

            using var byDate = new HttpRequestMessage(HttpMethod.Get, url);
            byDate.Headers.IfModifiedSince = modified;
            Assert.Equal(HttpStatusCode.NotModified, (await Client.SendAsync(byDate)).StatusCode);

            using var stale = new HttpRequestMessage(HttpMethod.Get, url);
            stale.Headers.IfNoneMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"something-else\""));
            Assert.Equal(HttpStatusCode.OK, (await Client.SendAsync(stale)).StatusCode);

            using var older = new HttpRequestMessage(HttpMethod.Get, url);
            older.Headers.IfModifiedSince = modified.AddSeconds(-1);
            Assert.Equal(HttpStatusCode.OK, (await Client.SendAsync(older)).StatusCode);
        }
    }
}
