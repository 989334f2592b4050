using Catalog.Core;
using Catalog.Core.Import;
using Catalog.Core.Store;

namespace Catalog.Api.Hosting;

/// <summary>
/// Imports the seed folder on first start, when the database holds no program. It runs while the
/// app is built (before any hosted service), so a seed that does not import stops the start with
/// one line, not a host failure with a stack trace.
/// </summary>
internal sealed class SeedOnStart(CatalogOptions options, ProgramStore store, CatalogImporter importer, ILogger<SeedOnStart> logger)
{
    /// <exception cref="CatalogSetupException">The seed does not import.</exception>
    public void Run()
    {
        if (!options.SeedOnStart || store.Count() > 0) return;
        var result = importer.Import(options.SeedPath);
        if (!result.Succeeded)
        {
            var more = result.Errors.Count > 1 ? $" (and {result.Errors.Count - 1} more problem(s); `import --dry-run {options.SeedPath}` lists them)" : "";
            throw new CatalogSetupException($"The seed at {options.SeedPath} does not import: {result.Errors[0]}{more}; nothing was imported.");
        }
        // The next step (SearchIndexOnStart) builds the index when this rebuild failed.
        if (result.IndexError is not null) logger.LogError("Seeded the catalogue, but {Problem}", result.IndexError);
        logger.LogInformation("Seeded the catalogue from {Seed}: {Added} added", options.SeedPath, result.Counts.Added);
    }
}
