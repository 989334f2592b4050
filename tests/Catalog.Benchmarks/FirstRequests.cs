using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Catalog.Tests.Support;

namespace Catalog.Benchmarks;

/// <summary>
/// The first requests after a start: runs the service as its own process (as production and the
/// side-by-side tool do) over a catalogue built by an earlier run, waits until /health answers
/// 200, then times requests 1..100 (searches, suggests, details) and the same 100 again, warm.
/// Repeats a few starts; reports the time to healthy and the service's memory at the end.
/// </summary>
internal static class FirstRequests
{
    public static async Task<int> Run(string data, int count, int starts, string? service, IReadOnlyList<string> environment)
    {
        service ??= Path.Combine(RepoPaths.Root, "src", "Catalog.Api", "bin", "Release", "net10.0", "Catalog.Api.dll");
        Console.WriteLine($"first requests: {service}");
        var paths = Paths(count);
        for (var run = 1; run <= starts; run++)
        {
            var port = FreePort();
            var start = new ProcessStartInfo("dotnet", [service, "--urls", $"http://127.0.0.1:{port}"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                Environment =
                {
                    ["ASPNETCORE_ENVIRONMENT"] = "Production",
                    ["Catalog__DataPath"] = data,
                    ["Catalog__SeedOnStart"] = "false",
                    ["Catalog__Limits__RequestsPerMinute"] = "100000000",
                    ["Logging__LogLevel__Default"] = "Warning",
                },
            };
            // --env NAME=VALUE: runtime knobs for this run (e.g. DOTNET_gcServer=0), no rebuild needed.
            foreach (var pair in environment) start.Environment[pair[..pair.IndexOf('=', StringComparison.Ordinal)]] = pair[(pair.IndexOf('=', StringComparison.Ordinal) + 1)..];
            var sw = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("  service: " + e.Data); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            try
            {
                using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(120) };
                var listening = TimeSpan.Zero;
                while (true)
                {
                    if (process.HasExited) throw new InvalidOperationException($"the service exited with {process.ExitCode}");
                    try
                    {
                        using var health = await http.GetAsync("/health");
                        if (listening == TimeSpan.Zero) listening = sw.Elapsed;
                        if (health.StatusCode == HttpStatusCode.OK) break;
                    }
                    catch (HttpRequestException) { }
                    await Task.Delay(20);
                }
                var healthy = sw.Elapsed;
                var first = await Time(http, paths);
                var warm = await Time(http, paths);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"start {run}: listening {listening.TotalSeconds:F1} s, healthy {healthy.TotalSeconds:F1} s; first 100: {Summary(first)}; same 100 again: {Summary(warm)}"));
                Console.WriteLine("  first 10 (ms): " + string.Join(" ", first.Take(10).Select(ms => ms.ToString("F1", CultureInfo.InvariantCulture))));
                // Then a load like the side-by-side run's (16 connections), and the memory it leaves.
                var (requests, seconds) = await Load(http, paths, connections: 16, total: 3_000);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  load: {requests / seconds:F0} req/s (16 connections, {requests} requests); service RSS {Rss(process.Id, "VmRSS")} MB (anonymous {Rss(process.Id, "RssAnon")}, files {Rss(process.Id, "RssFile")}), peak {Rss(process.Id, "VmHWM")} MB"));
            }
            finally
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        return 0;
    }

    // 100 requests, interleaved as a user session would send them.
    private static List<string> Paths(int count)
    {
        var random = new Random(11);
        var paths = new List<string>();
        for (var i = 0; paths.Count < 100; i++)
        {
            paths.Add("/api/programs?asOf=2025-06-01T10:00:00%2B09:00&" + BenchmarkMix.Search[i % BenchmarkMix.Search.Length]);
            paths.Add("/api/suggest?q=" + Uri.EscapeDataString(BenchmarkMix.Suggest[i % BenchmarkMix.Suggest.Length]));
            paths.Add(BenchmarkMix.Detail(random, count));
        }
        return paths.Take(100).ToList();
    }

    private static async Task<double[]> Time(HttpClient http, List<string> paths)
    {
        var ms = new double[paths.Count];
        for (var i = 0; i < paths.Count; i++)
        {
            var t = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync(paths[i]);
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
            ms[i] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
        }
        return ms;
    }

    private static async Task<(int Requests, double Seconds)> Load(HttpClient http, List<string> paths, int connections, int total)
    {
        var next = -1;
        var sw = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < total; i = Interlocked.Increment(ref next))
            {
                using var response = await http.GetAsync(paths[i % paths.Count]);
                response.EnsureSuccessStatusCode();
                await response.Content.ReadAsByteArrayAsync();
            }
        }));
        return (total, sw.Elapsed.TotalSeconds);
    }

    private static string Summary(double[] ms)
    {
        var sorted = ms.Order().ToArray();
        return string.Create(CultureInfo.InvariantCulture, $"total {ms.Sum():F0} ms, p50 {sorted[sorted.Length / 2]:F1}, p90 {sorted[sorted.Length * 9 / 10]:F1}, max {sorted[^1]:F1}");
    }

    private static long Rss(int pid, string key)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(key + ":", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
