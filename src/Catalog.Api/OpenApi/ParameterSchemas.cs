using Catalog.Api.Parameters;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Catalog.Api.OpenApi;

/// <summary>
/// Types each query parameter as its handler parses it: the schema comes from the endpoint's
/// <see cref="ParameterRules"/> (integers with bounds, numbers, booleans, dates, enums). A query
/// parameter without a rule, or a rule without its parameter, stops the document: it would lie.
/// </summary>
internal sealed class ParameterSchemas : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var rules = context.Description.ActionDescriptor.EndpointMetadata.OfType<ParameterRules>().LastOrDefault() ?? new ParameterRules([]);
        var query = (operation.Parameters ?? []).OfType<OpenApiParameter>().Where(p => p.In == ParameterLocation.Query).ToList();
        foreach (var parameter in query)
        {
            var rule = rules.Find(parameter.Name!)
                ?? throw new InvalidOperationException($"{operation.OperationId}: query parameter '{parameter.Name}' has no parsing rule (WithParameters).");
            var bound = parameter.Schema?.Type is { } type && type.HasFlag(JsonSchemaType.Array);
            if (bound != rule.Many)
                throw new InvalidOperationException($"{operation.OperationId}: '{parameter.Name}' is bound {(bound ? "as a list" : "as one value")} but its rule says otherwise.");
            parameter.Schema = rule.Schema();
            if (rule.Many) { parameter.Style = ParameterStyle.Form; parameter.Explode = true; }
        }
        if (rules.All.FirstOrDefault(r => query.All(p => p.Name != r.Name)) is { } unbound)
            throw new InvalidOperationException($"{operation.OperationId}: rule '{unbound.Name}' names no parameter of the handler.");
        return Task.CompletedTask;
    }
}
