using Catalog.Core.Search;

namespace Catalog.Api.Hosting;

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
