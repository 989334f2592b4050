using Catalog.Core;
using Catalog.Core.Search;

namespace Catalog.Api.Hosting;

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
