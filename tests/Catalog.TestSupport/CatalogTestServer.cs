using Catalog.Api;
using Catalog.Core;
using Catalog.Core.Import;
using Catalog.Core.Programs;
using Catalog.Core.Search;
using Catalog.Core.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Catalog.Tests.Support;

/// <summary>
/// The real service, started in-process on Kestrel at http://127.0.0.1:{free port} with its own
/// temporary data folder; disposing stops it and deletes the folder. Tests arrange through
/// <see cref="Store"/> or <see cref="Importer"/> and act through <see cref="Client"/>.
/// </summary>
public sealed class CatalogTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private readonly bool _ownsData;

    private CatalogTestServer(WebApplication app, string dataPath, Uri baseAddress, bool ownsData)
    {
        _app = app;
        _ownsData = ownsData;
        DataPath = dataPath;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public string DataPath { get; }
    public Uri BaseAddress { get; }
    public HttpClient Client { get; }
    public IServiceProvider Services => _app.Services;
    public ProgramStore Store => Services.GetRequiredService<ProgramStore>();
    public CatalogImporter Importer => Services.GetRequiredService<CatalogImporter>();
    public SearchIndex Index => Services.GetRequiredService<SearchIndex>();

    /// <summary>
    /// Starts the service. <paramref name="seedPath"/> is imported on start when given (through the
    /// importer, as in production); the repository's own seed into a fresh folder is imported once
    /// per test process and copied (<see cref="SeededCatalogue"/>). <paramref name="dataPath"/>
    /// reuses a folder (e.g. to restart over an existing index) instead of a fresh temporary one.
    /// </summary>
    public static async Task<CatalogTestServer> StartAsync(string? seedPath = null, string? dataPath = null,
        IDictionary<string, string?>? settings = null, Action<WebApplicationBuilder>? configure = null)
    {
        if (seedPath is not null && dataPath is null && SeededCatalogue.IsRepositorySeed(seedPath))
            return await StartAsync(await SeededCatalogue.CopyAsync(), null, settings, configure, ownsData: true);
        return await StartAsync(dataPath ?? TempFolder.NewPath(), seedPath, settings, configure, ownsData: true);
    }

    /// <summary>Starts the service importing <paramref name="seedPath"/> into <paramref name="dataPath"/>, which outlives it.</summary>
    internal static Task<CatalogTestServer> StartImportingAsync(string seedPath, string dataPath) =>
        StartAsync(dataPath, seedPath, null, null, ownsData: false);

    private static async Task<CatalogTestServer> StartAsync(string dataPath, string? seedPath,
        IDictionary<string, string?>? settings, Action<WebApplicationBuilder>? configure, bool ownsData)
    {
        var args = new List<string>
        {
            "--urls=http://127.0.0.1:0",
            "--environment=Test",
            $"--Catalog:DataPath={dataPath}",
            $"--Catalog:SeedOnStart={(seedPath is not null).ToString().ToLowerInvariant()}",
        };
        if (seedPath is not null) args.Add($"--Catalog:SeedPath={seedPath}");
        // Tests send requests faster than any person; the rate-limit test sets its own limit.
        if (settings?.ContainsKey("Catalog:Limits:RequestsPerMinute") != true) args.Add("--Catalog:Limits:RequestsPerMinute=100000000");
        // The warm-up after start costs a test seconds of CPU; the warm-up test turns it on.
        if (settings?.ContainsKey("Catalog:WarmUp:Rounds") != true) args.Add("--Catalog:WarmUp:Rounds=0");
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) args.Add($"--{k}={v}");

        var app = CatalogApp.Build([.. args], builder =>
        {
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            configure?.Invoke(builder);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new CatalogTestServer(app, dataPath, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)), ownsData);
    }

    /// <summary>Writes programs through the store (bypassing import validation), then rebuilds the index as an import does.</summary>
    public void Add(params ProgramRecord[] programs)
    {
        Store.Upsert(programs, [], "test");
        Index.Rebuild();
    }

    /// <summary>Stops the host as a shutdown signal would: new connections are refused, requests in flight finish.</summary>
    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_ownsData) TempFolder.DeleteQuietly(DataPath);
    }

}
