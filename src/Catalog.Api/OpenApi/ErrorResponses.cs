using System.Reflection;
using Catalog.Api.Parameters;
using Catalog.Api.Security;
using Catalog.Core.Search;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Catalog.Api.OpenApi;

/// <summary>
/// The errors every operation can answer, as ProblemDetails, from the facts that cause them: 400
/// when it parses parameters, 414 always (the query-length guard runs first), 429 on the
/// rate-limited paths, 503 while the search index is unavailable when the handler reads it. The
/// 404s are declared by their endpoints (ProducesProblem); this gives them the same schema.
/// </summary>
internal sealed class ErrorResponses : IOpenApiOperationTransformer
{
    public const string ProblemMediaType = "application/problem+json";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var document = context.Document!;
        operation.Responses ??= [];
        if (metadata.OfType<ParameterRules>().Any(r => r.All.Count > 0))
            Add(operation, document, StatusCodes.Status400BadRequest, "A parameter is not valid: `parameter` names it and `detail` says why.");
        Add(operation, document, StatusCodes.Status414RequestUriTooLong, $"The query string is longer than {HttpHardening.MaxQueryStringLength} characters.");
        if (HttpHardening.IsRateLimited("/" + context.Description.RelativePath))
            Add(operation, document, StatusCodes.Status429TooManyRequests, "Too many API requests from this client in a minute; try again after `Retry-After` seconds.", retryAfter: true);
        if (metadata.OfType<MethodInfo>().Any(m => m.GetParameters().Any(p => p.ParameterType == typeof(SearchIndex))))
            Add(operation, document, StatusCodes.Status503ServiceUnavailable, "The search index is opening or being rebuilt; try again after `Retry-After` seconds.", retryAfter: true);

        // What endpoints declared with ProducesProblem: the one ProblemDetails schema, described.
        foreach (var (_, response) in operation.Responses)
            if (response is OpenApiResponse { Content: { } content } && content.TryGetValue(ProblemMediaType, out var media))
                media.Schema = new OpenApiSchemaReference(ProblemSchema.Name, document);
        return Task.CompletedTask;
    }

    private static void Add(OpenApiOperation operation, OpenApiDocument document, int status, string description, bool retryAfter = false)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses!.ContainsKey(key)) return;
        operation.Responses[key] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType> { [ProblemMediaType] = new() { Schema = new OpenApiSchemaReference(ProblemSchema.Name, document) } },
            Headers = retryAfter
                ? new Dictionary<string, IOpenApiHeader> { ["Retry-After"] = new OpenApiHeader { Description = "Seconds to wait.", Schema = new OpenApiSchema { Type = JsonSchemaType.Integer } } }
                : null,
        };
    }
}
