using Catalog.Api;

// Verbs (import, export, reindex, analyze) run and exit; no verb or "serve" runs the service.
if (args.Length > 0 && args[0] != "serve" && (!args[0].StartsWith('-') || args[0] is "--help" or "-h"))
    return await Verbs.RunAsync(args);

// The service's table of contents is CatalogApp.Build: AddCatalog, the staff UI, MapHealth, MapPrograms, MapExport.
var app = CatalogApp.Build(args.Length > 0 && args[0] == "serve" ? args[1..] : args);
app.Run();
return 0;
