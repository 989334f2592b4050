using Xunit;

namespace Catalog.Tests.Support;

/// <summary>
/// One running service seeded from the repository's seed/, shared by the tests of a class
/// (<c>IClassFixture&lt;SeededServer&gt;</c>) that only read. A test that writes starts its own.
/// </summary>
public sealed class SeededServer : IAsyncLifetime
{
    public CatalogTestServer Server { get; private set; } = null!;

    public HttpClient Client => Server.Client;

    public async Task InitializeAsync() => Server = await CatalogTestServer.StartAsync(seedPath: RepoPaths.Seed);

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>One running service with an empty catalogue, shared by a class's read-only tests.</summary>
public sealed class EmptyServer : IAsyncLifetime
{
    public CatalogTestServer Server { get; private set; } = null!;

    public HttpClient Client => Server.Client;

    public async Task InitializeAsync() => Server = await CatalogTestServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
