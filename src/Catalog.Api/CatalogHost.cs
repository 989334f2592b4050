using Catalog.Core;
using System.Text.Encodings.Web;
using Catalog.Core.Import;
using Catalog.Core.Search;
using Catalog.Core.Store;

namespace Catalog.Api;

/// <summary>Everything the service registers, in one place, so Program.cs stays a table of contents.</summary>
public static class CatalogHost
{
    public static WebApplicationBuilder AddCatalog(this WebApplicationBuilder builder)
    {
        builder.Services.AddCatalogCore(builder.Configuration);
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
        // In this order: seed an empty database, then open (or build) the index over it.
        builder.Services.AddHostedService<SeedOnStart>();
        builder.Services.AddHostedService<SearchIndexOnStart>();
        builder.Services.AddHostedService<SearchIndexFollower>();
        return builder;
    }

    /// <summary>The catalogue's own services, shared by the service and the verbs.</summary>
    public static IServiceCollection AddCatalogCore(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(CatalogOptions.Section).Get<CatalogOptions>() ?? new CatalogOptions();
        services.AddSingleton(options);
        services.AddSingleton<CatalogDatabase>();
        services.AddSingleton<ProgramStore>();
        services.AddSingleton<RevisionLog>();
        services.AddSingleton<CatalogImporter>();
        services.AddSingleton(sp => new CatalogAnalyzers(sp.GetRequiredService<CatalogOptions>().UserDictionaryPath));
        services.AddSingleton(sp => new SynonymSet(sp.GetRequiredService<CatalogOptions>().SynonymsPath));
        // Subscribes to ProgramStore.Changed: every committed import rebuilds the index.
        services.AddSingleton<SearchIndex>();
        return services;
    }

    public static WebApplication UseCatalogHost(this WebApplication app)
    {
        app.Services.GetRequiredService<CatalogDatabase>().Migrate();
        // Resolve the index before any import can run, so it hears ProgramStore.Changed.
        app.Services.GetRequiredService<SearchIndex>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapOpenApi();
        return app;
    }

    /// <summary>
    /// Serves the staff UI from wwwroot. Default files and static files must run before routing,
    /// or "/" is matched (and missed) by routing first (dotnet/aspnetcore#59399), so routing is
    /// placed explicitly after them.
    /// </summary>
    public static WebApplication UseStaffUi(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseRouting();
        return app;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health", (ProgramStore store) => TypedResults.Ok(new { status = "ok", programs = store.Count() }))
            .WithName("Health").WithSummary("Liveness and readiness probe: the database answers.");
        return endpoints;
    }
}

/// <summary>Imports the seed folder on first start, when the database holds no program.</summary>
internal sealed class SeedOnStart(CatalogOptions options, ProgramStore store, CatalogImporter importer, ILogger<SeedOnStart> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.SeedOnStart || store.Count() > 0) return Task.CompletedTask;
        var result = importer.Import(options.SeedPath);
        if (!result.Succeeded)
            throw new InvalidOperationException($"The seed at {options.SeedPath} does not import:\n" + string.Join("\n", result.Errors));
        logger.LogInformation("Seeded the catalogue from {Seed}: {Added} added", options.SeedPath, result.Counts.Added);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Opens the search index on start, building it when it is missing, unreadable or stale.</summary>
internal sealed class SearchIndexOnStart(SearchIndex index) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        index.Open();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>
/// Every few seconds, catches up with imports and reindexes that the verbs ran in another process
/// on the same data folder, so the service never serves a catalogue older than the database.
/// </summary>
internal sealed class SearchIndexFollower(SearchIndex index, CatalogOptions options, ILogger<SearchIndexFollower> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.FollowInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try { await Task.Run(index.Follow, stoppingToken); }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Could not catch up with the index on disk; trying again shortly");
            }
        }
    }
}
