using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Catalog.Core.Programs;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Catalog.Api.Hosting;

/// <summary>Catalog:WarmUp — how many passes of the warm-up requests run after start; 0 turns it off.</summary>
public sealed class WarmUpOptions
{
    public int Rounds { get; set; } = 2;
}

/// <summary>Whether the warm-up has finished, what it sent, and the key that exempts it from the rate limit.</summary>
public sealed class WarmUpState
{
    private volatile bool _done;

    /// <summary>A random key only this process knows; a request carrying it is the warm-up's own.</summary>
    public string Key { get; } = Guid.NewGuid().ToString("N");

    public bool Done => _done;
    public int Requests { get; private set; }
    public int Failed { get; private set; }
    public double Milliseconds { get; private set; }

    internal void Finish(int requests, int failed, double milliseconds)
    {
        (Requests, Failed, Milliseconds) = (requests, failed, milliseconds);
        _done = true;
    }
}

/// <summary>
/// Right after the server listens, sends a representative set of requests (searches with text,
/// filters, facets, sorting and paging; suggests; a detail) to itself over loopback, through the
/// whole pipeline, so .NET has compiled the hot paths and the completion list is built before
/// /health reports ok. The service answers others meanwhile; only /health waits.
/// </summary>
internal sealed class WarmUp(IServer server, IHostApplicationLifetime lifetime, WarmUpState state, WarmUpOptions options, ILogger<WarmUp> logger) : BackgroundService
{
    public const string Header = "X-Catalog-Warm-Up";

    /// <summary>True for the warm-up's own requests (they carry the process's key).</summary>
    public static bool IsOwn(HttpContext context) =>
        context.Request.Headers.TryGetValue(Header, out var key)
        && context.RequestServices.GetService<WarmUpState>() is { } state && key == state.Key;

    private static readonly string[] Searches =
    [
        "q=スマートシティ", "q=自動運転 実証", "q=こうふきん", "q=データ連携基盤 補助金&ministry=総務省", "q=ドローン -物流&status=受付中",
        "q=MaaS OR 交通&sort=deadline", "q=\"地方公共団体を支援\"", "kind=補助金&status=受付中", "rateMin=0.5&capMin=100000000",
        "applicant=市区町村&fiscalYear=2024&sort=cap", "q=防災&field=防災&page=2", "",
    ];

    private static readonly string[] Suggests = ["デ", "デジタル", "すまーと", "こうふきん", "自動", "まちづ", "防災"];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Rounds <= 0)
        {
            state.Finish(0, 0, 0);
            return;
        }
        if (!await Started(stoppingToken)) return;
        var sw = Stopwatch.StartNew();
        int requests = 0, failed = 0;
        try
        {
            using var http = new HttpClient { BaseAddress = Loopback(), Timeout = TimeSpan.FromMinutes(2) };
            http.DefaultRequestHeaders.Add(Header, state.Key);
            string? id = null;
            for (var round = 0; round < options.Rounds; round++)
            {
                foreach (var query in Searches)
                {
                    var body = await Get(http, "/api/programs?" + query, stoppingToken);
                    id ??= FirstId(body);
                }
                foreach (var q in Suggests) await Get(http, "/api/suggest?q=" + Uri.EscapeDataString(q), stoppingToken);
                if (id is not null) await Get(http, $"/api/programs/{Uri.EscapeDataString(id)}?asOf=2025-06-01", stoppingToken);
                await Get(http, "/api/vocabulary", stoppingToken);
            }
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            // A warm-up that cannot finish must not keep the service unhealthy for ever.
            logger.LogWarning(e, "The warm-up stopped early");
            failed++;
        }
        state.Finish(requests, failed, sw.Elapsed.TotalMilliseconds);
        logger.LogInformation("Warm after {Requests} requests in {Milliseconds:F0} ms ({Failed} failed)", requests, sw.Elapsed.TotalMilliseconds, failed);

        async Task<string?> Get(HttpClient http, string path, CancellationToken ct)
        {
            requests++;
            using var response = await http.GetAsync(path, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            if (response.IsSuccessStatusCode) return body;
            failed++;
            logger.LogWarning("Warm-up request {Path} answered {Status}", path, (int)response.StatusCode);
            return null;
        }
    }

    private async Task<bool> Started(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using var a = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var b = stoppingToken.Register(() => started.TrySetCanceled());
        try { await started.Task; return true; }
        catch (TaskCanceledException) { return false; }
    }

    // The first address the server listens on, with a wildcard host made concrete.
    private Uri Loopback()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("the server reports no address to warm up through");
        var uri = new Uri(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal));
        return new UriBuilder(uri) { Host = uri.IsLoopback || uri.Host == "localhost" ? "127.0.0.1" : uri.Host }.Uri;
    }

    private static string? FirstId(string? body)
    {
        if (body is null) return null;
        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.TryGetProperty("hits", out var hits) && hits.GetArrayLength() > 0
            && hits[0].TryGetProperty("id", out var id) ? id.GetString() : null;
    }
}
