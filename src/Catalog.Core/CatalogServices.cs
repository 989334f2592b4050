using Catalog.Core.Import;
using Catalog.Core.Search;
using Catalog.Core.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Core;

/// <summary>The catalogue's own services, shared by the service and the verbs.</summary>
public static class CatalogServices
{
    /// <exception cref="CatalogSetupException">No data folder is configured and no repository is found.</exception>
    public static IServiceCollection AddCatalogCore(this IServiceCollection services, IConfiguration configuration) =>
        services.AddCatalogCore(CatalogPaths.Resolve(configuration));

    public static IServiceCollection AddCatalogCore(this IServiceCollection services, CatalogOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<CatalogDatabase>();
        services.AddSingleton<ProgramStore>();
        services.AddSingleton<Catalog.Core.Municipalities.MunicipalityStore>();
        services.AddSingleton<RevisionLog>();
        services.AddSingleton(sp => new CatalogAnalyzers(sp.GetRequiredService<CatalogOptions>().UserDictionaryPath));
        services.AddSingleton(sp => new SynonymSet(sp.GetRequiredService<CatalogOptions>().SynonymsPath));
        services.AddSingleton<SearchIndex>();
        // An import that changes the catalogue rebuilds the index itself and reports a failure.
        services.AddSingleton(sp => new CatalogImporter(
            sp.GetRequiredService<ProgramStore>(), sp.GetRequiredService<SearchIndex>(), sp.GetRequiredService<Catalog.Core.Municipalities.MunicipalityStore>(),
            sp.GetRequiredService<CatalogOptions>().FileLimits));
        services.AddSingleton(sp => new Catalog.Core.Changes.CatalogReverter(
            sp.GetRequiredService<ProgramStore>(), sp.GetRequiredService<RevisionLog>(), sp.GetRequiredService<SearchIndex>()));
        return services;
    }
}
