using Catalog.Api;

// Verbs (import, export, reindex, analyze) run and exit; no verb or "serve" runs the service.
if (args.Length > 0 && args[0] != "serve" && !args[0].StartsWith('-'))
    return await Verbs.RunAsync(args);

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args.Length > 0 && args[0] == "serve" ? args[1..] : args,
    ContentRootPath = AppContext.BaseDirectory, // appsettings and wwwroot ship beside the binary
});
builder.AddCatalog();

var app = builder.Build();
app.UseCatalogHost();
app.UseStaffUi();
app.MapHealth();
app.Run();
return 0;
