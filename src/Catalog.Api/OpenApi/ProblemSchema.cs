using Catalog.Api.Municipalities;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Catalog.Api.OpenApi;

/// <summary>
/// RFC 9457 problem details as this API writes them: the standard members, the trace id the
/// framework adds, and the two extensions of its 400s (<c>parameter</c>, and <c>candidates</c> for
/// an ambiguous municipality name, see MunicipalitiesApi.Lookup).
/// </summary>
internal static class ProblemSchema
{
    public const string Name = "ProblemDetails";

    public static async Task AddToAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.AddComponent(nameof(MunicipalityCandidate), await context.GetOrCreateSchemaAsync(typeof(MunicipalityCandidate), cancellationToken: ct));
        static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };
        // In place of the framework's schema of its ProblemDetails class, which knows no extension.
        document.Components!.Schemas![Name] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Required = new HashSet<string> { "type", "title", "status", "detail" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = Text("A URI naming the kind of problem (the RFC 9110 status section)."),
                ["title"] = Text("The problem in a few words."),
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Description = "The HTTP status code." },
                ["detail"] = Text("What is wrong with this request, for people."),
                ["instance"] = Text("The request's path, when given."),
                ["traceId"] = Text("The request's trace id, to find it in the logs."),
                ["parameter"] = Text("On a 400 or 404 caused by a parameter: its name."),
                ["candidates"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Array,
                    Items = new OpenApiSchemaReference(nameof(MunicipalityCandidate), document),
                    Description = "On a 400 for a municipality name that several places share: those places.",
                },
            },
        };
    }
}
