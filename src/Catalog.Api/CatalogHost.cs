using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using Catalog.Api.OpenApi;
using Catalog.Api.Hosting;
using Catalog.Core;
using Catalog.Core.Store;

namespace Catalog.Api;

/// <summary>What the service registers and the middleware it runs, so CatalogApp stays a table of contents.</summary>
public static class CatalogHost
{
    public static WebApplicationBuilder AddCatalog(this WebApplicationBuilder builder)
    {
        // The data folder and seed from any working directory, or one line saying what to do, before anything is written.
        var options = CatalogPaths.Resolve(builder.Configuration);
        CatalogPaths.RequireSeedForFirstStart(options);
        builder.Services.AddCatalogCore(options);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<IndexUnavailableHandler>();
        builder.Services.AddCatalogOpenApi();
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
            // Numbers are written as numbers; without this the document says "integer or string" for each.
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        // The seed is imported into an empty database while the app is built (UseCatalogHost); then the index opens over it.
        builder.Services.AddSingleton<SeedOnStart>();
        builder.Services.AddHostedService<SearchIndexOnStart>();
        builder.Services.AddHostedService<SearchIndexFollower>();
        // After the server listens: requests through the pipeline, so /health is ok only when warm.
        builder.Services.AddSingleton(builder.Configuration.GetSection("Catalog:WarmUp").Get<WarmUpOptions>() ?? new WarmUpOptions());
        builder.Services.AddSingleton<WarmUpState>();
        builder.Services.AddHostedService<WarmUp>();
        return builder;
    }

    public static WebApplication UseCatalogHost(this WebApplication app)
    {
        app.Services.GetRequiredService<CatalogDatabase>().Migrate();
        app.Services.GetRequiredService<SeedOnStart>().Run();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapOpenApi();
        return app;
    }

    /// <summary>
    /// Serves the staff UI from wwwroot. Default files and static files must run before routing,
    /// or "/" is matched (and missed) by routing first (dotnet/aspnetcore#59399), so routing is
    /// placed explicitly after them.
    /// </summary>
    public static readonly string[] StaffPages = ["/compare"];

    public static WebApplication UseStaffUi(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseRouting();
        // Pages with a path of their own are the same single page, which reads the path (app.js).
        var page = Path.Combine(app.Environment.WebRootPath, "index.html");
        foreach (var path in StaffPages)
            app.MapGet(path, () => TypedResults.PhysicalFile(page, "text/html; charset=utf-8")).ExcludeFromDescription();
        return app;
    }
}
