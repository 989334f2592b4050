// Search benchmark: a generated catalogue of N programs (default 100,000) is written as NDJSON,
// imported through the importer into a temporary data folder, indexed, and queried with a fixed
// mix of text, facet and filter queries — in-process and over HTTP on loopback.
// Usage: dotnet run -c Release --project tests/Catalog.Benchmarks -- [count] [queries]
//        dotnet run -c Release --project tests/Catalog.Benchmarks -- --write-ndjson FILE [count]   (for tests/load/load.sh)
//        dotnet run -c Release --project tests/Catalog.Benchmarks -- --workbook [count] [export]   (Excel workbook export, then import)
//        dotnet run -c Release --project tests/Catalog.Benchmarks -- --revisions [count] [revisions]   (history storage per revision)
//        dotnet run -c Release --project tests/Catalog.Benchmarks -- --hostile-files DIR   (the hostile corpus, for tests/hostile/measure-refusals.sh)
//        ... -- [count] [queries] --data DIR   (keep the data folder in DIR; a later run over it skips generate, import, index)
//        ... -- [count] [queries] --data DIR --serve   (suggest, detail and memory only)
//        ... -- [count] [queries] --data DIR --in-process   (the search mix in-process only: for profiles and A/B runs)
//        ... -- [count] [starts] --data DIR --first-requests [--service Catalog.Api.dll] [--env NAME=VALUE]...
//            (requests 1..100 after each start of the service as a child process, then a 16-connection load and its memory)
// The search benchmark and --write-ndjson take --catalogue synthetic|realistic (or CATALOG_BENCH_CATALOGUE=...):
// synthetic (default) is the worst case, realistic the vocabulary of the source documents (see BenchmarkCatalogue).
using System.Diagnostics;
using System.Globalization;
using Catalog.Api;
using Catalog.Benchmarks;
using Catalog.Core;
using Catalog.Core.Import;
using Catalog.Core.Programs;
using Catalog.Core.Search;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

if (args.Length > 0 && args[0] == "--workbook")
    return WorkbookBenchmark.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000, args.Length > 2 && args[2] == "export");
if (args.Length > 0 && args[0] == "--revisions") return RevisionStorage.Run(args);
if (args.Length > 1 && args[0] == "--hostile-files")
{
    Directory.CreateDirectory(args[1]);
    foreach (var name in Catalog.Tests.Support.HostileFiles.Names) Console.WriteLine(Catalog.Tests.Support.HostileFiles.Write(name, args[1]));
    return 0;
}

BenchmarkCatalogue catalogue;
try { (catalogue, args) = BenchmarkCatalogue.Choose(args); }
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
if (args.Length > 1 && args[0] == "--write-ndjson")
{
    catalogue.WriteNdjson(args[1], args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 100_000);
    return 0;
}

// --data DIR keeps the data folder: the first run generates, imports and indexes into it; later
// runs over the same folder skip straight to the service (saves minutes at 100k).
var keep = Array.IndexOf(args, "--data") is var d and >= 0 && d + 1 < args.Length ? Path.GetFullPath(args[d + 1]) : null;
var firstRequests = args.Contains("--first-requests");
var positional = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || args[i - 1] is not ("--data" or "--service" or "--env"))).ToArray();
var count = positional.Length > 0 ? int.Parse(positional[0], CultureInfo.InvariantCulture) : 100_000;
var queries = positional.Length > 1 ? int.Parse(positional[1], CultureInfo.InvariantCulture) : 3_000;
var data = Directory.CreateDirectory(keep ?? Path.Combine(Path.GetTempPath(), "catalog-bench-" + Guid.NewGuid().ToString("N"))).FullName;
var reuse = keep is not null && File.Exists(Path.Combine(data, "catalog.db")) && Directory.EnumerateDirectories(data, "index-*").Any();
Console.WriteLine($"Catalogue: {catalogue.Name} ({catalogue.Description}), {count:N0} programs; data folder {data}{(reuse ? " (reused)" : "")}");
Console.WriteLine($"{Environment.ProcessorCount} logical CPUs, .NET {Environment.Version}, {(Debugger.IsAttached ? "debugger" : "no debugger")}, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC");

if (firstRequests)
{
    if (!reuse) throw new InvalidOperationException("--first-requests needs --data DIR with a catalogue built by an earlier run");
    var service = Array.IndexOf(args, "--service") is var sv and >= 0 && sv + 1 < args.Length ? args[sv + 1] : null;
    var environment = args.Select((a, i) => (a, i)).Where(x => x.i > 0 && args[x.i - 1] == "--env").Select(x => x.a).ToList();
    return await FirstRequests.Run(data, count, queries, service, environment);
}

try
{
    var ndjson = Path.Combine(data, "synthetic.ndjson");
    var sw = Stopwatch.StartNew();
    if (!reuse)
    {
    catalogue.WriteNdjson(ndjson, count);
    Console.WriteLine($"generate:  {sw.Elapsed.TotalSeconds,8:F1} s  ({new FileInfo(ndjson).Length / 1048576.0:F0} MB NDJSON)");

    var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Catalog:DataPath"] = data,
        ["Catalog:SeedOnStart"] = "false",
    }).Build();
    var services = new ServiceCollection();
    services.AddCatalogCore(configuration);
    await using (var provider = services.BuildServiceProvider())
    {
        provider.GetRequiredService<Catalog.Core.Store.CatalogDatabase>().Migrate();
        sw.Restart();
        // Without the index, so import and indexing are timed apart.
        var result = new CatalogImporter(provider.GetRequiredService<Catalog.Core.Store.ProgramStore>()).Import(ndjson);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("\n", result.Errors.Take(10)));
        Console.WriteLine($"import:    {sw.Elapsed.TotalSeconds,8:F1} s  ({result.Counts.Added:N0} added; validation + SQLite, index not subscribed)");

        var index = provider.GetRequiredService<SearchIndex>();
        sw.Restart();
        index.Rebuild();
        Console.WriteLine($"index:     {sw.Elapsed.TotalSeconds,8:F1} s  (read from SQLite, analyze, write, force-merge, open; {DirectorySize(data, "index-*") / 1048576.0:F0} MB on disk)");
    }
    }

    // The service over the same folder: it opens the index just built.
    // The per-client rate limit protects a public service; this run measures the service itself.
    var app = CatalogApp.Build(["--urls=http://127.0.0.1:0", $"--Catalog:DataPath={data}", "--Catalog:SeedOnStart=false", "--Catalog:Limits:RequestsPerMinute=100000000"],
        b => b.Logging.SetMinimumLevel(LogLevel.Warning));
    sw.Restart();
    await app.StartAsync();
    Console.WriteLine($"start:     {sw.Elapsed.TotalSeconds,8:F1} s  (open existing index, load doc-value columns)");
    var searchIndex = app.Services.GetRequiredService<SearchIndex>();
    SearchIndexHolder.Index = searchIndex;
    var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
    if (args.Contains("--serve"))
    {
        // Suggest, detail and memory only, without the search mix.
        using var serveHttp = new HttpClient { BaseAddress = new Uri(address) };
        await ServeBenchmark.Run(app, searchIndex, serveHttp, count, queries);
        await ServeBenchmark.Memory(app);
        await app.StopAsync();
        await app.DisposeAsync();
        return 0;
    }

    string[] mix =
    [
        "q=自動運転",
        "q=データ連携基盤 補助金",
        "q=スマートシティ 実証&ministry=総務省",
        "q=AI 計画策定&kind=伴走支援・計画策定支援",
        "q=こうふきん",
        "q=ドローン -物流&status=受付中",
        "q=MaaS OR 交通&sort=deadline",
        "ministry=総務省&ministry=内閣府",
        "kind=補助金&status=受付中",
        "applicant=中枢中核都市&fiscalYear=2024",
        "rateMin=0.5&capMin=100000000",
        "sort=deadline&status=受付中&status=予告",
        "q=防災&field=防災&applicant=市区町村&sort=cap",
        "q=見守り 子育て&page=3",
        "",
        "q=\"地方公共団体を支援\"",
    ];
    var requests = mix.Select(ToRequest).ToArray();
    var asOf = new DateTimeOffset(2025, 6, 1, 10, 0, 0, TimeSpan.FromHours(9));

    // In-process: the SearchIndex as the endpoint calls it (all facets counted, snippets built).
    for (var i = 0; i < 300; i++) searchIndex.Search(requests[i % requests.Length] with { AsOf = asOf });
    var inProcess = new double[queries];
    var totals = new long[requests.Length];
    // CPU of the whole process (GC and tiering threads too) per query: steadier than wall time on a busy machine.
    // Bytes allocated per query of the mix (the search runs on this thread): what keeps the GC busy under load.
    var allocated = new long[requests.Length];
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    for (var i = 0; i < queries; i++)
    {
        var t = Stopwatch.GetTimestamp();
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        var response = searchIndex.Search(requests[i % requests.Length] with { AsOf = asOf });
        allocated[i % requests.Length] += GC.GetAllocatedBytesForCurrentThread() - bytes;
        inProcess[i] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
        totals[i % requests.Length] = response.Total;
    }
    Report("in-process", inProcess);
    Console.WriteLine($"cpu:       {(Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / queries:F2} ms of process CPU per query (in-process mix)");
    // Not GC.GetTotalAllocatedBytes: under the server GC's dynamic heap count it undercounts (346 against
    // 962 KB per query on this thread, equal with DOTNET_GCDynamicAdaptationMode=0).
    Console.WriteLine($"allocated: {allocated.Sum() / 1024.0 / queries:F0} KB per query on the searching thread (mean of the mix); per query:");
    for (var k = 0; k < requests.Length; k++)
    {
        var runs = Math.Max(1, (queries - k + requests.Length - 1) / requests.Length); // how often query k ran in the loop above
        Console.WriteLine($"  {allocated[k] / 1024.0 / runs,9:F0} KB  [{(mix[k].Length == 0 ? "(all)" : mix[k])}]");
    }

    // Recall: hits of a one-word query against the records whose text holds the word at all
    // (the generated NDJSON, relaxed-escaped, so a substring scan of each line counts them).
    foreach (var word in new[] { "ドローン", "キャッシュレス" })
    {
        var holding = File.ReadLines(ndjson).Count(line => line.Contains(word, StringComparison.Ordinal));
        var found = searchIndex.Search(ToRequest("q=" + word) with { AsOf = asOf }).Total;
        Console.WriteLine($"recall:    q={word} {found:N0} hits; {holding:N0} records contain it");
    }

    if (args.Contains("--in-process"))
    {
        // The search mix alone (for profiles and back-to-back comparisons): no HTTP, no suggest or detail.
        PrintTotals(mix, totals, catalogue.Name);
        await app.StopAsync();
        await app.DisposeAsync();
        return 0;
    }

    // Per query of the mix, with and without snippets: where the time goes.
    for (var k = 0; k < requests.Length; k++)
    {
        var with = new double[100];
        var without = new double[100];
        for (var i = 0; i < 100; i++)
        {
            var t = Stopwatch.GetTimestamp();
            searchIndex.Search(requests[k] with { AsOf = asOf });
            with[i] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
            t = Stopwatch.GetTimestamp();
            searchIndex.Search(requests[k] with { AsOf = asOf, Highlight = false });
            without[i] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
        }
        Console.WriteLine($"  p50 {with.Order().ElementAt(50),6:F2} ms, p99 {with.Order().ElementAt(98),6:F2} ms ({without.Order().ElementAt(50),6:F2} p50 without snippets)  [{(mix[k].Length == 0 ? "(all)" : mix[k])}]");
    }

    // Query understanding: what reading the query line adds to validating a request. The first
    // request with a plain word (市町村) per opened index scans the names; later ones are cached.
    foreach (var q in new[] { "令和6年度 補助率1/2以上 上限1億円以上 市町村 AI", "自動運転 データ連携基盤" })
    {
        var p50 = new Dictionary<string, double>();
        var first = 0.0;
        foreach (var interpret in new[] { "false", "true" })
        {
            var parameters = new Catalog.Api.Programs.SearchParameters(q, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, interpret);
            var ms = new double[1000];
            for (var i = 0; i < ms.Length; i++)
            {
                var t = Stopwatch.GetTimestamp();
                if (!parameters.TryBuild(searchIndex, out _, out var problem)) throw new InvalidOperationException(problem!.Detail);
                ms[i] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
            }
            if (interpret == "true") first = ms[0];
            p50[interpret] = ms.Order().ElementAt(ms.Length / 2);
        }
        Console.WriteLine($"understand: p50 {p50["true"]:F3} ms ({p50["false"]:F3} with interpret=false; first {first:F1} ms)  [{q}]");
    }

    using var http = new HttpClient { BaseAddress = new Uri(address) };
    for (var i = 0; i < 300; i++) await Get(http, mix[i % mix.Length]);
    var overHttp = new double[queries];
    for (var i = 0; i < queries; i++)
    {
        var t = Stopwatch.GetTimestamp();
        await Get(http, mix[i % mix.Length]);
        overHttp[i] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
    }
    Report("HTTP", overHttp);

    await ServeBenchmark.Run(app, searchIndex, http, count, queries);

    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
    Console.WriteLine($"memory:    managed heap {GC.GetTotalMemory(true) / 1048576.0:F0} MB, working set {Process.GetCurrentProcess().WorkingSet64 / 1048576.0:F0} MB, peak {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MB");
    PrintTotals(mix, totals, catalogue.Name);
    await app.StopAsync();
    await app.DisposeAsync();
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    if (keep is null) try { Directory.Delete(data, recursive: true); } catch (IOException) { }
}
return 0;

async Task Get(HttpClient http, string query)
{
    using var response = await http.GetAsync("/api/programs?asOf=2025-06-01T10:00:00%2B09:00&" + query);
    response.EnsureSuccessStatusCode();
    await response.Content.ReadAsByteArrayAsync();
}

static void PrintTotals(string[] mix, long[] totals, string catalogue)
{
    Console.WriteLine($"hits per query of the mix ({catalogue} catalogue):");
    for (var k = 0; k < mix.Length; k++) Console.WriteLine($"  {totals[k],9:N0}  [{(mix[k].Length == 0 ? "(all)" : mix[k])}]");
}

static SearchRequest ToRequest(string query)
{
    var pairs = query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).ToLookup(p => p[0], p => p[1]);
    var parameters = new Catalog.Api.Programs.SearchParameters(
        pairs["q"].FirstOrDefault(), pairs["ministry"].ToArray(), pairs["kind"].ToArray(), pairs["field"].ToArray(),
        pairs["applicant"].ToArray(), pairs["level"].ToArray(), pairs["fiscalYear"].ToArray(), pairs["status"].ToArray(),
        null, pairs["rateMin"].FirstOrDefault(), pairs["capMin"].FirstOrDefault(), pairs["capMax"].FirstOrDefault(),
        null, pairs["sort"].FirstOrDefault(), pairs["page"].FirstOrDefault(), null);
    return parameters.TryBuild(SearchIndexHolder.Index!, out var request, out var problem)
        ? request : throw new InvalidOperationException(problem!.Detail);
}

static void Report(string name, double[] ms)
{
    var sorted = ms.Order().ToArray();
    double P(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
    Console.WriteLine($"{name,-10} {sorted.Length:N0} queries: p50 {P(0.50):F2} ms, p95 {P(0.95):F2} ms, p99 {P(0.99):F2} ms, max {sorted[^1]:F2} ms");
}

static long DirectorySize(string root, string pattern) =>
    Directory.EnumerateDirectories(root, pattern).SelectMany(d => Directory.EnumerateFiles(d)).Sum(f => new FileInfo(f).Length);

internal static class SearchIndexHolder
{
    public static SearchIndex? Index;
}
