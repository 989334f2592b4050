using Catalog.Api;

// Verbs (import, export, reindex, analyze) run and exit; so does a "serve" with an option it does not know.
if (await Verbs.TryRunAsync(args) is { } exit) return exit;

// The service's table of contents is CatalogApp.Build: AddCatalog, the staff UI, MapHealth, MapPrograms, MapExport.
try
{
    var app = CatalogApp.Build(Verbs.ServiceArguments(args));
    app.Run();
    return 0;
}
catch (Catalog.Core.CatalogSetupException e)
{
    // No data folder or seed where the configuration or the repository says, or a seed that does not import.
    Console.Error.WriteLine(e.Message);
    return 1;
}
