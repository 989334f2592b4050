using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Catalog.Benchmarks;
using Catalog.Tests.Support;

namespace Catalog.Tests.Reliability;

public class ConcurrencyTests
{
    [Fact]
    public async Task SearchesDuringAnImportAndAReindexSeeTheOldOrTheNewCatalogueNeverAnError()
    {
        await using var server = await CatalogTestServer.StartAsync(seedPath: RepoPaths.Seed);
        var seedCount = (int)server.Store.Count();
        var synthetic = Path.Combine(server.DataPath, "synthetic.ndjson");
        SyntheticCatalogue.WriteNdjson(synthetic, 1000);
        var allowed = new[] { seedCount, seedCount + 1000 };

        var seen = new ConcurrentBag<int>();
        var failures = new ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 3).Select(n => Task.Run(async () =>
        {
            var url = n == 0 ? "/api/programs?pageSize=1" : n == 1 ? "/api/programs?pageSize=1&level=national" : "/api/programs?pageSize=1&sort=name";
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    using var response = await server.Client.GetAsync(url);
                    var body = await response.Content.ReadAsStringAsync();
                    if (!response.IsSuccessStatusCode) { failures.Enqueue($"{url} → {(int)response.StatusCode}: {body}"); continue; }
                    var total = JsonNode.Parse(body)!["total"]!.GetValue<int>();
                    if (n != 1 && !allowed.Contains(total)) failures.Enqueue($"{url} → total {total}, neither {allowed[0]} nor {allowed[1]}");
                    if (n != 1) seen.Add(total);
                }
                catch (Exception e) when (!stop.IsCancellationRequested) { failures.Enqueue($"{url} threw {e.GetType().Name}: {e.Message}"); }
                // A breath between requests: on two cores, three tight loops starve the import they watch.
                await Task.Delay(5);
            }
        })).ToArray();

        await Task.Delay(200);
        var import = await Task.Run(() => server.Importer.Import(synthetic));
        Assert.True(import.Succeeded, string.Join("\n", import.Errors.Take(3)));
        for (var i = 0; i < 2; i++) await Task.Run(server.Index.Rebuild);
        await Task.Delay(200);
        await stop.CancelAsync();
        await Task.WhenAll(readers);

        Assert.True(failures.IsEmpty, string.Join("\n", failures.Take(5)));
        Assert.Contains(seedCount, seen);
        Assert.Contains(seedCount + 1000, seen);
    }

    [Fact]
    public async Task RequestsInFlightFinishWhenTheServiceStops()
    {
        var server = await CatalogTestServer.StartAsync(seedPath: RepoPaths.Seed);
        try
        {
            var synthetic = Path.Combine(server.DataPath, "synthetic.ndjson");
            SyntheticCatalogue.WriteNdjson(synthetic, 4000);
            Assert.True(server.Importer.Import(synthetic).Succeeded);
            var expected = (int)server.Store.Count();

            // A large export is in flight when the stop signal comes.
            using var response = await server.Client.GetAsync("/api/export?format=ndjson", HttpCompletionOption.ResponseHeadersRead);
            var stopping = server.StopAsync();
            var body = await response.Content.ReadAsStringAsync();
            await stopping;

            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            var lines = body.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(expected, lines.Length);
            Assert.All(lines, l => JsonNode.Parse(l));
            await Assert.ThrowsAsync<HttpRequestException>(() => server.Client.GetAsync("/health"));
        }
        finally
        {
            await server.DisposeAsync();
        }
    }
}
