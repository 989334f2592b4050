using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Catalog.Api.OpenApi;

/// <summary>
/// What the document says as a whole: the API is public (no security scheme), the server's
/// address without a trailing slash, a description per tag, and the shared schemas that no C#
/// type gives (the export record, ProblemDetails).
/// </summary>
internal sealed class ContractDocument : IOpenApiDocumentTransformer
{
    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Catalog API";
        document.Info.Description = "Japan's national smart-city support programs (交付金, 補助金, 委託事業, 伴走支援): search, "
            + "details, municipalities' eligibility, history, exports and feeds. Read-only and public; errors are RFC 9457 problem details.";
        // Public: no operation needs credentials, which OpenAPI says with an empty requirement list.
        // The library leaves empty lists out of what it writes, so the member is written as raw JSON.
        document.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        document.Extensions["security"] = new JsonNodeExtension(new JsonArray());
        foreach (var server in document.Servers ?? []) server.Url = server.Url?.TrimEnd('/');
        document.Tags = new HashSet<OpenApiTag>(ApiTags.Descriptions.Select(t => new OpenApiTag { Name = t.Key, Description = t.Value }));
        ProgramRecordSchemas.AddTo(document);
        await ProblemSchema.AddToAsync(document, context, cancellationToken);
    }
}

public static class CatalogOpenApi
{
    /// <summary>/openapi/v1.json as a contract: typed parameters, every error response, real schemas.</summary>
    public static IServiceCollection AddCatalogOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(o =>
        {
            o.AddOperationTransformer<ParameterSchemas>();
            o.AddOperationTransformer<ErrorResponses>();
            o.AddDocumentTransformer<ContractDocument>();
        });
}
