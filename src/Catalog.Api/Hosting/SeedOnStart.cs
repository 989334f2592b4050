using Catalog.Core;
using Catalog.Core.Import;
using Catalog.Core.Store;

namespace Catalog.Api.Hosting;

/// <summary>Imports the seed folder on first start, when the database holds no program.</summary>
internal sealed class SeedOnStart(CatalogOptions options, ProgramStore store, CatalogImporter importer, ILogger<SeedOnStart> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.SeedOnStart || store.Count() > 0) return Task.CompletedTask;
        var result = importer.Import(options.SeedPath);
        if (!result.Succeeded)
            throw new InvalidOperationException($"The seed at {options.SeedPath} does not import:\n" + string.Join("\n", result.Errors));
        // The next step (SearchIndexOnStart) builds the index when this rebuild failed.
        if (result.IndexError is not null) logger.LogError("Seeded the catalogue, but {Problem}", result.IndexError);
        logger.LogInformation("Seeded the catalogue from {Seed}: {Added} added", options.SeedPath, result.Counts.Added);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
