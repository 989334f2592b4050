using System.Net.Http.Json;
using System.Net;
using Catalog.Api;
using Catalog.Core;
using Catalog.Core.Programs;
using Catalog.Core.Search;
using Catalog.Core.Store;
using Catalog.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static Catalog.Tests.Support.Programs;

namespace Catalog.Tests.Reliability;

/// <summary>Faults the search core hid until #13, one test each.</summary>
public sealed class SearchCoreFaultTests
{
    [Fact]
    public async Task ARecordWithAnUnreadableWindowDateIsFoundNotAServerError()
    {
        await using var server = await CatalogTestServer.StartAsync();
        // Bypasses import validation, as a record written by an older importer would.
        server.Add(Make("odd-date", "日付の崩れた補助金", windows: [Window("2024-04-01T00:00:00+09:00", "令和六年五月末")]),
            Make("fine", "日付の正しい補助金", windows: [Window("2024-04-01T00:00:00+09:00", "2024-05-31T23:59:59+09:00")]));

        var response = await server.Client.GetAsync("/api/programs?q=補助金&asOf=2024-05-01");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await server.Client.GetObjectAsync("/api/programs?q=補助金&asOf=2024-05-01");
        Assert.Equal(["fine", "odd-date"], body.Ids().Order().ToList());
        // The unreadable end reads as open-ended, in the hit as in the status filter.
        var open = await server.Client.GetObjectAsync("/api/programs?status=受付中&asOf=2024-05-01");
        Assert.Contains("odd-date", open.Ids());
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("/api/programs/odd-date?asOf=2024-05-01")).StatusCode);
    }

    [Fact]
    public void TwoIndexesOverOneFolderNeverLetCleanupDeleteADirectoryStillInUse()
    {
        using var data = new TempFolder();
        using var a = Services(data.Path);
        using var b = Services(data.Path);
        using var c = Services(data.Path);
        a.GetRequiredService<ProgramStore>().Upsert([Make("one", "ひとつめの補助金")], [], "test");
        var indexA = a.GetRequiredService<SearchIndex>();
        indexA.Open(); // builds index-000001
        var first = Directory.GetDirectories(data.Path, "index-*").Single();
        var indexB = b.GetRequiredService<SearchIndex>();
        indexB.Open(); // opens the same directory
        indexB.Dispose(); // B stops using it; A still searches it

        c.GetRequiredService<SearchIndex>().Rebuild(); // a new generation; cleanup runs

        Assert.True(Directory.Exists(first), "the directory index A still searches was deleted");
        Assert.Equal(1, indexA.Search(new SearchRequest { Q = "補助金" }).Total);
    }

    [Fact]
    public void ASearchAfterDisposeFailsInsteadOfReopeningTheIndex()
    {
        using var data = new TempFolder();
        using var services = Services(data.Path);
        services.GetRequiredService<ProgramStore>().Upsert([Make("one", "ひとつめの補助金")], [], "test");
        var index = services.GetRequiredService<SearchIndex>();
        index.Open();
        index.Dispose();

        Assert.Throws<ObjectDisposedException>(() => index.Search(new SearchRequest { Q = "補助金" }));
    }

    [Fact]
    public async Task ASearchBeforeTheIndexIsOpenNeitherBuildsOneNorWaitsForTheBuildLock()
    {
        using var data = new TempFolder();
        using var services = Services(data.Path);
        services.GetRequiredService<ProgramStore>().Upsert([Make("one", "ひとつめの補助金")], [], "test");
        var index = services.GetRequiredService<SearchIndex>();
        // Another process is building: it holds the lock file.
        using var held = new FileStream(Path.Combine(data.Path, "index.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

        var search = Task.Run(() => Record.Exception(() => index.Search(new SearchRequest { Q = "補助金" })));
        Assert.True(await Task.WhenAny(search, Task.Delay(TimeSpan.FromSeconds(30))) == search, "the search waited on the build lock");
        Assert.IsAssignableFrom<InvalidOperationException>(await search);
        Assert.Empty(Directory.GetDirectories(data.Path, "index-*"));
        Assert.Equal(0, index.Rebuilds);
    }

    [Fact]
    public async Task ASearchBeforeTheIndexIsOpenGets503WithRetryAfterNotAServerError()
    {
        // The service with no hosted service that opens the index: every search comes "too early".
        await using var server = await CatalogTestServer.StartAsync(configure: b =>
        {
            var opener = b.Services.Single(d => d.ImplementationType?.Name == "SearchIndexOnStart");
            b.Services.Remove(opener);
        });

        var response = await server.Client.GetAsync("/api/programs?q=補助金");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "no Retry-After");
        var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal(503, problem.GetProperty("status").GetInt32());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await server.Client.GetAsync("/api/suggest?q=スマ")).StatusCode);
    }

    [Fact]
    public void QueryCacheKeepsWhatItHasWhenFull()
    {
        using var data = new TempFolder();
        using var analyzers = new CatalogAnalyzers(data.Combine("userdict.csv"));
        var builder = new QueryBuilder(analyzers, new SynonymSet(data.Combine("synonyms.txt")));
        var first = builder.Build(QueryText.Parse("自動運転"), QueryBuilder.QueryMode.Precise);
        for (var i = 0; i < 1100; i++) builder.Build(QueryText.Parse("語" + i), QueryBuilder.QueryMode.Precise);

        Assert.Same(first, builder.Build(QueryText.Parse("自動運転"), QueryBuilder.QueryMode.Precise));
    }

    [Fact]
    public async Task StoringARecordNeverChangesTheCallersRecord()
    {
        using var data = new TempFolder();
        using var services = Services(data.Path);
        var store = services.GetRequiredService<ProgramStore>();
        var program = Make("with-adoptions", "採択のある補助金");
        program.Adoptions = [new Adoption { FiscalYear = 2024, Prefecture = "東京都", Municipality = "千代田区", Title = "実証" }];
        var adoptions = program.Adoptions;

        var emptySeen = 0;
        using var stop = new CancellationTokenSource();
        var reader = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
                if (program.Adoptions.Count == 0) Interlocked.Increment(ref emptySeen);
        });
        for (var i = 0; i < 300; i++)
        {
            program.Summary = "版 " + i; // a change each time, so every call writes
            store.Upsert([program], [], "test");
        }
        stop.Cancel();
        await reader;

        Assert.Same(adoptions, program.Adoptions);
        Assert.Equal(0, emptySeen);
    }

    [Fact]
    public async Task SynonymReloadsNeverShowAHalfSwappedSet()
    {
        using var data = new TempFolder();
        var file = data.Combine("synonyms.txt");
        File.WriteAllText(file, "補助金,交付金\n");
        var synonyms = new SynonymSet(file);
        using var stop = new CancellationTokenSource();
        var wrong = 0;
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                var variants = synonyms.Expand("補助金").Select(v => v.Text).ToList();
                // Either file's set, whole: never empty, never both.
                if (variants is not (["交付金"] or ["助成金"])) Interlocked.Increment(ref wrong);
            }
        })).ToArray();
        for (var i = 0; i < 200; i++)
        {
            // Replaced by a rename, as an editor saves: the file is always one whole set.
            var temp = file + ".tmp";
            File.WriteAllText(temp, i % 2 == 0 ? "補助金,助成金\n" : "補助金,交付金\n");
            File.SetLastWriteTimeUtc(temp, DateTime.UtcNow.AddSeconds(i + 1));
            File.Move(temp, file, overwrite: true);
        }
        stop.Cancel();
        await Task.WhenAll(readers);
        Assert.Equal(0, wrong);
    }

    private static ServiceProvider Services(string dataPath)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Catalog:DataPath"] = dataPath }).Build();
        var services = new ServiceCollection();
        services.AddCatalogCore(configuration);
        var provider = services.BuildServiceProvider();
        provider.GetRequiredService<CatalogDatabase>().Migrate();
        return provider;
    }
}
