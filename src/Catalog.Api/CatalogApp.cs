using Catalog.Api.Changes;
using Catalog.Api.Drafting;
using Catalog.Api.Export;
using Catalog.Api.Hosting;
using Catalog.Api.Municipalities;
using Catalog.Api.Feeds;
using Catalog.Api.Programs;
using Catalog.Api.Security;

namespace Catalog.Api;

/// <summary>
/// The service as a table of contents: registration, then the resources. Program.cs runs it;
/// tests start it in-process on Kestrel with their own configuration.
/// </summary>
public static class CatalogApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory, // appsettings and wwwroot ship beside the binary
        });
        builder.AddCatalog();
        builder.AddHttpHardening();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseHttpHardening();
        app.UseCatalogHost();
        app.UseStaffUi();
        app.MapHealth();
        app.MapPrograms();
        app.MapOverview();
        app.MapVocabulary();
        app.MapExport();
        app.MapMunicipalities(); // and /api/adoptions
        app.MapChanges(); // history: /api/changes, /api/programs/{id}/history
        app.MapFeeds(); // /feed.atom, /api/calendar.ics
        app.MapDrafts(); // POST /api/drafts: a document in, proposed records out; nothing stored
        return app;
    }
}
