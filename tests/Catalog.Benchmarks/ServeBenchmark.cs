using System.Diagnostics;
using System.Globalization;
using Catalog.Core.Search;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Catalog.Benchmarks;

/// <summary>Suggest and detail latencies (in-process and over HTTP), and where the memory goes.</summary>
internal static class ServeBenchmark
{
    public static async Task Run(WebApplication app, SearchIndex searchIndex, HttpClient http, int count, int queries)
    {
        // Suggest: what a search box sends keystroke by keystroke (kanji, katakana, hiragana readings,
        // words inside names, text found nowhere), in-process and over HTTP.
        for (var i = 0; i < 300; i++) searchIndex.Suggest(BenchmarkMix.Suggest[i % BenchmarkMix.Suggest.Length]);
        Report("suggest", Time(queries, i => searchIndex.Suggest(BenchmarkMix.Suggest[i % BenchmarkMix.Suggest.Length])));
        var perInput = BenchmarkMix.Suggest.Select(q => (q, ms: Time(200, _ => searchIndex.Suggest(q)).Order().ElementAt(100)));
        Console.WriteLine("  suggest p50 per input: " + string.Join(", ", perInput.Select(x => string.Create(CultureInfo.InvariantCulture, $"{x.q} {x.ms:F3}"))));
        Report("suggest/H", await TimeAsync(queries, i => Get(http, "/api/suggest?q=" + Uri.EscapeDataString(BenchmarkMix.Suggest[i % BenchmarkMix.Suggest.Length]))));

        // Detail: one program by id over HTTP, then where its time goes in-process.
        var ids = new Random(5);
        for (var i = 0; i < 300; i++) await Get(http, BenchmarkMix.Detail(ids, count));
        Report("detail/H", await TimeAsync(queries, _ => Get(http, BenchmarkMix.Detail(ids, count))));
        var store = app.Services.GetRequiredService<Catalog.Core.Store.ProgramStore>();
        var json = app.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        string Id() => "synthetic-" + ids.Next(1, count + 1).ToString("D6", CultureInfo.InvariantCulture);
        var find = Time(2000, _ => store.Find(Id()));
        var handler = Time(2000, _ =>
        {
            var result = Catalog.Api.Programs.ProgramsApi.GetProgram(Id(), "2025-06-01", store, searchIndex).Result;
            System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(((IValueHttpResult)result).Value, json);
        });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  detail p50 in-process: store read {P(find, 0.5):F3} ms; handler + JSON {P(handler, 0.5):F3} ms (p99 {P(handler, 0.99):F3})"));
    }

    /// <summary>The process's memory after a full collection: the GC heap, what the GC has committed, and the rest.</summary>
    public static Task Memory(WebApplication app)
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var info = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        static double Mb(long bytes) => bytes / 1048576.0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"memory:    GC heap {Mb(info.HeapSizeBytes):F0} MB (fragmented {Mb(info.FragmentedBytes):F0}), GC committed {Mb(info.TotalCommittedBytes):F0} MB; RSS {Status("VmRSS")} MB = anonymous {Status("RssAnon")} + files {Status("RssFile")}; peak {Status("VmHWM")} MB; {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  anonymous beyond the GC's commit (runtime, JIT code, SQLite page caches, native buffers): {Status("RssAnon") - Mb(info.TotalCommittedBytes):F0} MB"));
        return Task.CompletedTask;
    }

    private static long Status(string key)
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(key + ":", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    private static double[] Time(int n, Action<int> action)
    {
        var ms = new double[n];
        for (var i = 0; i < n; i++)
        {
            var t = Stopwatch.GetTimestamp();
            action(i);
            ms[i] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
        }
        return ms;
    }

    private static async Task<double[]> TimeAsync(int n, Func<int, Task> action)
    {
        var ms = new double[n];
        for (var i = 0; i < n; i++)
        {
            var t = Stopwatch.GetTimestamp();
            await action(i);
            ms[i] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
        }
        return ms;
    }

    private static async Task Get(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsByteArrayAsync();
    }

    private static double P(double[] ms, double q)
    {
        var sorted = ms.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
    }

    private static void Report(string name, double[] ms) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name,-10} {ms.Length:N0} requests: p50 {P(ms, 0.50):F3} ms, p95 {P(ms, 0.95):F3} ms, p99 {P(ms, 0.99):F3} ms, max {ms.Max():F2} ms"));
}
